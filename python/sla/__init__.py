"""sla: support SLAs as programs, from Python.

A contract is a ``.sla`` file that states what a support desk promises: packages
and add-ons, priorities, response and resolution targets, operating-hours
calendars with holidays and time zones. This package loads one with the same
interpreter the ``sla`` command uses and answers the questions people get wrong
by hand::

    >>> import sla
    >>> from datetime import datetime
    >>> from zoneinfo import ZoneInfo
    >>> jakarta = ZoneInfo("Asia/Jakarta")
    >>> contract = sla.load("contracts/qiscus-enterprise.sla")
    >>> sorted(contract.packages)
    ['basic', 'premium']
    >>> ev = contract.evaluator("premium", addons=["resolution"])
    >>> r = ev.evaluate(priority="Normal", created=datetime(2026, 1, 9, 16, 30, tzinfo=jakarta),
    ...                 as_of=datetime(2026, 1, 10, tzinfo=jakarta))
    >>> r.response_due.isoformat(), r.response_status
    ('2026-01-12T12:30:00+07:00', <Status.PENDING: 'pending'>)

Times
    Every time given is an *aware* ``datetime`` (any time zone; it names an
    instant), or RFC 3339 text such as ``"2026-01-09T16:30:00+07:00"``; text
    without an offset (``"2026-01-09 16:30"``) is read in the zone of the
    calendar in question, as the ``sla`` command reads it (a time in a
    spring-forward gap is the gap's end, a repeated one its first occurrence).
    A naive ``datetime`` is refused with a ``TypeError``: it names no instant.
    An aware ``datetime`` whose wall time its zone skips (02:30 in Berlin on
    2026-03-29) is refused with a ``ValueError``; a wall time the zone repeats
    is the occurrence its ``fold`` says (0: the first, 1: the second). A numpy
    ``datetime64`` is UTC. Times are whole seconds; a fraction of a second is
    dropped. Every time returned is an aware ``datetime`` in the zone of the
    contract's calendar, and durations are ``timedelta``. Batches
    (``Evaluator.evaluate_many``) also take Unix seconds, and pandas columns
    with or without a zone (without: UTC, as numpy's ``datetime64``).

Errors
    A contract with errors raises ``ContractError``, whose ``diagnostics`` say
    where (file, line, column), what (a stable code such as ``SLA035``) and often
    a hint. An unknown package or add-on raises ``SelectionError``, a ticket that
    cannot be judged ``TicketError``; all three are ``sla.Error`` and
    ``ValueError``. In a batch, a bad row does not raise: its ``error`` column
    says why.

Threads
    Contracts, evaluators and calendars are immutable: share them between
    threads freely. Loading, linting, rendering and batch evaluation release
    the GIL.

Documents and versions
    ``contract.render(format="html", lang="id")`` is the document ``sla
    render`` writes; ``sla.diff(old, new)`` the changes ``sla diff`` finds.

Everything else the command line does
    ``sla.call({"command": "report", "options": {...}, "arguments": [...]})``
    runs any command of ``sla`` in-process and returns the response as a dict:
    ``exit_code``, ``output`` (the command's JSON output, parsed), ``messages``
    (what it wrote to standard error) and ``argv``.

Start with ``help(sla.Contract)`` and ``help(sla.Evaluator)``.
"""

from __future__ import annotations

import enum
import json
import math
import os
import warnings
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone, tzinfo
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping, Optional, Sequence, Union

from . import _native

__all__ = [
    "load",
    "loads",
    "diff",
    "call",
    "lint_rules",
    "version",
    "Contract",
    "Evaluator",
    "Calendar",
    "Evaluation",
    "Outcome",
    "Target",
    "Escalation",
    "Event",
    "Step",
    "Package",
    "Priority",
    "Money",
    "Quote",
    "QuoteItem",
    "Incident",
    "IncidentOutcome",
    "UptimePeriod",
    "Diagnostic",
    "Note",
    "Change",
    "Status",
    "Commitment",
    "Severity",
    "Effect",
    "Error",
    "ContractError",
    "SelectionError",
    "TicketError",
]

__version__: str = _native.version()

TimeLike = Union[datetime, str]
PathLike = Union[str, "os.PathLike[str]"]

_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)
_SECOND = timedelta(seconds=1)


def version() -> str:
    """The version of the interpreter and of the language it reads, e.g. ``"0.1.0"``."""
    return __version__


# ---------------------------------------------------------------- enums


class Status(str, enum.Enum):
    """A target's verdict, in the words of ``sla eval``'s status columns. A
    ``str``: ``Status.MET == "met"``.

    ``evaluate`` gives MET, BREACHED, PENDING, AT_RISK or NO_TARGET (a ticket
    that cannot be judged raises ``TicketError``); ``evaluate_many`` gives the
    same words, and ERROR for a row that cannot be judged. ``is_pending`` is
    True for PENDING and AT_RISK alike.
    """

    MET = "met"
    """Answered (or resolved, restored, updated) by its due time."""
    BREACHED = "breached"
    """Not by its due time."""
    PENDING = "pending"
    """Not yet due, and not yet done, as of the evaluation."""
    AT_RISK = "at_risk"
    """Pending, and past the first of the package's warnings (``warn at 50 %``):
    not due yet, but worth someone's attention. ``Outcome.at_risk`` is True
    exactly then."""
    NO_TARGET = "no_target"
    """The contract sets no target of this kind for the ticket."""
    ERROR = "error"
    """Batches only: the row cannot be judged (its ``error`` column says why)."""

    @property
    def is_pending(self) -> bool:
        """Not yet due and not yet done: PENDING or AT_RISK."""
        return self in (Status.PENDING, Status.AT_RISK)

    def __str__(self) -> str:
        return self.value


class Commitment(str, enum.Enum):
    """Whether a target is a promise (``committed``) or an aim (``best_effort``)."""

    COMMITTED = "committed"
    BEST_EFFORT = "best_effort"

    def __str__(self) -> str:
        return self.value


class Severity(str, enum.Enum):
    """How serious a diagnostic is."""

    ERROR = "error"
    WARNING = "warning"
    NOTE = "note"

    def __str__(self) -> str:
        return self.value


class Effect(str, enum.Enum):
    """What a change between two versions of a contract does to the client (``sla.diff``)."""

    WEAKER = "weaker"
    """The client gets less: a longer target, fewer hours, a higher price."""
    STRONGER = "stronger"
    """The client gets more."""
    NEUTRAL = "neutral"
    """Neither: a renamed title, a reworded note."""

    def __str__(self) -> str:
        return self.value


# ---------------------------------------------------------------- diagnostics and errors


@dataclass(frozen=True)
class Note:
    """A further place a diagnostic points to ("first defined here")."""

    file: str
    line: int
    column: int
    message: str


@dataclass(frozen=True)
class Diagnostic:
    """What the loader (``SLA0xx``) or the lint (``SLA1xx``) says about a place.

    ``line`` and ``column`` are 1-based; the column counts characters.
    ``str(d)`` is the one-line form the ``sla`` command prints:
    ``contract.sla:14:14: error[SLA035]: unknown priority 'Hihg'``.
    """

    code: str
    severity: Severity
    file: str
    line: int
    column: int
    message: str
    hint: str = ""
    notes: tuple[Note, ...] = ()
    length: int = 0
    source_line: str = ""

    def __str__(self) -> str:
        text = f"{self.file}:{self.line}:{self.column}: {self.severity.value}[{self.code}]: {self.message}"
        if self.hint:
            text += f"\n  = hint: {self.hint}"
        return text

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Diagnostic":
        return cls(
            code=d["code"],
            severity=Severity(d["severity"]),
            file=d["file"],
            line=d["line"],
            column=d["column"],
            message=d["message"],
            hint=d["hint"],
            notes=tuple(Note(n["file"], n["line"], n["column"], n["message"]) for n in d["notes"]),
            length=d["length"],
            source_line=d["source_line"],
        )


class Error(Exception):
    """Everything this package raises for bad input is an ``sla.Error``."""


