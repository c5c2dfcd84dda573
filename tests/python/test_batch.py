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


# ---- column kinds: every way a table says "a time" or "not yet"

CREATED_UTC = np.datetime64("2026-01-09T09:30:00", "s")  # Friday 16:30 in Jakarta
DUE_UTC = np.datetime64("2026-01-12T05:30:00", "s")  # Monday 12:30 in Jakarta
RESPONDED_UTC = np.datetime64("2026-01-09T10:00:00", "s")


def unix(t):
    return int(t.astype("datetime64[s]").astype("int64"))


def test_unix_seconds_as_python_ints_and_floats(premium):
    by_int = premium.evaluate_many(priority=["Normal"], created=[unix(CREATED_UTC)], as_of=AS_OF)
    by_np_int = premium.evaluate_many(priority=["Normal"], created=[np.int64(unix(CREATED_UTC))], as_of=AS_OF)
    by_float = premium.evaluate_many(priority=["Normal"], created=[unix(CREATED_UTC) + 0.75], as_of=AS_OF)
    by_float_array = premium.evaluate_many(priority=["Normal"], created=np.array([unix(CREATED_UTC) + 0.75]), as_of=AS_OF)
    for out in (by_int, by_np_int, by_float, by_float_array):
        assert out["response_due"][0] == DUE_UTC
        assert out["error"][0] is None


def test_datetime64_of_any_unit(premium):
    for unit in ("s", "ms", "us", "ns", "m"):
        out = premium.evaluate_many(priority=["Normal"], created=np.array([CREATED_UTC]).astype(f"datetime64[{unit}]"), as_of=AS_OF)
        assert out["response_due"][0] == DUE_UTC, unit
    by_scalars = premium.evaluate_many(priority=["Normal"], created=[CREATED_UTC.astype("datetime64[ms]")], as_of=AS_OF)
    assert by_scalars["response_due"][0] == DUE_UTC


def test_every_missing_value_means_not_yet(premium):
    pd = pytest.importorskip("pandas")
    missing = [None, float("nan"), np.nan, np.datetime64("NaT"), pd.NaT, pd.NA]
    n = len(missing) + 1
    out = premium.evaluate_many(
        priority=["Normal"] * n,
        created=[jkt(2026, 1, 9, 16, 30)] * n,
        responded=missing + [jkt(2026, 1, 9, 17)],
        as_of=AS_OF,
    )
    assert list(out["error"]) == [None] * n
    assert list(out["response_status"]) == ["breached"] * (n - 1) + ["met"]  # unanswered by 2027
    # A missing creation is the row's error, not the batch's.
    out = premium.evaluate_many(priority=["Normal"] * 3, created=[pd.NA, pd.NaT, float("nan")], as_of=AS_OF)
    assert list(out["error"]) == ["no creation time"] * 3
    assert list(out["response_status"]) == ["error"] * 3


def test_float_columns_with_nan(premium):
    responded = np.array([np.nan, float(unix(RESPONDED_UTC))])
    out = premium.evaluate_many(priority=["Normal", "Normal"], created=np.full(2, float(unix(CREATED_UTC))), responded=responded, as_of=AS_OF)
    assert list(out["response_status"]) == ["breached", "met"]


def test_pandas_nullable_ints_naive_and_aware_columns(premium):
    pd = pytest.importorskip("pandas")
    created = pd.Series([unix(CREATED_UTC), unix(CREATED_UTC)], dtype="Int64")
    responded = pd.Series([pd.NA, unix(RESPONDED_UTC)], dtype="Int64")
    expected = ["breached", "met"]
    out = premium.evaluate_many(priority=pd.Series(["Normal", "Normal"]), created=created, responded=responded, as_of=AS_OF)
    assert list(out["response_status"]) == expected
    assert out["response_due"][0] == DUE_UTC

    naive = pd.to_datetime(pd.Series(["2026-01-09 09:30:00", "2026-01-09 09:30:00"]))  # read as UTC
    naive_responded = pd.to_datetime(pd.Series([None, "2026-01-09 10:00:00"]))
    assert naive.dt.tz is None and naive_responded.isna()[0]
    out = premium.evaluate_many(priority=["Normal", "Normal"], created=naive, responded=naive_responded, as_of=AS_OF)
    assert list(out["response_status"]) == expected
    assert out["response_due"][0] == DUE_UTC
    # The same instant as evaluate reads a datetime64 (UTC), and as the aware column.
    one = premium.evaluate("Normal", np.datetime64("2026-01-09T09:30:00"), as_of=AS_OF)
    assert int(one.response_due.timestamp()) == unix(DUE_UTC)
    aware = naive.dt.tz_localize("UTC").dt.tz_convert("America/New_York")
    out = premium.evaluate_many(priority=["Normal", "Normal"], created=aware, as_of=AS_OF)
    assert out["response_due"][0] == DUE_UTC


