"""One ticket at a time: Evaluator.evaluate and explain, enums, aware datetimes, bad input."""

from datetime import datetime, timedelta, timezone

import pytest

import sla
from conftest import BERLIN, JAKARTA, NEW_YORK


def jkt(*args):
    return datetime(*args, tzinfo=JAKARTA)


def test_friday_afternoon_is_due_monday(premium):
    r = premium.evaluate(priority="Normal", created=jkt(2026, 1, 9, 16, 30), as_of=jkt(2026, 1, 10))
    assert isinstance(r, sla.Evaluation)
    assert r.response_due == jkt(2026, 1, 12, 12, 30)
    assert r.response_due.isoformat() == "2026-01-12T12:30:00+07:00"  # in the calendar's zone
    assert r.response_status is sla.Status.PENDING
    assert r.response.commitment is sla.Commitment.COMMITTED
    assert r.response.target.within == "4 business hours"
    assert r.response.elapsed == timedelta(minutes=30)
    assert r.response.left == timedelta(hours=3, minutes=30)
    assert r.resolution_status is sla.Status.NO_TARGET and r.resolution_due is None
    assert r.priority == "Normal"
    assert r.escalation.role == "Technical Support"


def test_met_and_breached(premium):
    r = premium.evaluate(priority="Critical", created=jkt(2026, 1, 13, 10), responded=jkt(2026, 1, 13, 10, 30),
                         resolved=jkt(2026, 1, 13, 19), as_of=jkt(2026, 2, 1))
    assert r.response_status == "met" and r.response_status.name == "MET"
    assert r.resolution_status is sla.Status.BREACHED
    assert str(r.resolution_status) == "breached"
    assert r.resolution_due == jkt(2026, 1, 13, 18)


def test_any_time_zone_names_the_instant(premium):
    utc = premium.evaluate("Normal", datetime(2026, 1, 9, 9, 30, tzinfo=timezone.utc), as_of=jkt(2026, 1, 10))
    ny = premium.evaluate("Normal", datetime(2026, 1, 9, 4, 30, tzinfo=NEW_YORK), as_of=jkt(2026, 1, 10))
    assert utc == ny
    assert utc.response_due == jkt(2026, 1, 12, 12, 30)


def test_text_times(premium):
    r = premium.evaluate("normal", "2026-01-09T16:30:00+07:00", as_of="2026-01-10 00:00")  # local text: Jakarta
    assert r.response_due == jkt(2026, 1, 12, 12, 30)
    assert r.priority == "Normal"  # any case in, the contract's name out
    with pytest.raises(ValueError, match="created"):
        premium.evaluate("Normal", "not a time")


def test_naive_datetimes_are_refused(premium):
    with pytest.raises(TypeError, match="naive"):
        premium.evaluate("Normal", datetime(2026, 1, 9, 16, 30))
    with pytest.raises(TypeError, match="created is required"):
        premium.evaluate("Normal")
    with pytest.raises(TypeError):
        premium.evaluate("Normal", 1767951000)


def test_sub_seconds_are_dropped(premium):
    a = premium.evaluate("Normal", jkt(2026, 1, 9, 16, 30, 0, 999999), as_of=jkt(2026, 1, 10))
    assert a.response_due == jkt(2026, 1, 12, 12, 30)


def test_default_as_of_is_now(premium):
    r = premium.evaluate("Normal", jkt(2026, 1, 9, 16, 30))
    assert r.response_status in (sla.Status.BREACHED, sla.Status.PENDING)


def test_unknown_priority_raises_with_the_known_ones(premium):
    with pytest.raises(sla.TicketError, match=r"unknown priority 'Urgent' \(known: Low, Normal, High, Critical\)"):
        premium.evaluate("Urgent", jkt(2026, 1, 9))


def test_resolved_before_created(premium):
    with pytest.raises(sla.TicketError, match="before"):
        premium.evaluate("Normal", jkt(2026, 1, 9), resolved=jkt(2026, 1, 8))


def test_out_of_range_years(premium):
    with pytest.raises(sla.TicketError):
        premium.evaluate("Normal", datetime(1800, 1, 1, tzinfo=timezone.utc))


def test_unknown_package_and_addon(qiscus):
    with pytest.raises(sla.SelectionError, match="platinum"):
        qiscus.evaluator("platinum")
    with pytest.raises(sla.SelectionError, match="did you mean 'premium'"):
        qiscus.evaluator("premum")
    with pytest.raises(sla.SelectionError, match="nope"):
        qiscus.evaluator("premium", addons=["nope"])
    with pytest.raises(sla.SelectionError, match="dedicated_8x7"):
        qiscus.evaluator("premium", addons=["dedicated_8x7", "dedicated_24x7"])