class ContractError(Error, ValueError):
    """A contract that does not load; ``diagnostics`` say where and why.

    ``str(e)`` lists the errors one per line, ``file:line:column: error[CODE]: message``.
    """

    def __init__(self, diagnostics: Sequence[Diagnostic]):
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        errors = [d for d in self.diagnostics if d.severity is Severity.ERROR] or list(self.diagnostics)
        super().__init__("\n".join(str(d) for d in errors) or "the contract does not load")


class SelectionError(Error, ValueError):
    """An unknown package or add-on, or add-ons the contract forbids together."""


class TicketError(Error, ValueError):
    """A ticket that cannot be judged: an unknown priority, times out of order, ..."""


# ---------------------------------------------------------------- times


_zones: dict[str, Optional[tzinfo]] = {}


def _zone(name: str) -> Optional[tzinfo]:
    """The tzinfo of a calendar's zone: an IANA name or "UTC+07:00"; None if unknown here."""
    if name in _zones:
        return _zones[name]
    zone: Optional[tzinfo] = None
    if name in ("UTC", "Z"):
        zone = timezone.utc
    elif name.startswith("UTC") and len(name) > 3:
        try:
            sign = -1 if name[3] == "-" else 1
            hours, _, minutes = name[4:].partition(":")
            zone = timezone(sign * timedelta(hours=int(hours), minutes=int(minutes or 0)))
        except ValueError:
            zone = None
    else:
        try:
            from zoneinfo import ZoneInfo

            zone = ZoneInfo(name)
        except Exception:  # no tzdata for it in Python: the library's offsets are used
            zone = None
    _zones[name] = zone
    return zone


def _check_exists(value: datetime, what: str) -> None:
    """Refuses an aware datetime whose wall time its zone skips (a spring-forward
    gap): Python would quietly read it with the offset before the change, an hour
    away from what the contract's rule (the gap's end) or the writer meant."""
    zone = value.tzinfo
    if zone is None or type(zone) is timezone:  # a fixed offset has no gaps
        return
    back = value.astimezone(timezone.utc).astimezone(zone)
    if back.replace(tzinfo=None) == value.replace(tzinfo=None):
        return
    wall = value.replace(tzinfo=None).isoformat(sep=" ")
    readings = sorted({value.replace(fold=f).astimezone(timezone.utc) for f in (0, 1)})
    raise ValueError(
        f"{what}: {wall} does not exist in {zone}: the clocks skip it that day (daylight "
        f"saving time begins); did you mean {readings[0].astimezone(zone).isoformat()} or "
        f"{readings[-1].astimezone(zone).isoformat()}?"
    )


def _seconds(value: Any, what: str, native: Any = None) -> int:
    """An instant as Unix seconds, from an aware datetime or RFC 3339 text."""
    if isinstance(value, datetime):
        if value.tzinfo is None or value.utcoffset() is None:
            raise TypeError(
                f"{what}: the naive datetime {value.isoformat()} names no instant; "
                "give it a time zone (datetime(..., tzinfo=ZoneInfo('Asia/Jakarta'))), "
                "or pass text such as '2026-01-09T16:30:00' to read it in the calendar's zone"
            )
        _check_exists(value, what)
        return math.floor(value.timestamp())  # exact for whole seconds; a fraction is dropped
    if isinstance(value, str):
        parsed, error = native.parse_time(value) if native is not None else _native.parse_instant(value)
        if parsed is None:
            raise ValueError(f"{what}: {value!r}: {error}")
        return int(parsed)
    if type(value).__name__ == "datetime64":  # a numpy scalar: UTC, as in batches
        import numpy as np

        if np.isnat(value):
            raise ValueError(f"{what}: NaT is no time")
        return int(value.astype("datetime64[s]").astype("int64"))
    raise TypeError(f"{what}: expected an aware datetime or RFC 3339 text, got {type(value).__name__}")


def _optional_seconds(value: Any, what: str, native: Any = None) -> Optional[int]:
    return None if value is None else _seconds(value, what, native)


def _business_seconds(value: Any, what: str) -> int:
    if not isinstance(value, timedelta):
        raise TypeError(f"{what}: expected a timedelta, got {type(value).__name__}")
    return value // _SECOND


def _now() -> int:
    return (datetime.now(timezone.utc) - _EPOCH) // _SECOND


class _Clock:
    """Turns Unix seconds into aware datetimes in one calendar's zone."""

    def __init__(self, native: Any, zone_name: str):
        self._native = native
        self._zone = _zone(zone_name)

    def at(self, seconds: Optional[int]) -> Optional[datetime]:
        if seconds is None:
            return None
        if self._zone is not None:
            return datetime.fromtimestamp(seconds, self._zone)
        # A zone Python does not know: the library's offset at that instant.
        return datetime.fromtimestamp(seconds, timezone(timedelta(seconds=self._native.utc_offset(seconds))))


def _duration(seconds: Optional[int]) -> Optional[timedelta]:
    return None if seconds is None else timedelta(seconds=seconds)


# ---------------------------------------------------------------- the contract's parts


@dataclass(frozen=True)
class Money:
    """A price: ``amount`` in ``currency``, ``period`` "per year", "per month", "one-off" or ""."""

    currency: str
    amount: Decimal
    period: str = ""
    label: str = ""

    def __str__(self) -> str:
        whole, _, fraction = f"{self.amount:f}".partition(".")
        fraction = fraction.rstrip("0")
        text = f"{self.currency} {int(whole):,}" + (f".{fraction}" if fraction else "")
        return text + (f" {self.period}" if self.period else "")

    @classmethod
    def _from(cls, d: Optional[Mapping[str, Any]]) -> Optional["Money"]:
        if d is None:
            return None
        return cls(d["currency"], Decimal(d["milli"]) / 1000, d["period"], d.get("label", ""))


@dataclass(frozen=True)
class Target:
    """A target clause: ``respond to High within 4 business hours``."""

    kind: str
    """"response", "resolution", "update" or "restoration"."""
    priority: str
    """The priority's name, or "all"."""
    within: str
    """The deadline as the contract words it: "4 business hours", "by 12:00 next business day"."""
    commitment: Commitment
    label: str = ""
    where: Optional[str] = None
    """The attribute condition (``channel is "phone"``), if any."""
    calendar: str = ""
    """Its own calendar; "" for the package's."""
    origin: str = ""
    """The package or add-on that states it."""
    file: str = ""
    line: int = 0

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Target":
        return cls(
            kind=d["kind"],
            priority=d["priority"],
            within=d["within"],
            commitment=Commitment(d["commitment"]),
            label=d["label"],
            where=d["where"],
            calendar=d["calendar"],
            origin=d["origin"],
            file=d["source"]["file"],
            line=d["source"]["line"],
        )


@dataclass(frozen=True)
class Package:
    """A package or an add-on, as the contract states it (inheritance applied)."""

    id: str
    title: str
    summary: str = ""
    is_addon: bool = False
    extends: str = ""
    price: Optional[Money] = None
    requires: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()
    calendar: str = ""
    targets: tuple[Target, ...] = ()
    uptime_services: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    file: str = ""
    line: int = 0

    @classmethod
    def _from(cls, d: Mapping[str, Any]) -> "Package":
        return cls(
            id=d["id"],
            title=d["title"],
            summary=d["summary"],
            is_addon=d["is_addon"],
            extends=d["extends"],
            price=Money._from(d["price"]),
            requires=tuple(d["requires"]),
            excludes=tuple(d["excludes"]),
            calendar=d["calendar"],
            targets=tuple(Target._from(t) for t in d["targets"]),
            uptime_services=tuple(d["uptime_services"]),
            notes=tuple(d["notes"]),
            file=d["source"]["file"],
            line=d["source"]["line"],
        )


@dataclass(frozen=True)
class Priority:
    """A priority; ``rank`` 0 is the lowest."""

    name: str
    rank: int
    description: str = ""


# ---------------------------------------------------------------- evaluation results