def test_pandas_string_priorities_with_na(premium):
    pd = pytest.importorskip("pandas")
    prio = pd.Series(["Normal", pd.NA], dtype="string")
    out = premium.evaluate_many(priority=prio, created=np.full(2, CREATED_UTC), as_of=AS_OF)
    assert out["priority"][0] == "Normal"
    assert out["error"][0] is None and out["error"][1] is not None  # no priority: the contract's error


def test_bad_cells_name_the_column_and_row(premium):
    pd = pytest.importorskip("pandas")
    good = jkt(2026, 1, 9, 16, 30)
    with pytest.raises(TypeError, match=r"responded, row 2: .*got the bool True"):
        premium.evaluate_many(priority=["Normal"] * 3, created=[good] * 3, responded=[None, None, True], as_of=AS_OF)
    with pytest.raises(TypeError, match=r"created, row 1: .*got bytes"):
        premium.evaluate_many(priority=["Normal"] * 2, created=[good, b"2026-01-09"], as_of=AS_OF)
    with pytest.raises(TypeError, match=r"resolved, row 0: the naive datetime"):
        premium.evaluate_many(priority=["Normal"], created=[good], resolved=[datetime(2026, 1, 9, 18)], as_of=AS_OF)
    with pytest.raises(ValueError, match=r"created, row 1 \(index 'QS-2'\): 'yesterday'"):
        premium.evaluate_many(priority=["Normal"] * 2, created=pd.Series([good, "yesterday"], index=["QS-1", "QS-2"]), as_of=AS_OF)
    with pytest.raises(ValueError, match=r"created, row 0: inf is no time"):
        premium.evaluate_many(priority=["Normal"], created=np.array([np.inf]), as_of=AS_OF)
    with pytest.raises(TypeError, match=r"created: expected a column of times .* bool"):
        premium.evaluate_many(priority=["Normal"], created=np.array([True]), as_of=AS_OF)
    with pytest.raises(TypeError, match=r"created: expected a column of times .* timedelta64"):
        premium.evaluate_many(priority=["Normal"], created=np.array([1], dtype="timedelta64[s]"), as_of=AS_OF)


def test_unsigned_seconds_beyond_int64_are_refused(premium):
    # astype(int64) wrapped 2**64 - 3600 to -3600: a ticket of 1969-12-31T23:00Z, no error.
    created = np.array([unix(CREATED_UTC), 2**64 - 3600], dtype=np.uint64)
    with pytest.raises(ValueError, match=r"created, row 1: 18446744073709548016 is no time in Unix seconds"):
        premium.evaluate_many(priority=["Normal"] * 2, created=created, as_of=AS_OF)
    with pytest.raises(ValueError, match=r"responded, row 0: 9223372036854775808 is no time"):
        premium.evaluate_many(priority=["Normal"], created=created[:1], responded=np.array([2**63], dtype=np.uint64), as_of=AS_OF)
    # Unsigned seconds that fit are read; beyond the years supported, the row says so.
    out = premium.evaluate_many(priority=["Normal"] * 2, created=np.array([unix(CREATED_UTC), 2**62], dtype=np.uint64), as_of=AS_OF)
    assert out["response_due"][0] == DUE_UTC and out["error"][0] is None
    assert "outside the years 1901 to 2398" in out["error"][1]
    assert out["response_status"][1] == "error"