def test_addons_change_the_calendar(qiscus):
    ev = qiscus.evaluator("premium", addons=["dedicated_24x7"])
    assert ev.addons == ("dedicated_24x7",)
    assert ev.calendar.id == "around_the_clock"
    r = ev.evaluate(priority="Normal", created=jkt(2026, 1, 9, 16, 30), as_of=jkt(2026, 1, 9, 17))
    assert r.response_due == jkt(2026, 1, 9, 20, 30)
    assert "dedicated_24x7" in repr(ev)


def test_pauses_and_events(premium):
    created = jkt(2026, 1, 12, 9)
    plain = premium.evaluate("Normal", created, as_of=jkt(2026, 1, 20))
    paused = premium.evaluate("Normal", created, as_of=jkt(2026, 1, 20),
                              events=[sla.Event(jkt(2026, 1, 12, 10), "status", "Waiting on client"),
                                      (jkt(2026, 1, 12, 12), "status", "open")])
    assert plain.response_due == jkt(2026, 1, 12, 13)
    assert paused.response_due == jkt(2026, 1, 12, 15)
    raised = premium.evaluate("Low", created, as_of=jkt(2026, 1, 20),
                              events=[{"at": jkt(2026, 1, 12, 9, 30), "kind": "priority", "value": "Critical"}])
    assert raised.priority == "Critical"
    with pytest.raises(ValueError, match="unknown event kind"):
        premium.evaluate("Low", created, events=[(created, "bogus", "")])


def test_attributes(root):
    c = sla.loads(
        'contract "A" {\n  provider "P"\n  version "1"\n}\n'
        'calendar c "C" {\n  zone "UTC"\n  open always\n}\n'
        'priorities {\n  P1 "top"\n}\n'
        'attribute channel "phone", "e-mail"\n'
        'package p "P" {\n  calendar c\n  respond to P1 within 4 hours\n'
        '  respond to P1 where channel is "phone" within 1 hour\n}\n')
    ev = c.evaluator("p")
    assert c.attributes == {"channel": ("phone", "e-mail")}
    t = "2026-01-01T00:00:00Z"
    assert ev.evaluate("P1", t, as_of=t, attributes={"channel": "Phone"}).response_due.hour == 1
    assert ev.evaluate("P1", t, as_of=t, attributes={"channel": None}).response_due.hour == 4
    with pytest.raises(sla.TicketError, match="fax"):
        ev.evaluate("P1", t, attributes={"channel": "fax"})
    with pytest.raises(ValueError, match="unknown attribute 'colour'"):
        ev.evaluate("P1", t, attributes={"colour": "red"})


def test_dst_spring_forward_in_berlin(berlin):
    ev = berlin.evaluator("standard")
    # Friday 17:00 CET; the clocks go forward on Sunday 29 March: Monday is CEST.
    r = ev.evaluate("P2", datetime(2026, 3, 27, 17, tzinfo=BERLIN), as_of=datetime(2026, 3, 28, tzinfo=BERLIN))
    assert r.response_due == datetime(2026, 3, 30, 12, tzinfo=BERLIN)
    assert r.response_due.utcoffset() == timedelta(hours=2)
    assert r.response_due.isoformat() == "2026-03-30T12:00:00+02:00"
    # The lunch break does not count (the contract's own example).
    r = ev.evaluate("P2", datetime(2026, 3, 10, 11, tzinfo=BERLIN), as_of=datetime(2026, 3, 10, 11, tzinfo=BERLIN))
    assert r.response_due == datetime(2026, 3, 10, 16, tzinfo=BERLIN)


def test_explain(premium):
    steps = premium.explain("Critical", jkt(2026, 1, 9, 16, 30), responded=jkt(2026, 1, 12, 9, 45), as_of=jkt(2026, 1, 16))
    assert all(isinstance(s, sla.Step) for s in steps)
    kinds = [s.kind for s in steps]
    assert kinds[0] == "package" and "clock_start" in kinds and "response_due" in kinds
    due = next(s for s in steps if s.kind == "response_due")
    assert due.due == jkt(2026, 1, 12, 9, 30) and due.status == "breached"
    assert "Asia/Jakarta" in str(steps[0])
    with pytest.raises(sla.TicketError, match="Urgent"):
        premium.explain("Urgent", jkt(2026, 1, 9))