@dataclass(frozen=True)
class Outcome:
    """One target of a ticket judged: its status, due time and progress."""

    status: Status
    """MET, BREACHED, PENDING, AT_RISK (pending past a warning) or NO_TARGET."""
    due: Optional[datetime] = None
    """When it falls due; None without a target, or when it never comes."""
    commitment: Optional[Commitment] = None
    elapsed: Optional[timedelta] = None
    """For a pending target: the time counted so far (open time for business targets)."""
    left: Optional[timedelta] = None
    at_risk: bool = False
    """Pending and past the first of the package's warnings (``warn at 50 %``):
    ``status`` is then ``Status.AT_RISK``."""
    target: Optional[Target] = None
    """The contract's clause that applied."""


@dataclass(frozen=True)
class Escalation:
    """The escalation band a ticket has reached: whom it goes to."""

    role: str
    contact: str = ""
    channel: str = ""
    remark: str = ""
    after: str = ""
    """When the band starts, as the contract words it ("2 business hours")."""
    until: Optional[str] = None


@dataclass(frozen=True)
class Evaluation:
    """A ticket judged against a package, as of a time.

    ``response``, ``resolution``, ``update`` and ``restoration`` are ``Outcome``s;
    ``response_due``, ``response_status``, ``resolution_due`` and
    ``resolution_status`` are shortcuts to the first two.
    """

    priority: Optional[str]
    response: Outcome
    resolution: Outcome
    update: Outcome
    restoration: Outcome
    update_worst_gap: Optional[timedelta] = None
    escalation: Optional[Escalation] = None

    @property
    def response_due(self) -> Optional[datetime]:
        return self.response.due

    @property
    def response_status(self) -> Status:
        return self.response.status

    @property
    def resolution_due(self) -> Optional[datetime]:
        return self.resolution.due

    @property
    def resolution_status(self) -> Status:
        return self.resolution.status


@dataclass(frozen=True)
class Event:
    """Something that happened to a ticket: a status change (``kind="status"``,
    which pauses the clock when the contract says so), a priority change
    (``"priority"``, ``value`` the new priority) or an update sent (``"update"``)."""

    at: TimeLike
    kind: str = "status"
    value: str = ""


@dataclass(frozen=True)
class Step:
    """One step of an explanation (``Evaluator.explain``): a ``kind`` such as
    "clock_start", "open", "closed", "pause", "response_due", and a sentence."""

    kind: str
    text: str
    start: Optional[datetime] = None
    end: Optional[datetime] = None
    due: Optional[datetime] = None
    status: str = ""
    duration: Optional[timedelta] = None

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class Change:
    """One change between two versions of a contract (``sla.diff``), as ``sla
    diff`` reports it: a stable ``code`` (``SLA2xx``, docs/diff.md), its
    ``effect`` on the client, what changed (``subject``: "package premium") and
    the change in words (``message``), the values as each version states them
    ("" when absent) and where ("" and 0 when absent)."""

    code: str
    effect: Effect
    subject: str
    message: str
    old_value: str = ""
    new_value: str = ""
    old_file: str = ""
    old_line: int = 0
    new_file: str = ""
    new_line: int = 0

    def __str__(self) -> str:
        return f"{self.effect.value} [{self.code}] {self.message}"


# ---------------------------------------------------------------- quotes and uptime


@dataclass(frozen=True)
class QuoteItem:
    """A package or add-on in a quote, with its price (None: no price stated)."""

    id: str
    title: str
    is_addon: bool
    price: Optional[Money]
    included_in: str = ""


@dataclass(frozen=True)
class Quote:
    """A package with add-ons, checked and priced (``Contract.quote``).

    ``valid`` is False when the contract forbids the combination: ``problems``
    say why, each with its clause. ``totals`` add up the prices per currency and
    period. ``str(q)`` is a readable summary.
    """

    package: str
    addons: tuple[str, ...]
    items: tuple[QuoteItem, ...]
    totals: tuple[Money, ...]
    problems: tuple[str, ...] = ()
    repeated: tuple[str, ...] = ()
    selection: Optional[Package] = None

    @property
    def valid(self) -> bool:
        return not self.problems

    def __repr__(self) -> str:  # the selection's every target would drown the answer
        addons = f" + {', '.join(self.addons)}" if self.addons else ""
        verdict = "; ".join(str(t) for t in self.totals) if self.valid else "not allowed: " + "; ".join(self.problems)
        return f"<sla.Quote {self.package}{addons}: {verdict or 'no price stated'}>"

    def __str__(self) -> str:
        lines = []
        for item in self.items:
            price = str(item.price) if item.price else (f"included in {item.included_in}" if item.included_in else "no price stated")
            lines.append(f"{'add-on' if item.is_addon else 'package'} {item.id} ({item.title}): {price}")
        for problem in self.problems:
            lines.append(f"not allowed: {problem}")
        for total in self.totals:
            lines.append(f"total: {total}")
        return "\n".join(lines)


@dataclass(frozen=True)
class Incident:
    """An incident for ``uptime``: ``category`` is "outage", "degraded",
    "scheduled_maintenance", "third_party", "force_majeure" or "other";
    ``end`` None for one still going on."""

    id: str
    service: str
    start: TimeLike
    end: Optional[TimeLike] = None
    category: str = "outage"
    announced_at: Optional[TimeLike] = None


@dataclass(frozen=True)
class IncidentOutcome:
    """How one incident counts in one period: "downtime", "excluded" or "not_counted"."""

    incident: str
    treatment: str
    duration: timedelta
    reason: str


@dataclass(frozen=True)
class UptimePeriod:
    """One service's uptime over one period (a month, quarter or year)."""

    service: str
    period: str
    """ "2026-01", "2026-Q1" or "2026"."""
    kind: str
    start: datetime
    end: datetime
    coverage: str
    total: timedelta
    excluded: timedelta
    downtime: timedelta
    degraded: timedelta
    uptime: Optional[Decimal]
    """Percent (99.3249), None when nothing was measured."""
    target: Optional[Decimal]
    status: str
    """ "met", "breached", "pending", "not_in_force", "not_started" or "no_target"."""
    credit_status: str
    credit: Optional[Decimal]
    """The service credit in percent, when one is due."""
    credit_text: str
    incidents: tuple[IncidentOutcome, ...] = ()
    notes: tuple[str, ...] = ()


# ---------------------------------------------------------------- calendars


class Calendar:
    """A contract's operating-hours calendar: business-time arithmetic in its zone.

    Get one from ``contract.calendars["office_hours"]`` (or
    ``contract.calendar("office_hours")``), or an evaluator's ``calendar``::

        >>> cal = contract.calendars["office_hours"]
        >>> cal.add(datetime(2026, 1, 9, 16, 30, tzinfo=jakarta), timedelta(hours=4))
        datetime.datetime(2026, 1, 12, 12, 30, tzinfo=zoneinfo.ZoneInfo(key='Asia/Jakarta'))
        >>> cal.between(datetime(2026, 1, 9, 16, 30, tzinfo=jakarta),
        ...             datetime(2026, 1, 12, 12, 30, tzinfo=jakarta))
        datetime.timedelta(seconds=14400)

    Times are aware datetimes or RFC 3339 text (text without an offset is in
    this calendar's zone); results are aware datetimes in this calendar's zone.
    Holidays and the zone's daylight-saving changes are counted. The years
    1901-2398 are supported; outside them, and for a moment that never comes (a
    desk that never opens again), results are None.
    """

    def __init__(self, native: Any, info: Mapping[str, Any]):
        self._native = native
        self._clock = _Clock(native, info["zone"])
        self.id: str = info["id"]
        self.title: str = info["title"]
        self.zone: str = info["zone"]
        """The IANA zone ("Asia/Jakarta") or a fixed offset ("UTC+07:00")."""
        self.weekly: tuple[str, ...] = tuple(info["weekly"])
        """The weekly hours in words: ("Mon-Fri 09:00-17:00",)."""
        self.holiday_sets: tuple[str, ...] = tuple(info["holiday_sets"])
        self.dated: tuple[str, ...] = tuple(info["dated"])
        self.business_day: Optional[timedelta] = _duration(info["business_day_seconds"])
        """The length of a business day, when the contract defines one."""

    @property
    def tzinfo(self) -> tzinfo:
        """The zone as a tzinfo (a ZoneInfo for an IANA name)."""
        return self._clock._zone or timezone.utc

    def _t(self, value: TimeLike, what: str) -> int:
        return _seconds(value, what, self._native)

    def is_open(self, t: TimeLike) -> bool:
        """Whether the desk is open at ``t``."""
        return bool(self._native.is_open(self._t(t, "t")))

    def next_opening(self, t: TimeLike) -> Optional[datetime]:
        """The first open moment at or after ``t`` (``t`` itself when open)."""
        return self._clock.at(self._native.next_opening(self._t(t, "t")))

    def add(self, start: TimeLike, business: timedelta) -> Optional[datetime]:
        """The moment ``business`` of open time after ``start`` (counted from the
        next opening when closed): Friday 16:30 + 4 hours is Monday 12:30 under
        Mon-Fri 09:00-17:00."""
        return self._clock.at(self._native.add(self._t(start, "start"), _business_seconds(business, "business")))

    def subtract(self, end: TimeLike, business: timedelta) -> Optional[datetime]:
        """The mirror of ``add``: the latest start from which ``business`` of open
        time reaches ``end``."""
        return self._clock.at(self._native.subtract(self._t(end, "end"), _business_seconds(business, "business")))

    def between(self, start: TimeLike, end: TimeLike) -> timedelta:
        """The open time in [start, end) (zero when end is not after start)."""
        seconds = self._native.between(self._t(start, "start"), self._t(end, "end"))
        if seconds is None:
            raise ValueError("between: a time outside the supported years 1901-2398")
        return timedelta(seconds=seconds)

    def local(self, t: TimeLike) -> datetime:
        """``t`` as an aware datetime in this calendar's zone."""
        result = self._clock.at(self._t(t, "t"))
        assert result is not None
        return result

    def __repr__(self) -> str:
        return f"<sla.Calendar {self.id} {self.zone} {', '.join(self.weekly)}>"