def test_pandas_unsigned_seconds_beyond_int64_are_refused(premium):
    pd = pytest.importorskip("pandas")
    created = pd.Series([unix(CREATED_UTC), 2**64 - 3600, pd.NA], dtype="UInt64", index=["QS-1", "QS-2", "QS-3"])
    with pytest.raises(ValueError, match=r"created, row 1 \(index 'QS-2'\): 18446744073709548016 is no time"):
        premium.evaluate_many(priority=["Normal"] * 3, created=created, as_of=AS_OF)
    # One past int64: a numpy uint64 compared with a Python int goes through float64, where 2**63 - 1 == 2**63.
    with pytest.raises(ValueError, match=r"created, row 0: 9223372036854775808 is no time"):
        premium.evaluate_many(priority=["Normal"], created=pd.Series([2**63], dtype="UInt64"), as_of=AS_OF)
    fits = pd.Series([unix(CREATED_UTC), pd.NA], dtype="UInt64")
    out = premium.evaluate_many(priority=["Normal"] * 2, created=fits, as_of=AS_OF)
    assert out["response_due"][0] == DUE_UTC
    assert list(out["error"]) == [None, "no creation time"]


@pytest.mark.parametrize("seconds", [2**63 + 5, 2**63, -(2**63), -(2**63) - 1, 10**30])
def test_python_ints_beyond_int64_name_the_column_and_row(premium, seconds):
    # Was an OverflowError naming nothing; -2**63, numpy's NaT, was read as no time.
    with pytest.raises(ValueError, match=rf"created, row 1: {seconds} is no time in Unix seconds"):
        premium.evaluate_many(priority=["Normal"] * 2, created=[unix(CREATED_UTC), seconds], as_of=AS_OF)
    with pytest.raises(ValueError, match=rf"resolved, row 0: {seconds} is no time"):
        premium.evaluate_many(priority=["Normal"], created=[unix(CREATED_UTC)], resolved=[seconds], as_of=AS_OF)


def test_python_ints_within_int64_beyond_the_years_are_row_errors(premium):
    out = premium.evaluate_many(priority=["Normal"] * 3, created=[unix(CREATED_UTC), 2**62, 2**63 - 1], as_of=AS_OF)
    assert out["error"][0] is None
    assert all("outside the years 1901 to 2398" in e for e in out["error"][1:])


def test_priority_lists_take_pd_na_for_none(premium):
    pd = pytest.importorskip("pandas")
    created = [jkt(2026, 1, 9, 16, 30)] * 2
    expected = premium.evaluate_many(priority=["High", None], created=created, as_of=AS_OF)
    for priority in (["High", pd.NA], np.array(["High", pd.NA], dtype=object), ("High", pd.NA)):
        out = premium.evaluate_many(priority=priority, created=created, as_of=AS_OF)
        assert list(out["priority"]) == ["High", None]
        assert list(out["error"]) == list(expected["error"])
        assert same(out["response_due"], expected["response_due"])


def test_bad_priorities_name_the_column_and_row(premium):
    created = [jkt(2026, 1, 9, 16, 30)] * 3
    with pytest.raises(TypeError, match=r"priority, row 2: expected a str, or None, NaN, pd.NA or \"\" for none; got int 5"):
        premium.evaluate_many(priority=["High", None, 5], created=created, as_of=AS_OF)
    with pytest.raises(TypeError, match=r"priority, row 1: .*got bytes b'High'"):
        premium.evaluate_many(priority=np.array(["High", b"High", "Low"], dtype=object), created=created, as_of=AS_OF)


def test_bad_priorities_in_a_series_name_the_label(premium):
    pd = pytest.importorskip("pandas")
    priority = pd.Series(["High", 5.5, "Low"], index=["QS-1", "QS-2", "QS-3"])
    with pytest.raises(TypeError, match=r"priority, row 1 \(index 'QS-2'\): .*got float 5.5"):
        premium.evaluate_many(priority=priority, created=[jkt(2026, 1, 9, 16, 30)] * 3, as_of=AS_OF)


# ---- what comes back

WARNED_PREMIUM = 'package premium "Premium Support" extends basic {\n'


@pytest.fixture(scope="module")
def warned(root):
    """Qiscus with `warn at 50 %` in premium: Normal, 4 business hours, is at risk after 2."""
    text = (root / "contracts" / "qiscus-enterprise.sla").read_text()
    assert WARNED_PREMIUM in text
    return sla.loads(text.replace(WARNED_PREMIUM, WARNED_PREMIUM + "  warn at 50 %\n"), name="warned.sla").evaluator("premium")


