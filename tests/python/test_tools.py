"""lint, quote, uptime: plain Python data from the contract."""

from datetime import datetime, timedelta
from decimal import Decimal

import pytest

import sla
from conftest import JAKARTA


def test_lint_finds_the_label_mismatch(qiscus):
    findings = qiscus.lint()
    assert findings
    assert all(isinstance(f, sla.Diagnostic) for f in findings)
    codes = {f.code for f in findings}
    assert "SLA103" in codes
    f = next(f for f in findings if f.code == "SLA103")
    assert f.line > 0 and f.column > 0 and f.severity is sla.Severity.WARNING
    assert f.file.endswith("qiscus-enterprise.sla")
    assert "SLA103" not in {f.code for f in qiscus.lint(allow=["SLA103"])}
    denied = [f for f in qiscus.lint(deny=["SLA103"]) if f.code == "SLA103"]
    assert denied and denied[0].severity is sla.Severity.ERROR


def test_lint_of_text():
    c = sla.loads('contract "x" {\n  provider "x"\n  version "1"\n}\n', name="x.sla")
    assert all(f.file == "x.sla" for f in c.lint())


def test_lint_rules():
    rules = sla.lint_rules()
    assert any(code == "SLA103" for code, _, _ in rules)
    assert all(isinstance(s, sla.Severity) for _, _, s in rules)


def test_quote(qiscus):
    q = qiscus.quote("premium", addons=["dedicated_24x7", "resolution"])
    assert isinstance(q, sla.Quote) and q.valid
    assert [i.id for i in q.items] == ["premium", "dedicated_24x7", "resolution"] or q.items[0].id == "premium"
    assert len(q.totals) == 1
    total = q.totals[0]
    assert (total.currency, total.amount) == ("IDR", Decimal(520_000_000))
    assert str(total) == "IDR 520,000,000"
    assert "IDR 520,000,000" in str(q)
    assert q.selection is not None and q.selection.calendar == "around_the_clock"


def test_quote_problems_and_errors(qiscus):
    q = qiscus.quote("premium", addons=["dedicated_8x7", "dedicated_24x7"])
    assert not q.valid and q.problems
    assert "not allowed" in str(q)
    with pytest.raises(sla.SelectionError, match="platinum"):
        qiscus.quote("platinum")


def test_money_text():
    assert str(sla.Money("USD", Decimal("1234.5"), "per month")) == "USD 1,234.5 per month"
    assert str(sla.Money("EUR", Decimal(0))) == "EUR 0"


def test_uptime(qiscus):
    jkt = lambda *a: datetime(*a, tzinfo=JAKARTA)  # noqa: E731
    incidents = [
        sla.Incident("I1", "Chat Service", jkt(2026, 1, 5, 10), jkt(2026, 1, 5, 14)),
        {"id": "I2", "service": "chat service", "start": jkt(2026, 1, 5, 13), "end": jkt(2026, 1, 5, 15)},
        sla.Incident("M1", "Chat Service", jkt(2026, 1, 18, 1), jkt(2026, 1, 18, 4, 20), "scheduled_maintenance",
                     announced_at=jkt(2026, 1, 11, 9)),
    ]
    periods = qiscus.uptime("premium", incidents, months=["2026-01"])
    assert len(periods) == 1
    p = periods[0]
    assert isinstance(p, sla.UptimePeriod)
    assert (p.service, p.period, p.kind) == ("Chat Service", "2026-01", "month")
    assert p.start == jkt(2026, 1, 1) and p.end == jkt(2026, 2, 1)
    assert p.downtime == timedelta(hours=5)
    assert p.excluded == timedelta(hours=3, minutes=20)
    assert p.target == Decimal(99)
    assert Decimal("99.3") < p.uptime < Decimal("99.4")
    assert p.status == "met"
    assert [o.incident for o in p.incidents] == ["I1", "I2", "M1"]
    assert p.incidents[2].treatment == "excluded"
    with pytest.raises(ValueError, match="I9"):
        qiscus.uptime("premium", [sla.Incident("I9", "Video", jkt(2026, 1, 5), jkt(2026, 1, 6))], months=[(2026, 1)])