class _Calendars(Mapping[str, Calendar]):
    """The contract's calendars by id, made on first use."""

    def __init__(self, contract: "Contract"):
        self._contract = contract
        self._infos = {c["id"]: c for c in contract._native.calendars()}
        self._made: dict[str, Calendar] = {}

    def __getitem__(self, name: str) -> Calendar:
        if name not in self._made:
            info = self._infos.get(name)
            native = self._contract._native.calendar(name) if info is not None else None
            if info is None or native is None:
                known = ", ".join(self._infos) or "none"
                raise KeyError(f"unknown calendar '{name}' (calendars: {known})")
            self._made[name] = Calendar(native, info)
        return self._made[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._infos)

    def __len__(self) -> int:
        return len(self._infos)

    def __repr__(self) -> str:
        return f"<calendars {', '.join(self._infos)}>"


# ---------------------------------------------------------------- evaluators

_KINDS = ("response", "resolution", "update", "restoration")


_VERDICTS = (Status.MET, Status.BREACHED, Status.PENDING, Status.NO_TARGET)
_COMMITMENTS = (Commitment.COMMITTED, Commitment.BEST_EFFORT)


def _outcome(t: tuple[Any, ...], clock: _Clock, targets: tuple[Target, ...]) -> Outcome:
    verdict, due, commitment, elapsed, left, at_risk, target = t
    status = _VERDICTS[verdict]
    if at_risk and status is Status.PENDING:  # the CLI's word for it (sla::status_name)
        status = Status.AT_RISK
    return Outcome(
        status,
        clock.at(due),
        _COMMITMENTS[commitment] if commitment >= 0 else None,
        None if elapsed is None else timedelta(seconds=elapsed),
        None if left is None else timedelta(seconds=left),
        at_risk,
        targets[target] if target >= 0 else None,
    )


