"""sla.call: any command of the command line, in-process, through sla_call_json."""
import threading

import pytest

import sla

QISCUS = "contracts/qiscus-enterprise.sla"


def test_time_add(root):
    r = sla.call({"command": "time", "options": {"package": "premium"},
                  "arguments": [str(root / QISCUS), "add", "2026-01-09T16:30:00+07:00",
                                "4 business hours"]})
    assert r["exit_code"] == 0, r["messages"]
    assert r["output"]["deadline"] == "2026-01-12T12:30:00+07:00"
    assert r["argv"][:2] == ["sla", "time"]


def test_eval_rows_from_input(root):
    tickets = "id,priority,created_at\nA,High,2026-01-09T16:30:00+07:00\nB,Nope,2026-01-09T16:30:00+07:00\n"
    r = sla.call({"command": "eval",
                  "options": {"package": "premium", "as-of": "2026-02-01T00:00:00+07:00"},
                  "arguments": [str(root / QISCUS), "-"], "input": tickets})
    assert [row["id"] for row in r["output"]] == ["A", "B"]
    assert r["exit_code"] == 1  # B's priority is unknown: a row error, as `sla eval` says
    assert "1 of 2 rows" in r["messages"]
    assert "Nope" in r["output"][1]["error"]


def test_a_broken_contract_says_where():
    r = sla.call({"command": "check", "arguments": ["-"], "input": "calendar c {\n  oops\n}\n"})
    assert r["exit_code"] == 1
    span = r["output"][0]["diagnostics"][0]["span"]
    assert (span["file"], span["line"], span["column"]) == ("<stdin>", 2, 3)


@pytest.mark.parametrize("request_, why", [
    ({}, "needs \"command\""),
    ({"command": "check", "options": {"output": "x"}}, "comes back in the response"),
    ({"command": "lsp"}, "sla lsp"),
])
def test_requests_that_cannot_run(request_, why):
    r = sla.call(request_)
    assert r["exit_code"] == 2
    assert r["output"] is None
    assert why in r["messages"]


def test_calls_on_threads(root):
    results: dict[int, dict] = {}

    def run(n: int) -> None:
        tickets = "id,priority,created_at\n" + "".join(
            f"t{n}-{i},High,2026-01-09T16:30:00+07:00\n" for i in range(100))
        results[n] = sla.call({"command": "eval",
                               "options": {"package": "premium", "as-of": "2026-01-10T00:00:00+07:00"},
                               "arguments": [str(root / QISCUS), "-"], "input": tickets})

    threads = [threading.Thread(target=run, args=(n,)) for n in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for n, r in results.items():
        assert len(r["output"]) == 100
        assert all(row["id"].startswith(f"t{n}-") for row in r["output"])


def test_paths_are_sent_as_their_text(root):
    # json.dumps cannot write a pathlib.Path: without os.fspath this is a TypeError.
    r = sla.call({"command": "render", "options": {"package": "premium", "compare": root / QISCUS},
                  "arguments": [root / QISCUS]})
    assert r["exit_code"] == 0, r["messages"]
    assert r["argv"][-1] == str(root / QISCUS)
    assert str(root / QISCUS) in r["argv"]


@pytest.mark.parametrize("value", [float("nan"), float("inf"), -float("inf")])
def test_nan_and_infinity_are_not_json(root, value):
    with pytest.raises(ValueError, match=r"request\['options'\]\['threads'\] is .*NaN and Infinity are not JSON"):
        sla.call({"command": "eval", "options": {"threads": value}, "arguments": [str(root / QISCUS), "-"]})
    with pytest.raises(ValueError, match=r"request\['arguments'\]\[1\]"):
        sla.call({"command": "check", "arguments": [str(root / QISCUS), value]})


@pytest.mark.parametrize("request_, message", [
    ({"command": "check", "arguments": [b"contracts/x.sla"]}, r"request\['arguments'\]\[0\] is bytes"),
    ({"command": "check", "options": {"as-of": object()}}, r"request\['options'\]\['as-of'\] is object"),
    ({"command": "check", "options": {1: "x"}}, r"request\['options'\] has the key 1"),
    (["check"], r"the request is a dict"),
])
def test_values_json_cannot_hold_name_their_field(request_, message):
    with pytest.raises(TypeError, match=message):
        sla.call(request_)
