#!/usr/bin/env python3
"""A month of made-up Qiscus tickets for `sla report`'s browser test and screenshot:
January 2026, four priorities in office hours, response and resolution times drawn
from a seeded generator (the same file every run), a few still open on 2 February.
Usage: generate_tickets.py > tickets.csv
"""
import datetime as dt
import random

rng = random.Random(19)
tz = dt.timezone(dt.timedelta(hours=7))
start = dt.datetime(2026, 1, 1, tzinfo=tz)
as_of = dt.datetime(2026, 2, 2, 9, 30, tzinfo=tz)
# priority, share of tickets, mean hours to respond, mean hours from response to resolution
PRIORITIES = [("Critical", 0.08, 0.6, 6), ("High", 0.2, 1.5, 20), ("Normal", 0.5, 3, 60),
              ("Low", 0.22, 6, 200)]


def text(t):
    return t.isoformat(timespec="seconds")


print("id,priority,created_at,first_response_at,resolved_at,subject")
for i in range(320):
    r, acc = rng.random(), 0.0
    for name, share, respond, resolve in PRIORITIES:
        acc += share
        if r <= acc:
            break
    created = start + dt.timedelta(minutes=rng.randrange(31 * 24 * 60))
    if created.hour < 8 or created.hour >= 18:  # most tickets come in office hours
        created = created.replace(hour=9 + rng.randrange(8))
    responded = created + dt.timedelta(hours=rng.expovariate(1 / respond))
    resolved = responded + dt.timedelta(hours=rng.expovariate(1 / resolve))
    response_at = text(responded) if responded <= as_of else ""
    resolved_at = text(resolved) if resolved <= as_of and rng.random() > 0.05 else ""
    print(f"QS-{2000 + i},{name},{text(created)},{response_at},{resolved_at},Ticket {i}")