class Evaluator:
    """Judges tickets under one package with its add-ons.

    Made by ``contract.evaluator("premium", addons=["resolution"])``; immutable,
    so threads may share one.

    - ``evaluate(priority=..., created=..., responded=..., resolved=...)`` judges
      one ticket and returns an ``Evaluation`` (frozen), with due times as aware
      datetimes in the calendar's zone and statuses as ``Status``.
    - ``evaluate_many(priority=[...], created=[...], ...)`` judges columns of
      tickets (lists, numpy arrays or a pandas DataFrame) at over a million
      tickets a second, with the GIL released.
    - ``explain(...)`` tells one ticket's evaluation step by step.
    - ``calendar`` is the package's ``Calendar``: ``add``, ``between``, ``is_open``,
      ``next_opening``.
    - ``uptime(incidents, months=[...])`` reports uptime per service and period.
    """

    def __init__(self, contract: "Contract", native: Any, package: str, addons: Sequence[str]):
        self.contract = contract
        self._native = native
        self.package: Package = Package._from(native.package())
        """The package's terms with the add-ons applied."""
        self.addons: tuple[str, ...] = tuple(addons)
        info = native.calendar()
        self._clock = _Clock(native, info["zone"])
        self.calendar: Calendar = contract.calendars[info["id"]]
        self._bands = tuple(
            Escalation(b["role"], b["contact"], b["channel"], b["remark"], b["from"], b["until"]) for b in native.bands()
        )
        self._priority_names = tuple(p.name for p in contract.priorities)

    def __repr__(self) -> str:
        addons = f" + {', '.join(self.addons)}" if self.addons else ""
        return f"<sla.Evaluator {self.package.id}{addons} on {self.calendar.id}>"

    def _ticket(
        self,
        priority: Optional[str],
        created: Optional[TimeLike],
        responded: Optional[TimeLike],
        resolved: Optional[TimeLike],
        restored: Optional[TimeLike],
        events: Iterable[Union[Event, tuple[Any, ...], Mapping[str, Any]]],
        updates: Iterable[TimeLike],
        attributes: Optional[Union[Mapping[str, Optional[str]], Iterable[tuple[str, str]]]],
    ) -> tuple[Any, ...]:
        if created is None:
            raise TypeError("created is required: when the ticket was raised")
        native = self._native
        rows = []
        for e in events:
            if isinstance(e, Event):
                at, kind, value = e.at, e.kind, e.value
            elif isinstance(e, Mapping):
                at, kind, value = e["at"], e.get("kind", "status"), e.get("value", "")
            else:
                at, kind, value = e
            rows.append((_seconds(at, "event", native), kind, value or ""))
        rows += [(_seconds(u, "update", native), "update", "") for u in updates]
        rows.sort(key=lambda r: r[0])  # stable: events at one moment keep their order
        if attributes is None:
            attrs = []
        elif isinstance(attributes, Mapping):
            attrs = [(str(k), "" if v is None else str(v)) for k, v in attributes.items()]
        else:
            attrs = [(str(k), "" if v is None else str(v)) for k, v in attributes]
        return (
            priority or "",
            _seconds(created, "created", native),
            _optional_seconds(responded, "responded", native),
            _optional_seconds(resolved, "resolved", native),
            _optional_seconds(restored, "restored", native),
            rows,
            attrs,
        )

    def evaluate(
        self,
        priority: Optional[str] = None,
        created: Optional[TimeLike] = None,
        responded: Optional[TimeLike] = None,
        resolved: Optional[TimeLike] = None,
        *,
        restored: Optional[TimeLike] = None,
        events: Iterable[Union[Event, tuple[Any, ...], Mapping[str, Any]]] = (),
        updates: Iterable[TimeLike] = (),
        attributes: Optional[Union[Mapping[str, Optional[str]], Iterable[tuple[str, str]]]] = None,
        as_of: Optional[TimeLike] = None,
    ) -> Evaluation:
        """Judges one ticket as of ``as_of`` (default: now).

        ``priority`` is one of the contract's priorities, in any case (None: a
        ticket without one, judged by targets for all priorities with a
        condition). ``created`` is required; ``responded`` (the first
        response), ``resolved`` and ``restored`` are optional. Times are aware
        datetimes or RFC 3339 text. What happens after ``as_of`` is not known
        yet: a response stamped later leaves the target pending.

        ``events`` are ``Event(at, kind, value)`` (or ``(at, kind, value)``
        tuples): status changes pause the clock when the contract says so,
        priority changes re-target the ticket, updates are judged by update
        targets (``updates=[times]`` is a shortcut). ``attributes`` map the
        contract's attributes to the ticket's values (``{"channel": "phone"}``).

        Raises ``TicketError`` when the ticket cannot be judged (unknown
        priority, resolved before created, a time outside 1901-2398), with the
        reason ("unknown priority 'Urgent' (known: Low, Normal, High, Critical)").
        """
        args = self._ticket(priority, created, responded, resolved, restored, events, updates, attributes)
        as_of_s = _now() if as_of is None else _seconds(as_of, "as_of", self._native)
        error, rank, response, resolution, update, restoration, worst_gap, band = self._native.evaluate(*args, as_of_s)
        if error is not None:
            raise TicketError(error)
        clock, targets = self._clock, self.package.targets
        return Evaluation(
            self._priority_names[rank] if rank >= 0 else None,
            _outcome(response, clock, targets),
            _outcome(resolution, clock, targets),
            _outcome(update, clock, targets),
            _outcome(restoration, clock, targets),
            _duration(worst_gap),
            self._bands[band] if band >= 0 else None,
        )

    def explain(
        self,
        priority: Optional[str] = None,
        created: Optional[TimeLike] = None,
        responded: Optional[TimeLike] = None,
        resolved: Optional[TimeLike] = None,
        *,
        restored: Optional[TimeLike] = None,
        events: Iterable[Union[Event, tuple[Any, ...], Mapping[str, Any]]] = (),
        updates: Iterable[TimeLike] = (),
        attributes: Optional[Union[Mapping[str, Optional[str]], Iterable[tuple[str, str]]]] = None,
        as_of: Optional[TimeLike] = None,
    ) -> list[Step]:
        """One ticket's evaluation step by step (the same arguments as ``evaluate``):
        when the clock started, each open, closed or paused span and why (the
        weekend, a named holiday), each due time and verdict, the escalation
        ladder. ``"\\n".join(map(str, steps))`` is what ``sla explain`` prints.
        Raises ``TicketError`` when the ticket cannot be judged."""
        args = self._ticket(priority, created, responded, resolved, restored, events, updates, attributes)
        as_of_s = _now() if as_of is None else _seconds(as_of, "as_of", self._native)
        steps = self._native.explain(*args, as_of_s)
        if not steps:
            raise TicketError(self._native.evaluate(*args, as_of_s)[0] or "the ticket cannot be explained")
        at = self._clock.at
        return [
            Step(s["kind"], s["text"], at(s["from"]), at(s["until"]), at(s["due"]), s["status"], _duration(s["seconds"]))
            for s in steps
        ]

    def evaluate_many(
        self,
        tickets: Any = None,
        *,
        priority: Any = None,
        created: Any = None,
        responded: Any = None,
        resolved: Any = None,
        restored: Any = None,
        as_of: Optional[TimeLike] = None,
        threads: Optional[int] = None,
    ) -> Any:
        """Judges a batch of tickets given as columns; returns one row per ticket.

        Columns are lists, numpy arrays or pandas Series of equal length:
        ``priority`` strings (None, NaN, ``pd.NA`` or "" for none, in a list
        as in a Series; anything else raises ``TypeError`` naming the row),
        and times,
        each column one of:

        - numpy ``datetime64`` of any unit, or a pandas datetime column: a
          tz-aware one names instants; a naive one is read as UTC, numpy's
          convention (as ``evaluate`` reads a ``datetime64``). For local times
          from a help desk's export, ``tz_localize`` the column first
          (``df.created.dt.tz_localize("Asia/Jakarta")``), which refuses times
          the zone skips;
        - integers (numpy, Python or pandas ``Int64``): Unix seconds; floats
          too (a fraction of a second is dropped). Seconds beyond int64 (a
          ``uint64`` above 2**63 - 1) raise ``ValueError``; seconds that fit
          but fall outside the years 1901-2398 are the row's error;
        - aware datetimes, RFC 3339 text (without an offset: in the calendar's
          zone), or Unix seconds, mixed in a list or an object column.

        None, NaN, NaT and ``pd.NA`` mean "not yet" (no response yet, not
        resolved); a row without ``created`` is an error row. Anything else
        (a naive datetime, a bool, unreadable text, a time the zone skips)
        raises ``TypeError`` or ``ValueError`` naming the column and row.

        ``tickets`` may be a pandas DataFrame with columns ``priority``,
        ``created``, ``responded``, ``resolved``, ``restored``
        (``created_at``, ``first_response_at`` and ``resolved_at`` are read
        too); the keyword columns override its columns.

        Returns a dict of numpy arrays, or a DataFrame with the same index when
        ``tickets`` is one. For each of response, resolution, update and
        restoration: ``<kind>_status`` (the values of ``Status``: "met",
        "breached", "pending", "at_risk", "no_target", or "error" for a row
        that cannot be judged), ``<kind>_due`` and ``<kind>_at_risk``; then
        ``priority`` (the contract's name, None for none), ``escalation`` (the
        role reached, or None) and ``error`` (None, or why the row cannot be
        judged). A bad row never raises. ``<kind>_due`` is NaT for none; in the
        dict it is ``datetime64[s]`` in UTC (numpy has no zones), in a
        DataFrame a tz-aware column in the zone of the package's calendar
        (``datetime64[ns, Asia/Jakarta]``; UTC when Python has no tzdata for
        the zone).

        The work runs without the GIL, on ``threads`` threads (default: the
        number of CPUs).
        """
        import numpy as np

        given: dict[str, Any] = {"priority": priority, "created": created, "responded": responded, "resolved": resolved, "restored": restored}
        frame: Any = None
        if tickets is not None:
            frame = tickets
            if not hasattr(frame, "columns"):
                raise TypeError("tickets: expected a pandas DataFrame (or give the columns as keywords)")
            columns = {str(c): c for c in frame.columns}
            for key, aliases in _FRAME_COLUMNS.items():
                found = next((columns[name] for name in aliases if name in columns), None)
                if given[key] is None and found is not None:
                    given[key] = frame[found]
        if given["created"] is None:
            raise TypeError("evaluate_many: the created column is required")
        native = self._native
        times: list[Any] = [None if given[k] is None else _time_column(given[k], k, native) for k in _TIME_COLUMNS]
        n = len(times[0])
        if given["priority"] is None:
            codes, names = np.full(n, -1, dtype=np.int32), list[str]()
        else:
            strings, labels = _string_column(given["priority"])
            codes, names, bad = _native.string_codes(strings)
            if bad >= 0:
                v = strings[bad]
                raise TypeError(f"{_row('priority', labels, bad)}: expected a str, or None, NaN, pd.NA or \"\" for none; got {type(v).__name__} {v!r}")
        as_of_s = _now() if as_of is None else _seconds(as_of, "as_of", native)
        raw = native.evaluate_many(codes, names, *times, as_of_s, threads or os.cpu_count() or 1)

        out: dict[str, Any] = {}
        for kind in _KINDS:
            out[f"{kind}_status"] = raw[f"{kind}_status"]
            out[f"{kind}_due"] = raw[f"{kind}_due"].view("datetime64[s]")
            out[f"{kind}_at_risk"] = raw[f"{kind}_at_risk"]
        out["priority"] = raw["priority"]
        out["escalation"] = raw["escalation"]
        errors = np.full(n, None, dtype=object)
        if raw["error_rows"]:
            errors[np.asarray(raw["error_rows"], dtype=np.intp)] = raw["error_texts"]
        out["error"] = errors
        if frame is None:
            return out
        import pandas as pd

        result = pd.DataFrame(out, index=frame.index)
        zone = self._clock._zone
        # pandas takes an IANA zone by name and a fixed offset as a timezone.
        tz: Any = "UTC" if zone is None else (zone if isinstance(zone, timezone) else self.calendar.zone)
        for kind in _KINDS:
            result[f"{kind}_due"] = pd.to_datetime(out[f"{kind}_due"]).tz_localize("UTC").tz_convert(tz)
        return result

    def uptime(
        self,
        incidents: Iterable[Union[Incident, Mapping[str, Any]]],
        months: Iterable[Union[str, tuple[int, int]]],
        *,
        as_of: Optional[TimeLike] = None,
    ) -> list[UptimePeriod]:
        """Uptime of the package's services over ``months`` ("2026-01" or
        ``(2026, 1)``), from ``incidents`` (``Incident`` or dicts with the same
        keys). A commitment measured quarterly or yearly is reported once per
        quarter or year the months touch. Periods end at ``as_of`` when it falls
        before their end (default: every period to its end). Raises ValueError
        for an incident that cannot be counted (an unknown service, an end before
        its start), naming it."""
        native = self._native
        rows = []
        for i in incidents:
            if isinstance(i, Mapping):
                i = Incident(**i)
            rows.append(
                (
                    i.id,
                    i.service,
                    _seconds(i.start, f"incident {i.id}: start", native),
                    _optional_seconds(i.end, f"incident {i.id}: end", native),
                    i.category,
                    _optional_seconds(i.announced_at, f"incident {i.id}: announced_at", native),
                )
            )
        month_list = []
        for m in months:
            if isinstance(m, str):
                year, _, month = m.partition("-")
                month_list.append((int(year), int(month)))
            else:
                month_list.append((int(m[0]), int(m[1])))
        d = native.uptime(rows, month_list, _optional_seconds(as_of, "as_of", native))
        if d["problems"]:
            raise ValueError("; ".join(f"incident {rows[i][0]}: {why}" for i, why in d["problems"]))
        at = self._clock.at

        def when(seconds: int) -> datetime:
            t = at(seconds)
            assert t is not None
            return t

        def percent(ppm: Optional[int], scale: int) -> Optional[Decimal]:
            return None if ppm is None else Decimal(ppm) / scale

        return [
            UptimePeriod(
                service=p["service"],
                period=p["period"],
                kind=p["kind"],
                start=when(p["start"]),
                end=when(p["end"]),
                coverage=p["coverage"],
                total=timedelta(seconds=p["total"]),
                excluded=timedelta(seconds=p["excluded"]),
                downtime=timedelta(seconds=p["downtime"]),
                degraded=timedelta(seconds=p["degraded"]),
                uptime=percent(p["uptime_ppm"], 10000),
                target=percent(p["target_milli"], 1000),
                status=p["status"],
                credit_status=p["credit_status"],
                credit=percent(p["credit_milli"], 1000),
                credit_text=p["credit_text"],
                incidents=tuple(IncidentOutcome(rows[o["index"]][0], o["treatment"], timedelta(seconds=o["seconds"]), o["reason"]) for o in p["incidents"]),
                notes=tuple(p["notes"]),
            )
            for p in d["periods"]
        ]

    # The package calendar's queries, for convenience.
    def is_open(self, t: TimeLike) -> bool:
        """``self.calendar.is_open(t)``."""
        return self.calendar.is_open(t)

    def next_opening(self, t: TimeLike) -> Optional[datetime]:
        """``self.calendar.next_opening(t)``."""
        return self.calendar.next_opening(t)

    def add(self, start: TimeLike, business: timedelta) -> Optional[datetime]:
        """``self.calendar.add(start, business)``."""
        return self.calendar.add(start, business)

    def between(self, start: TimeLike, end: TimeLike) -> timedelta:
        """``self.calendar.between(start, end)``."""
        return self.calendar.between(start, end)


