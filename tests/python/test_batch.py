"""Batches: Evaluator.evaluate_many over lists, numpy arrays and pandas DataFrames."""

import os
import threading
import time
from datetime import datetime, timezone

import numpy as np
import pytest

import sla
from conftest import JAKARTA

AS_OF = datetime(2027, 1, 1, tzinfo=timezone.utc)


def jkt(*args):
    return datetime(*args, tzinfo=JAKARTA)


def same(a, b):
    """Arrays equal, NaT included."""
    if a.dtype.kind == "M":
        return np.array_equal(a.view("int64"), b.view("int64"))
    return np.array_equal(a, b)


def random_tickets(n, seed=1):
    rng = np.random.default_rng(seed)
    created = np.datetime64("2026-01-01T00:00:00") + rng.integers(0, 365 * 24 * 3600, n).astype("timedelta64[s]")
    responded = created + rng.integers(0, 3 * 24 * 3600, n).astype("timedelta64[s]")
    responded[rng.random(n) < 0.3] = np.datetime64("NaT")
    prio = rng.choice(np.array(["Low", "Normal", "High", "Critical"]), n)
    return prio, created, responded


def test_lists_of_datetimes(premium):
    out = premium.evaluate_many(
        priority=["Normal", "Critical", "Urgent", None],
        created=[jkt(2026, 1, 9, 16, 30), jkt(2026, 1, 13, 10), jkt(2026, 1, 13), jkt(2026, 1, 13)],
        responded=[None, jkt(2026, 1, 13, 10, 30), None, None],
        resolved=[None, jkt(2026, 1, 13, 19), None, None],
        as_of=jkt(2026, 1, 14),
    )
    assert isinstance(out, dict)
    assert list(out["response_status"]) == ["breached", "met", "error", "error"]
    assert list(out["resolution_status"]) == ["no_target", "breached", "error", "error"]
    assert out["response_due"][0] == np.datetime64("2026-01-12T05:30:00")  # UTC
    assert out["response_due"].dtype == np.dtype("datetime64[s]")
    assert np.isnat(out["resolution_due"][0])
    assert out["error"][0] is None
    assert out["error"][2] == "unknown priority 'Urgent' (known: Low, Normal, High, Critical)"
    assert "priority" in out["error"][3]
    assert list(out["priority"]) == ["Normal", "Critical", None, None]
    assert out["escalation"][0] == "Account Manager"  # unanswered past 6 business hours
    assert out["escalation"][1] == "Technical Support"
    assert len(out["response_at_risk"]) == 4


def test_same_answers_as_one_by_one(premium):
    prio, created, responded = random_tickets(2000, seed=7)
    out = premium.evaluate_many(priority=prio, created=created, responded=responded, as_of=AS_OF)
    for i in range(0, 2000, 97):
        c = created[i].astype("datetime64[s]").astype("int64")
        r_at = None if np.isnat(responded[i]) else datetime.fromtimestamp(int(responded[i].astype("int64")), timezone.utc)
        one = premium.evaluate(str(prio[i]), datetime.fromtimestamp(int(c), timezone.utc), r_at, as_of=AS_OF)
        assert out["response_status"][i] == one.response_status.value
        assert out["response_due"][i].astype("int64") == int(one.response_due.timestamp())
        assert out["resolution_status"][i] == one.resolution_status.value
        assert out["escalation"][i] == (one.escalation.role if one.escalation else None)


def test_threads_do_not_change_answers(premium):
    prio, created, responded = random_tickets(200_000, seed=3)
    one = premium.evaluate_many(priority=prio, created=created, responded=responded, as_of=AS_OF, threads=1)
    many = premium.evaluate_many(priority=prio, created=created, responded=responded, as_of=AS_OF, threads=4)
    for key in one:
        assert same(one[key], many[key]), key


def test_million_tickets_a_second(premium):
    prio, created, _ = random_tickets(1_000_000)
    premium.evaluate_many(priority=prio[:1000], created=created[:1000], as_of=AS_OF)  # calendar tables built
    best = float("inf")
    for _ in range(3):
        t0 = time.perf_counter()
        out = premium.evaluate_many(priority=prio, created=created, as_of=AS_OF)
        best = min(best, time.perf_counter() - t0)
    assert len(out["response_due"]) == 1_000_000
    limit = float(os.environ.get("SLA_PY_BATCH_SECONDS", "1.0"))
    assert best < limit, f"1,000,000 tickets took {best:.2f} s"


