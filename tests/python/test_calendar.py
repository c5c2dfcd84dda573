"""Calendars: business-time arithmetic, holidays, time zones and daylight saving."""

from datetime import datetime, timedelta, timezone

import pytest

import sla
from conftest import BERLIN, JAKARTA


def jkt(*args):
    return datetime(*args, tzinfo=JAKARTA)


def test_add_and_between(qiscus):
    cal = qiscus.calendars["office_hours"]
    assert cal.add(jkt(2026, 1, 9, 16, 30), timedelta(hours=4)) == jkt(2026, 1, 12, 12, 30)
    assert cal.between(jkt(2026, 1, 9, 16, 30), jkt(2026, 1, 12, 12, 30)) == timedelta(hours=4)
    assert cal.between(jkt(2026, 1, 12, 12, 30), jkt(2026, 1, 9, 16, 30)) == timedelta(0)
    assert cal.subtract(jkt(2026, 1, 12, 12, 30), timedelta(hours=4)) == jkt(2026, 1, 9, 16, 30)
    assert cal.add("2026-01-09 16:30", timedelta(hours=4)).isoformat() == "2026-01-12T12:30:00+07:00"
    with pytest.raises(TypeError):
        cal.add(jkt(2026, 1, 9), 4)
    with pytest.raises(TypeError, match="naive"):
        cal.add(datetime(2026, 1, 9), timedelta(hours=1))


def test_is_open_and_next_opening(qiscus):
    cal = qiscus.calendar("office_hours")
    assert cal.is_open(jkt(2026, 1, 9, 10))
    assert not cal.is_open(jkt(2026, 1, 10, 10))  # a Saturday
    assert cal.next_opening(jkt(2026, 1, 10, 10)) == jkt(2026, 1, 12, 9)
    assert cal.next_opening(jkt(2026, 1, 9, 10)) == jkt(2026, 1, 9, 10)
    assert cal.local("2026-01-09T02:00:00Z") == jkt(2026, 1, 9, 9)
    assert cal.tzinfo.utcoffset(datetime(2026, 1, 1)) == timedelta(hours=7)


def test_holidays(qiscus):
    cal = qiscus.calendars["office_hours"]
    # New Year's Day 2026 is a Thursday and an Indonesian public holiday.
    assert not cal.is_open(jkt(2026, 1, 1, 10))
    assert cal.next_opening(jkt(2026, 1, 1, 10)) == jkt(2026, 1, 2, 9)
    around = qiscus.calendars["around_the_clock"]
    assert around.is_open(jkt(2026, 1, 1, 10))


def test_out_of_range(qiscus):
    cal = qiscus.calendars["office_hours"]
    assert cal.add(datetime(2500, 1, 1, tzinfo=timezone.utc), timedelta(hours=1)) is None
    assert not cal.is_open(datetime(1800, 1, 1, tzinfo=timezone.utc))


def test_berlin_split_shift_and_dst(berlin):
    cal = berlin.calendars["berlin_office"]
    assert cal.zone == "Europe/Berlin"
    assert not cal.is_open(datetime(2026, 3, 10, 12, 30, tzinfo=BERLIN))  # lunch
    assert cal.between(datetime(2026, 3, 10, 9, tzinfo=BERLIN), datetime(2026, 3, 10, 18, tzinfo=BERLIN)) == timedelta(hours=8)
    # Across the spring-forward weekend: Friday 17:00 CET + 2 business hours.
    due = cal.add(datetime(2026, 3, 27, 17, tzinfo=BERLIN), timedelta(hours=2))
    assert due == datetime(2026, 3, 30, 10, tzinfo=BERLIN)
    assert due.utcoffset() == timedelta(hours=2)
    # Across the fall-back weekend (25 October): Monday is CET again.
    due = cal.add(datetime(2026, 10, 23, 17, tzinfo=BERLIN), timedelta(hours=2))
    assert due == datetime(2026, 10, 26, 10, tzinfo=BERLIN) and due.utcoffset() == timedelta(hours=1)


def test_always_open_across_dst():
    c = sla.loads(
        'contract "NY" {\n  provider "P"\n  version "1"\n}\n'
        'calendar ny "New York, always" {\n  zone "America/New_York"\n  open always\n}\n'
        'calendar ny_days "New York days" {\n  zone "America/New_York"\n  open daily 09:00-17:00\n}\n'
        'priorities {\n  P1 "top"\n}\n'
        'package p "P" {\n  calendar ny\n  respond to P1 within 24 hours\n}\n')
    from zoneinfo import ZoneInfo

    ny = ZoneInfo("America/New_York")
    cal = c.calendars["ny"]
    # 8 March 2026 is 23 hours long in New York.
    assert cal.between(datetime(2026, 3, 8, tzinfo=ny), datetime(2026, 3, 9, tzinfo=ny)) == timedelta(hours=23)
    assert cal.between(datetime(2026, 11, 1, tzinfo=ny), datetime(2026, 11, 2, tzinfo=ny)) == timedelta(hours=25)
    r = c.evaluator("p").evaluate("P1", datetime(2026, 3, 7, 12, tzinfo=ny), as_of=datetime(2026, 3, 7, 12, tzinfo=ny))
    assert r.response_due == datetime(2026, 3, 8, 13, tzinfo=ny)  # 24 elapsed hours, one hour lost
    days = c.calendars["ny_days"]
    assert days.add(datetime(2026, 3, 7, 16, tzinfo=ny), timedelta(hours=2)) == datetime(2026, 3, 8, 10, tzinfo=ny)
    # In the repeated hour (fold=1 is the second 01:30, EST) the instant is what counts.
    first = datetime(2026, 11, 1, 1, 30, tzinfo=ny)
    second = datetime(2026, 11, 1, 1, 30, fold=1, tzinfo=ny)
    assert cal.between(first, second) == timedelta(hours=1)


def test_fixed_offset_zone():
    c = sla.loads(
        'contract "F" {\n  provider "P"\n  version "1"\n}\n'
        'calendar f "Fixed" {\n  zone UTC+05:30\n  open Mon-Fri 09:00-17:00\n}\n'
        'priorities {\n  P1 "top"\n}\n'
        'package p "P" {\n  calendar f\n  respond to P1 within 1 business hour\n}\n')
    cal = c.calendars["f"]
    t = cal.next_opening("2026-01-10T00:00:00Z")
    assert t.isoformat() == "2026-01-12T09:00:00+05:30"