# The columns of a DataFrame each argument of evaluate_many is read from, in the
# order tried: ours, then the names help desks' exports use.
_FRAME_COLUMNS = {
    "priority": ("priority",),
    "created": ("created", "created_at"),
    "responded": ("responded", "first_response_at", "responded_at"),
    "resolved": ("resolved", "resolved_at"),
    "restored": ("restored", "restored_at"),
}
_TIME_COLUMNS = ("created", "responded", "resolved", "restored")  # _native.evaluate_many's order

_NO_TIME = -(2**63)  # numpy's NaT as int64: what _native reads as "no time"
_MAX_SECONDS = 2**63 - 1
_TIMES_EXPECTED = "an aware datetime, RFC 3339 text, Unix seconds, or None/NaN/NaT/pd.NA for none"


def _pandas_times(values: Any) -> Any:
    """A pandas Series or Index of times as a numpy array _time_column reads."""
    import numpy as np

    dtype = values.dtype
    if getattr(dtype, "tz", None) is not None:  # tz-aware: the instants, as naive UTC
        naive = values.dt.tz_convert(None) if hasattr(values, "dt") else values.tz_convert(None)
        return np.asarray(naive)
    if not isinstance(dtype, np.dtype) and dtype.kind in "iu":  # nullable Int64: pd.NA for none
        top = values.max() if dtype.kind == "u" and len(values) else None
        if isinstance(top, (int, np.integer)) and int(top) > _MAX_SECONDS:
            # to_numpy would wrap it below 1970; row by row, the row is named.
            return values.to_numpy(dtype=object, na_value=None)
        return values.to_numpy(dtype=np.int64, na_value=_NO_TIME)
    if not isinstance(dtype, np.dtype) and dtype.kind == "f":  # nullable Float64
        return values.to_numpy(dtype=np.float64, na_value=np.nan)
    return values.to_numpy()


def _row(what: str, labels: Any, i: int) -> str:
    """"created, row 3", with the pandas label when it is not the position."""
    label = "" if labels is None or labels[i] == i else f" (index {labels[i]!r})"
    return f"{what}, row {i}{label}"


def _time_column(values: Any, what: str, native: Any) -> Any:
    """A column of instants as a contiguous int64 array of Unix seconds (_NO_TIME:
    none). Raises naming the column and the row (and its pandas label) it cannot
    read."""
    import numpy as np

    labels: Any = None
    if hasattr(values, "to_numpy") and hasattr(values, "dtype") and not isinstance(values, np.ndarray):
        labels = getattr(values, "index", None)
        values = _pandas_times(values)
    if isinstance(values, np.ndarray):
        array = values
    else:  # a list: objects as they are (numpy would make [1, "2026-01-09"] all text)
        items = values if isinstance(values, (list, tuple)) else list(values)
        array = np.empty(len(items), dtype=object)
        array[:] = items
    if array.ndim != 1:
        raise ValueError(f"{what}: a column must be one-dimensional, not of shape {array.shape}")

    def where(i: int) -> str:
        return _row(what, labels, i)

    kind = array.dtype.kind
    if kind == "M":  # any unit; NaT stays the int64 minimum
        return np.ascontiguousarray(array.astype("datetime64[s]").view(np.int64))
    if kind in "iu":
        if kind == "u" and array.dtype.itemsize == 8:
            # astype would wrap 2**64 - 3600 to -3600, an hour before 1970.
            bad = np.flatnonzero(array > np.uint64(_MAX_SECONDS))
            if len(bad):
                raise ValueError(f"{where(int(bad[0]))}: {array[bad[0]]} is no time in Unix seconds")
        return np.ascontiguousarray(array.astype(np.int64))
    if kind == "f":
        missing = np.isnan(array)
        finite = np.where(missing, 0.0, array)
        bad = np.flatnonzero(~np.isfinite(finite) | (np.abs(finite) >= 2.0**62))
        if len(bad):
            raise ValueError(f"{where(int(bad[0]))}: {array[bad[0]]} is no time in Unix seconds")
        out = np.floor(finite).astype(np.int64)
        out[missing] = _NO_TIME
        return out
    if kind not in "OU":
        raise TypeError(f"{what}: expected a column of times ({_TIMES_EXPECTED}), got a column of {array.dtype}")
    out = np.empty(len(array), dtype=np.int64)
    for i, v in enumerate(array.tolist()):
        if v is None or type(v).__name__ in ("NAType", "NaTType"):
            out[i] = _NO_TIME
        elif isinstance(v, (bool, np.bool_)):
            raise TypeError(f"{where(i)}: expected {_TIMES_EXPECTED}, got the bool {v}")
        elif isinstance(v, (int, np.integer)):
            whole = int(v)
            # Beyond int64 numpy would raise an OverflowError naming no row; the
            # minimum itself is the "no time" mark, which a number must not become.
            if not _NO_TIME < whole <= _MAX_SECONDS:
                raise ValueError(f"{where(i)}: {v} is no time in Unix seconds")
            out[i] = whole
        elif isinstance(v, (float, np.floating)):
            number = float(v)
            if number != number:
                out[i] = _NO_TIME
            elif not math.isfinite(number) or abs(number) >= 2.0**62:
                raise ValueError(f"{where(i)}: {v} is no time in Unix seconds")
            else:
                out[i] = math.floor(number)
        elif isinstance(v, np.datetime64) and np.isnat(v):
            out[i] = _NO_TIME
        elif isinstance(v, (datetime, str, np.datetime64)):
            out[i] = _seconds(v, where(i), native)
        else:
            raise TypeError(f"{where(i)}: expected {_TIMES_EXPECTED}, got {type(v).__name__} {v!r}")
    return out