def test_column_kinds(premium):
    created = np.array(["2026-01-09T09:30:00"], dtype="datetime64[s]")  # naive: UTC
    by_ns = premium.evaluate_many(priority=np.array(["Normal"]), created=created.astype("datetime64[ns]"), as_of=AS_OF)
    by_int = premium.evaluate_many(priority=["Normal"], created=created.astype("int64"), as_of=AS_OF)
    by_obj = premium.evaluate_many(priority=np.array(["Normal"], dtype=object), created=created, as_of=AS_OF)
    by_bytes = premium.evaluate_many(priority=np.array([b"Normal"]), created=created, as_of=AS_OF)
    for out in (by_ns, by_int, by_obj, by_bytes):
        assert out["response_due"][0] == np.datetime64("2026-01-12T05:30:00")
    out = premium.evaluate_many(priority=["Normal", "Normal"], created=np.array(["NaT", "2026-01-09T09:30"], dtype="datetime64[s]"), as_of=AS_OF)
    assert list(out["error"]) == ["no creation time", None]


def test_bad_columns(premium):
    with pytest.raises(ValueError, match="rows"):
        premium.evaluate_many(priority=["Normal"], created=np.zeros(2, dtype="datetime64[s]"), as_of=AS_OF)
    with pytest.raises(TypeError, match="strings"):
        premium.evaluate_many(priority=np.zeros(1), created=np.zeros(1, dtype="datetime64[s]"), as_of=AS_OF)
    with pytest.raises(TypeError, match="created"):
        premium.evaluate_many(priority=["Normal"], as_of=AS_OF)
    with pytest.raises(TypeError, match="naive"):
        premium.evaluate_many(priority=["Normal"], created=[datetime(2026, 1, 1)], as_of=AS_OF)
    with pytest.raises(TypeError):
        premium.evaluate_many(priority=[1], created=[jkt(2026, 1, 1)], as_of=AS_OF)
    empty = premium.evaluate_many(priority=[], created=np.array([], dtype="datetime64[s]"), as_of=AS_OF)
    assert len(empty["response_status"]) == 0


def test_unicode_priorities(premium):
    created = np.full(3, np.datetime64("2026-01-09T09:30", "s"))
    out = premium.evaluate_many(priority=np.array(["Nörmal", "Normal", "緊急"]), created=created, as_of=AS_OF)
    assert "'Nörmal'" in out["error"][0]
    assert out["error"][1] is None
    assert "'緊急'" in out["error"][2]


def test_pandas_dataframe(premium):
    pd = pytest.importorskip("pandas")
    df = pd.DataFrame(
        {
            "priority": pd.Categorical(["Normal", "Critical", None]),
            "created_at": pd.to_datetime(["2026-01-09T16:30:00+07:00", "2026-01-13T10:00:00+07:00", "2026-01-13T10:00:00+07:00"], utc=True).tz_convert("Asia/Jakarta"),
            "first_response_at": pd.to_datetime([None, "2026-01-13T10:30:00+07:00", None], utc=True),
        },
        index=["QS-1", "QS-2", "QS-3"],
    )
    out = premium.evaluate_many(df, as_of=AS_OF)
    assert isinstance(out, pd.DataFrame)
    assert list(out.index) == ["QS-1", "QS-2", "QS-3"]
    assert out.loc["QS-1", "response_due"] == pd.Timestamp("2026-01-12T12:30:00+07:00")
    assert str(out["response_due"].dt.tz) == "Asia/Jakarta"
    assert out.loc["QS-2", "response_status"] == "met"
    assert out.loc["QS-3", "response_status"] == "error"


def test_batch_threads_share_one_evaluator(premium):
    prio, created, responded = random_tickets(100_000, seed=5)
    expected = premium.evaluate_many(priority=prio, created=created, responded=responded, as_of=AS_OF, threads=1)
    results, errors = [None] * 4, []

    def work(k):
        try:
            results[k] = premium.evaluate_many(priority=prio, created=created, responded=responded, as_of=AS_OF)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    for r in results:
        assert same(r["response_due"], expected["response_due"])
        assert same(r["response_status"], expected["response_status"])