def test_batch_statuses_are_status_values(warned):
    # Monday 09:00; as of 12:00 three of the four hours are gone.
    out = warned.evaluate_many(
        priority=["Normal", "Normal", "Urgent", "Normal"],
        created=[jkt(2026, 1, 12, 9), jkt(2026, 1, 12, 11, 30), jkt(2026, 1, 12, 9), jkt(2026, 1, 12, 9)],
        responded=[None, None, None, jkt(2026, 1, 12, 9, 30)],
        as_of=jkt(2026, 1, 12, 12),
    )
    assert list(out["response_status"]) == ["at_risk", "pending", "error", "met"]
    assert list(out["response_at_risk"]) == [True, False, False, False]
    assert {sla.Status(s) for s in out["response_status"]} == {sla.Status.AT_RISK, sla.Status.PENDING, sla.Status.ERROR, sla.Status.MET}
    one = warned.evaluate("Normal", jkt(2026, 1, 12, 9), as_of=jkt(2026, 1, 12, 12))
    assert one.response_status.value == out["response_status"][0]


def test_due_columns_dict_utc_dataframe_in_the_calendar_zone(premium):
    pd = pytest.importorskip("pandas")
    out = premium.evaluate_many(priority=["Normal"], created=[CREATED_UTC], as_of=AS_OF)
    for kind in ("response", "resolution", "update", "restoration"):
        assert out[f"{kind}_due"].dtype == np.dtype("datetime64[s]")  # UTC: numpy has no zones
    df = premium.evaluate_many(pd.DataFrame({"priority": ["Normal"], "created": [CREATED_UTC]}), as_of=AS_OF)
    for kind in ("response", "resolution", "update", "restoration"):
        assert isinstance(df[f"{kind}_due"].dtype, pd.DatetimeTZDtype), kind
        assert str(df[f"{kind}_due"].dt.tz) == "Asia/Jakarta"
    assert df["response_due"][0] == pd.Timestamp("2026-01-12T12:30:00", tz="Asia/Jakarta")
    assert pd.isna(df["resolution_due"][0])


def test_dataframe_due_in_a_fixed_offset_zone():
    pd = pytest.importorskip("pandas")
    c = sla.loads(
        'contract "Tiny" {\n  provider "P"\n  version "1"\n}\n'
        'calendar c "C" {\n  zone UTC+07:00\n  open always\n}\n'
        "priorities {\n  Low \"low\"\n}\n"
        'package p "P" {\n  calendar c\n  respond to Low within 1 hour\n}\n'
    )
    df = c.evaluator("p").evaluate_many(pd.DataFrame({"priority": ["Low"], "created": [CREATED_UTC]}), as_of=AS_OF)
    due = df["response_due"][0]
    assert due == pd.Timestamp("2026-01-09T10:30:00Z")
    assert due.utcoffset().total_seconds() == 7 * 3600


THREAD_FAILURE = r'''
import resource, sys
import numpy as np
sys.path[:0] = {path!r}
import sla
ev = sla.load({contract!r}).evaluator("premium")
n = 400_000
created = np.full(n, np.datetime64("2026-01-09T09:30:00", "s"))
prio = np.full(n, "Normal")
ev.evaluate_many(priority=prio[:10], created=created[:10], as_of="2027-01-01T00:00:00Z")  # tables built
# Room for the results (19 MB), none for seven more thread stacks of 8 MiB.
used = int(open("/proc/self/statm").read().split()[0]) * resource.getpagesize()
resource.setrlimit(resource.RLIMIT_AS, (used + (40 << 20), resource.RLIM_INFINITY))
try:
    ev.evaluate_many(priority=prio, created=created, as_of="2027-01-01T00:00:00Z", threads=8)
    print("no failure")
except (RuntimeError, MemoryError) as e:
    print("raised:", e)
print("alive")
'''


def test_a_thread_that_cannot_start_raises(root, tmp_path):
    import resource
    import subprocess
    import sys

    stack = resource.getrlimit(resource.RLIMIT_STACK)[0]
    if stack == resource.RLIM_INFINITY or stack < 4 << 20:  # glibc sizes thread stacks by it
        pytest.skip(f"thread stacks too small to exhaust the address space with (ulimit -s {stack})")
    script = THREAD_FAILURE.format(path=list(sys.path), contract=str(root / "contracts" / "qiscus-enterprise.sla"))
    run = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "alive" in run.stdout
    assert "raised: evaluate_many could not start thread" in run.stdout, run.stdout + run.stderr