def _string_column(values: Any) -> tuple[Any, Any]:
    """A column of strings as a numpy array of str or object (what string_codes
    reads), and its pandas labels (None for a list or an array)."""
    import numpy as np

    labels: Any = None
    if hasattr(values, "to_numpy") and not isinstance(values, np.ndarray):  # pandas
        labels = getattr(values, "index", None)
        if hasattr(values, "cat"):  # a categorical: its few categories, indexed
            categories = np.asarray(values.cat.categories, dtype=object)
            codes = values.cat.codes.to_numpy()
            return np.concatenate([categories, np.array([None], dtype=object)])[codes], labels
        if values.dtype.kind == "O" or not isinstance(values.dtype, np.dtype):  # pd.NA for none
            return values.to_numpy(dtype=object, na_value=None), labels
        values = values.to_numpy()
    array = values if isinstance(values, np.ndarray) else np.asarray(list(values), dtype=object)
    if array.dtype.kind not in "USO":
        raise TypeError(f"priority: expected strings, got a column of {array.dtype}")
    return array, labels


# ---------------------------------------------------------------- contracts


class Contract:
    """A checked contract: its packages, add-ons, priorities and calendars.

    Load one with ``sla.load("contract.sla")`` or ``sla.loads(text)``; a
    contract with errors raises ``ContractError`` whose ``diagnostics`` give
    file, line, column, code and hint. A Contract is immutable: threads may
    share it.

    What it holds (plain Python data):

    - ``name``, ``provider``, ``version``, ``summary``, ``client``: the header.
    - ``packages`` and ``addons``: dicts by id of ``Package`` (title, price,
      targets, ...).
    - ``priorities``: ``Priority`` from the lowest; ``attributes``: the ticket
      attributes targets may be keyed on, with their values.
    - ``calendars``: a mapping by id of ``Calendar`` (``add``, ``between``,
      ``is_open``, ``next_opening``); ``calendar(id)`` is the same.
    - ``diagnostics``: the warnings the load gave.

    What it does:

    - ``evaluator("premium", addons=["resolution"])`` → an ``Evaluator`` that
      judges tickets (raises ``SelectionError`` for an unknown package or a
      forbidden combination, naming it).
    - ``quote("premium", addons=[...])`` → a ``Quote``: allowed?, prices, totals.
    - ``render(package=None, format="md", lang="en")`` → the document to read
      and sign, as ``sla render`` writes it (Markdown or HTML).
    - ``lint()`` → the reviewer's findings (``Diagnostic``, codes ``SLA1xx``).
    - ``uptime("premium", incidents, months=["2026-01"])`` → ``UptimePeriod``s.
    """

    def __init__(self, native: Any, diagnostics: Sequence[Diagnostic], path: Optional[str], text: Optional[str], name: str):
        self._native = native
        self._path = path
        self._text = text
        self.source: str = name
        """The file it was read from, or the name given to ``loads``."""
        self.diagnostics: tuple[Diagnostic, ...] = tuple(diagnostics)
        header = native.header()
        self.name: str = header["name"]
        self.provider: str = header["provider"]
        self.version: str = header["version"]
        self.summary: str = header["summary"]
        self.client: str = header["client"]
        self.effective: str = header["effective"]
        self.ends: str = header["ends"]
        self.packages: dict[str, Package] = {p["id"]: Package._from(p) for p in native.packages()}
        self.addons: dict[str, Package] = {p["id"]: Package._from(p) for p in native.addons()}
        self.priorities: tuple[Priority, ...] = tuple(Priority(p["name"], p["rank"], p["description"]) for p in native.priorities())
        self.attributes: dict[str, tuple[str, ...]] = {a["name"]: tuple(a["values"]) for a in native.attributes()}
        self.files: tuple[str, ...] = tuple(native.files())
        self.calendars: Mapping[str, Calendar] = _Calendars(self)

    def __repr__(self) -> str:
        return f"<sla.Contract {self.name!r} from {self.source}: packages {', '.join(self.packages)}>"

    def calendar(self, name: str) -> Calendar:
        """The calendar with this id; KeyError naming the known ones otherwise."""
        return self.calendars[name]

    def evaluator(self, package: str, addons: Iterable[str] = ()) -> Evaluator:
        """An ``Evaluator`` for ``package`` with ``addons`` (applied in the
        contract's order, each checked against its ``requires`` and
        ``excludes``). Raises ``SelectionError`` naming an unknown package or
        add-on (with a "did you mean"), or the combination the contract forbids."""
        addons = list(addons)
        made = self._native.evaluator(package, addons)
        if isinstance(made, str):
            raise SelectionError(made)
        return Evaluator(self, made, package, addons)

    def quote(self, package: str, addons: Iterable[str] = ()) -> Quote:
        """The package with add-ons checked and priced. Raises ``SelectionError``
        for an unknown package or add-on; a forbidden combination comes back as
        a Quote with ``valid`` False and its ``problems``."""
        addons = list(addons)
        d = self._native.quote(package, addons)
        if d["error"]:
            raise SelectionError(d["error"])
        return Quote(
            package=package,
            addons=tuple(addons),
            items=tuple(QuoteItem(i["id"], i["title"], i["is_addon"], Money._from(i["price"]), i["included_in"]) for i in d["items"]),
            totals=tuple(Money(t["currency"], Decimal(t["milli"]) / 1000, t["period"]) for t in d["totals"]),
            problems=tuple(p["message"] for p in d["problems"]),
            repeated=tuple(d["repeated"]),
            selection=Package._from(d["selection"]) if d["selection"] else None,
        )

    def render(
        self,
        package: Optional[str] = None,
        format: str = "md",
        lang: Union[str, Sequence[str]] = "en",
        *,
        with_lint: bool = False,
        compare: Optional["Contract"] = None,
    ) -> str:
        """The contract as a document to read and sign, the text ``sla render``
        writes: the parties, the title block, the definitions, the packages side
        by side, each package's terms (hours with a weekly chart, priorities,
        response and resolution times, clock rules, escalation, uptime), the
        add-ons and their prices, the contract's examples worked out in words,
        the signature block and the holidays of the years in force. Clauses are
        numbered and cited by number.

        - ``package``: only this package, with the add-ons it can take (default:
          all of them).
        - ``format``: ``"md"`` (Markdown) or ``"html"`` (one self-contained
          file, printable). There is no PDF here: use ``sla render --format pdf``
          (it prints the HTML with headless Chromium).
        - ``lang``: the document's language, ``"en"`` or ``"id"`` (Bahasa
          Indonesia); two, ``("en", "id")``, side by side. The contract's own
          texts come from its translation block; what has no translation stays
          as written, with a ``UserWarning`` saying how many.
        - ``with_lint``: add the reviewer's appendix with the lint's findings.
        - ``compare``: an older version of the contract (a ``Contract``): a
          redline, with what changed (``sla.diff(compare, self)``) marked.

        Raises ``ValueError`` (``SelectionError`` for the package) naming the
        choices for an unknown package (or an add-on given as one), format or
        language, and for a contract that defines no package."""
        if format not in ("md", "html"):
            why = "PDF is printed by the command: sla render --format pdf" if format == "pdf" else f"unknown format {format!r}"
            raise ValueError(f"render: {why} (formats here: md, html)")
        languages = [lang] if isinstance(lang, str) else list(lang)
        known = dict(_native.render_languages())
        for code in languages:
            if code not in known:
                choices = ", ".join(f"{c} ({name})" for c, name in known.items())
                raise ValueError(f"render: there are no words for {code!r} yet (languages: {choices})")
        if not 1 <= len(languages) <= 2 or len(set(languages)) != len(languages):
            raise ValueError(f"render: lang takes one language, or two different ones side by side, not {lang!r}")
        if not self.packages:
            raise ValueError(f"render: {self.source} defines no package, so there is no agreement to render")
        if package is not None and package not in self.packages:
            if package in self.addons:
                raise SelectionError(f"'{package}' is an add-on, not a package; render the package it goes with (packages: {', '.join(self.packages)})")
            made = self._native.evaluator(package, [])
            raise SelectionError(made if isinstance(made, str) else f"unknown package '{package}'")
        lint: Optional[tuple[str, Optional[str]]] = None
        if with_lint:
            lint = (self._path, None) if self._path is not None else (self.source, self._text or "")
        text, texts, phrases = self._native.render(
            package or "", format, languages, None if compare is None else compare._native, "" if compare is None else compare.source, lint
        )
        if texts or phrases:
            warnings.warn(
                f"render: {len(texts)} of the contract's texts have no translation and stay as written, "
                f"{len(phrases)} generated phrases stay in English (contract.lint(languages=[...]) lists the texts)",
                UserWarning,
                stacklevel=2,
            )
        return str(text)

    def lint(self, *, allow: Iterable[str] = (), deny: Iterable[str] = (), languages: Iterable[str] = ()) -> list[Diagnostic]:
        """The lint: what a careful reviewer would flag in a contract that checks
        clean (codes ``SLA1xx``, explained in docs/lint.md), in source order.
        ``allow`` silences codes, ``deny`` reports codes as errors, ``languages``
        are the languages the texts must be translated into. Findings silenced in
        the contract (``# sla: allow SLA105``) are left out. The contract is read
        again from its file (or text), since comments silence findings."""
        args = (list(allow), list(deny), list(languages))
        if self._path is not None:
            d = _native.lint_file(self._path, *args)
        else:
            d = _native.lint_string(self.source, self._text or "", *args)
        return [Diagnostic._from(x) for x in d["diagnostics"]]

    def uptime(
        self,
        package: str,
        incidents: Iterable[Union[Incident, Mapping[str, Any]]],
        months: Iterable[Union[str, tuple[int, int]]],
        *,
        addons: Iterable[str] = (),
        as_of: Optional[TimeLike] = None,
    ) -> list[UptimePeriod]:
        """``self.evaluator(package, addons).uptime(incidents, months, as_of=as_of)``."""
        return self.evaluator(package, addons).uptime(incidents, months, as_of=as_of)