def test_results_are_frozen_and_hashable(premium):
    r = premium.evaluate("Normal", jkt(2026, 1, 9, 16, 30), as_of=jkt(2026, 1, 10))
    with pytest.raises(Exception):
        r.priority = "Low"
    assert r == premium.evaluate("Normal", jkt(2026, 1, 9, 16, 30), as_of=jkt(2026, 1, 10))


def test_threads_share_one_evaluator(premium):
    import threading

    created = [jkt(2026, 1, 5 + d % 10, 8 + d % 10, d % 60) for d in range(200)]
    expected = [premium.evaluate("High", c, as_of=jkt(2026, 2, 1)) for c in created]
    failures = []

    def work():
        for _ in range(5):
            got = [premium.evaluate("High", c, as_of=jkt(2026, 2, 1)) for c in created]
            if got != expected:
                failures.append("a thread saw another answer")

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not failures


# ---- local times around daylight-saving changes (Berlin: 2026-03-29 02:00 -> 03:00,
# 2026-10-25 03:00 -> 02:00)


def test_a_time_the_clocks_skip_is_refused(berlin):
    ev = berlin.evaluator("standard")
    skipped = datetime(2026, 3, 29, 2, 30, tzinfo=BERLIN)
    with pytest.raises(ValueError, match=r"created: 2026-03-29 02:30:00 does not exist in Europe/Berlin.*"
                                         r"2026-03-29T01:30:00\+01:00 or 2026-03-29T03:30:00\+02:00"):
        ev.evaluate("P2", skipped)
    for f in (0, 1):  # whichever reading Python would pick
        with pytest.raises(ValueError, match="does not exist"):
            berlin.calendars["berlin_office"].is_open(skipped.replace(fold=f))
    with pytest.raises(ValueError, match=r"created, row 1: 2026-03-29 02:30:00 does not exist"):
        ev.evaluate_many(priority=["P2", "P2"], created=[datetime(2026, 3, 29, 1, 30, tzinfo=BERLIN), skipped], as_of="2027-01-01T00:00:00Z")
    # Either side of the gap is fine, and so is a fixed offset.
    ev.calendar.is_open(datetime(2026, 3, 29, 1, 59, tzinfo=BERLIN))
    ev.calendar.is_open(datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN))
    ev.calendar.is_open(datetime(2026, 3, 29, 2, 30, tzinfo=timezone(timedelta(hours=1))))


def test_text_in_the_gap_reads_as_the_cli_does(berlin):
    # Text without an offset takes the contract's rule (docs/semantics.md): the gap's end.
    cal = berlin.calendars["berlin_office"]
    assert cal.local("2026-03-29 02:30") == datetime(2026, 3, 29, 3, 0, tzinfo=BERLIN)


def test_a_repeated_time_follows_fold(berlin):
    cal = berlin.calendars["berlin_office"]
    first = datetime(2026, 10, 25, 2, 30, tzinfo=BERLIN)  # fold=0: the first 02:30 (CEST)
    second = first.replace(fold=1)  # the second 02:30 (CET), an hour later
    assert cal.local(first).utcoffset() == timedelta(hours=2)
    assert cal.local(second).utcoffset() == timedelta(hours=1)
    assert cal.local(second).timestamp() - cal.local(first).timestamp() == 3600  # (same-zone subtraction is wall time)
    assert cal.local("2026-10-25 02:30") == cal.local(first)  # text: the first, as the CLI reads it


def test_at_risk_is_a_status(root):
    head = 'package premium "Premium Support" extends basic {\n'
    text = (root / "contracts" / "qiscus-enterprise.sla").read_text().replace(head, head + "  warn at 50 %\n")
    ev = sla.loads(text, name="warned.sla").evaluator("premium")
    monday = datetime(2026, 1, 12, 9, tzinfo=JAKARTA)  # Normal: due 13:00, warned from 11:00
    early = ev.evaluate("Normal", monday, as_of=monday + timedelta(hours=1))
    assert early.response_status is sla.Status.PENDING and not early.response.at_risk
    late = ev.evaluate("Normal", monday, as_of=monday + timedelta(hours=3))
    assert late.response_status is sla.Status.AT_RISK and late.response.at_risk
    assert late.response_status == "at_risk" and late.response_status.is_pending
    assert sla.Status.PENDING.is_pending and not sla.Status.BREACHED.is_pending
    assert ev.evaluate("Normal", monday, as_of=monday + timedelta(hours=5)).response_status is sla.Status.BREACHED
    assert [s.value for s in sla.Status] == ["met", "breached", "pending", "at_risk", "no_target", "error"]
