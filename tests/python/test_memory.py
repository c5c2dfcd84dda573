"""Memory: a million calls through the package leave the process no larger.

A leak of even a few bytes per call (a reference kept, a string not freed) shows
as megabytes here. SLA_PY_LEAK_CALLS sets the number of calls (default 1,000,000)."""

import os
from datetime import datetime, timedelta

import numpy as np

from conftest import JAKARTA

CALLS = int(os.environ.get("SLA_PY_LEAK_CALLS", "1000000"))


def rss_bytes():
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")


def test_no_leak_over_a_million_calls(premium, qiscus):
    created = datetime(2026, 1, 9, 16, 30, tzinfo=JAKARTA)
    responded = created + timedelta(hours=2)
    as_of = datetime(2026, 2, 1, tzinfo=JAKARTA)
    cal = qiscus.calendars["office_hours"]
    four = timedelta(hours=4)

    def round_of(n):
        # Every entry point a host calls in a loop, the cheap ones more often, so
        # that a million calls fit in seconds.
        for i in range(n):
            k = i % 10
            if k == 0:
                premium.evaluate("Normal", created, responded, as_of=as_of)
            elif k == 1:
                try:
                    premium.evaluate("Urgent", created, as_of=as_of)  # the error path
                except ValueError:
                    pass
            elif k < 4:
                cal.add(created, four)
            elif k < 6:
                cal.between(created, responded)
            else:
                cal.is_open(created)

    warm = min(50_000, CALLS // 10)
    round_of(warm)
    before = rss_bytes()
    round_of(CALLS - warm)
    grown = rss_bytes() - before
    assert grown < 8 * 1024 * 1024, f"RSS grew by {grown / 1e6:.1f} MB over {CALLS - warm} calls"


def test_no_leak_in_batches(premium):
    n = 100_000
    created = np.datetime64("2026-01-01T00:00:00") + np.arange(n).astype("timedelta64[m]")
    prio = np.array(["Low", "Normal", "High", "Urgent"])[np.arange(n) % 4]  # a quarter are errors
    as_of = datetime(2027, 1, 1, tzinfo=JAKARTA)
    for _ in range(3):
        premium.evaluate_many(priority=prio, created=created, as_of=as_of)
    before = rss_bytes()
    for _ in range(20):
        premium.evaluate_many(priority=prio, created=created, as_of=as_of)
    grown = rss_bytes() - before
    assert grown < 16 * 1024 * 1024, f"RSS grew by {grown / 1e6:.1f} MB over 20 batches"