def _loaded(result: tuple[Any, ...], path: Optional[str], text: Optional[str], name: str) -> Contract:
    native, raw = result
    diagnostics = [Diagnostic._from(d) for d in raw]
    if native is None:
        raise ContractError(diagnostics)
    return Contract(native, diagnostics, path, text, name)


def load(path: PathLike, *, stdlib_only: bool = False) -> Contract:
    """Loads and checks the contract in ``path`` and what it imports (files in its
    own folder and below, and the stdlib; ``stdlib_only=True``: the stdlib only).
    Raises ``ContractError`` with the diagnostics when it has errors."""
    path = os.fspath(path)
    return _loaded(_native.load_file(path, stdlib_only), path, None, path)


def loads(text: str, name: str = "<string>") -> Contract:
    """Loads and checks a contract from text; ``name`` is what diagnostics call
    it. It may import the stdlib only. Raises ``ContractError`` with the
    diagnostics (``e.diagnostics[0].line``) when it has errors."""
    return _loaded(_native.load_string(name, text), None, text, name)


def diff(old: Contract, new: Contract) -> list[Change]:
    """What changed for the client from ``old`` to ``new`` (two loaded versions
    of a contract), as ``sla diff`` finds it: compared as checked contracts
    (packages after inheritance, calendars as hours), not as text, so a moved or
    reformatted clause is no change. In the new version's order; empty when they
    say the same. ``[c for c in changes if c.effect is sla.Effect.WEAKER]`` is
    what a client would object to."""
    return [
        Change(
            code=d["code"],
            effect=Effect(d["effect"]),
            subject=d["subject"],
            message=d["message"],
            old_value=d["old_value"],
            new_value=d["new_value"],
            old_file=d["old_at"]["file"],
            old_line=d["old_at"]["line"],
            new_file=d["new_at"]["file"],
            new_line=d["new_at"]["line"],
        )
        for d in _native.diff(old._native, new._native)
    ]


def call(request: Mapping[str, Any]) -> dict[str, Any]:
    """Runs any command of the ``sla`` command line in-process, as the C
    function ``sla_call_json`` does (docs/embedding.md, "JSON"): ``request`` is
    a command line as data, the result what the command did::

        >>> r = sla.call({"command": "time", "options": {"package": "premium"},
        ...               "arguments": ["contracts/qiscus-enterprise.sla", "add",
        ...                             "2026-01-09T16:30:00+07:00", "4 business hours"]})
        >>> r["exit_code"], r["output"]["deadline"]
        (0, '2026-01-12T12:30:00+07:00')

    ``command`` is a command of ``sla`` (``"holidays show"``: two words),
    ``options`` its flags by their long names (a string, a number, True for a
    flag alone, a list for a repeated flag), ``arguments`` its positionals,
    ``input`` what it reads as standard input (``"-"``). The result has
    ``exit_code`` (0 ok, 1 failed, 2 usage), ``output`` (the command's JSON
    parsed, chosen unless ``options`` name a format; text for text formats),
    ``messages`` (its standard error) and ``argv``. Nothing is raised for a
    command that fails: its exit code and messages say why. The GIL is released
    while the command runs. Schemas: docs/schema/call.schema.json and one per
    command's output.

    Values are JSON's: text, numbers, True/False, None, lists and dicts; a path
    (``pathlib.Path``, any ``os.PathLike``) is sent as its text. Raises
    ``TypeError`` naming the field for anything else, and ``ValueError`` for a
    NaN or an infinity, which JSON cannot say."""
    if not isinstance(request, Mapping):
        raise TypeError(f"sla.call: the request is a dict such as {{'command': 'check', 'arguments': [...]}}, not {type(request).__name__}")
    response: dict[str, Any] = json.loads(_native.call_json(json.dumps(_json_value(request, "request"), allow_nan=False)))
    return response


def _json_value(value: Any, field: str) -> Any:
    """``value`` as json.dumps writes it, paths as their text; raises naming
    ``field`` for what JSON cannot hold, where json.dumps would name no field
    (and the library, given NaN, would point at a column of the JSON text)."""
    if value is None or isinstance(value, (str, bool, int)):
        return value
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"sla.call: {field} is {value}: NaN and Infinity are not JSON")
        return value
    if isinstance(value, os.PathLike):
        path = os.fspath(value)
        if isinstance(path, str):
            return path
        raise TypeError(f"sla.call: {field} is the bytes path {path!r}; give it as text")
    if isinstance(value, Mapping):
        out: dict[str, Any] = {}
        for key, item in value.items():
            if not isinstance(key, str):
                raise TypeError(f"sla.call: {field} has the key {key!r} ({type(key).__name__}); keys are text")
            out[key] = _json_value(item, f"{field}[{key!r}]")
        return out
    if isinstance(value, (list, tuple)):
        return [_json_value(item, f"{field}[{i}]") for i, item in enumerate(value)]
    raise TypeError(f"sla.call: {field} is {type(value).__name__} {value!r}, which is not JSON (text, a number, a bool, None, a list or a dict)")


def lint_rules() -> list[tuple[str, str, Severity]]:
    """Every lint rule: (code, title, default severity), in code order."""
    return [(code, title, Severity(severity)) for code, title, severity in _native.lint_rules()]
