#!/usr/bin/env python3
"""Judges tickets against a contract from Python, through the C API (ctypes).

    python3 examples/evaluate.py [CONTRACT [PACKAGE [TICKETS.csv [AS_OF]]]]

Defaults: the Qiscus contract, package premium, its sample tickets, as of
2026-01-16T00:00:00+07:00. The library is found through SLA_PREFIX (an install
prefix), then the system's library path, then the build tree (build/lib).
"""
import csv
import ctypes
import ctypes.util
import glob
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
PREFIX = os.environ.get("SLA_PREFIX", "")


def find_library():
    candidates = []
    if PREFIX:
        candidates += sorted(glob.glob(f"{PREFIX}/lib*/**/libsla.so*", recursive=True))
    if ctypes.util.find_library("sla"):
        candidates.append(ctypes.util.find_library("sla"))
    candidates += sorted(glob.glob(str(HERE.parent / "build" / "lib" / "libsla.so*")))
    for path in candidates:
        try:
            return ctypes.CDLL(path)
        except OSError:
            continue
    sys.exit("libsla.so not found: set SLA_PREFIX to the install prefix")


# ---- The C API's declarations (include/sla/sla.h), for ctypes ----------------
NO_TIME = -(2**63)
OK = 0
lib = find_library()


class Event(ctypes.Structure):
    _fields_ = [("at", ctypes.c_int64), ("kind", ctypes.c_int), ("value", ctypes.c_char_p)]


class Ticket(ctypes.Structure):
    _fields_ = [("priority", ctypes.c_char_p), ("created", ctypes.c_int64),
                ("responded", ctypes.c_int64), ("resolved", ctypes.c_int64),
                ("events", ctypes.POINTER(Event)), ("event_count", ctypes.c_size_t)]


class TargetResult(ctypes.Structure):
    _fields_ = [("verdict", ctypes.c_int), ("due", ctypes.c_int64), ("committed", ctypes.c_int)]


class Result(ctypes.Structure):
    _fields_ = [("priority", ctypes.c_char_p), ("response", TargetResult),
                ("resolution", TargetResult), ("escalation_role", ctypes.c_char_p),
                ("escalation_contact", ctypes.c_char_p), ("error", ctypes.c_char_p)]


P = ctypes.c_void_p
for name, result, args in [
    ("sla_version", ctypes.c_char_p, []),
    ("sla_status_name", ctypes.c_char_p, [ctypes.c_int]),
    ("sla_verdict_name", ctypes.c_char_p, [ctypes.c_int]),
    ("sla_contract_load_file", ctypes.c_int, [ctypes.c_char_p, P, ctypes.POINTER(P), ctypes.POINTER(P)]),
    ("sla_contract_free", None, [P]),
    ("sla_contract_name", ctypes.c_char_p, [P]),
    ("sla_diagnostics_text", ctypes.c_char_p, [P]),
    ("sla_diagnostics_free", None, [P]),
    ("sla_evaluator_new", ctypes.c_int, [P, ctypes.c_char_p, ctypes.POINTER(ctypes.c_char_p), ctypes.c_size_t, ctypes.POINTER(P), ctypes.POINTER(P)]),
    ("sla_evaluator_free", None, [P]),
    ("sla_evaluate", ctypes.c_int, [P, ctypes.POINTER(Ticket), ctypes.c_int64, ctypes.POINTER(Result)]),
    ("sla_explain", ctypes.c_int, [P, ctypes.POINTER(Ticket), ctypes.c_int64, ctypes.POINTER(ctypes.c_void_p)]),
    ("sla_string_free", None, [ctypes.c_void_p]),
    ("sla_parse_time", ctypes.c_int, [ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64)]),
    ("sla_parse_local_time", ctypes.c_int, [P, ctypes.c_char_p, ctypes.POINTER(ctypes.c_int64)]),
    ("sla_format_time", ctypes.c_int, [P, ctypes.c_int64, ctypes.c_char_p, ctypes.c_size_t]),
]:
    fn = getattr(lib, name)
    fn.restype, fn.argtypes = result, args


class SlaError(Exception):
    pass


def take_diagnostics(handle):
    text = lib.sla_diagnostics_text(handle).decode()
    lib.sla_diagnostics_free(handle)
    return text


# ---- A small Pythonic wrapper ---------------------------------------------------
class Evaluator:
    """A contract's package, ready to judge tickets; frees its C objects on close()."""

    def __init__(self, contract_path, package):
        contract, diags = P(), P()
        if lib.sla_contract_load_file(str(contract_path).encode(), None, ctypes.byref(contract), ctypes.byref(diags)) != OK:
            raise SlaError(take_diagnostics(diags))
        take_diagnostics(diags)
        self.contract_name = lib.sla_contract_name(contract).decode()
        self.handle = P()
        status = lib.sla_evaluator_new(contract, package.encode(), None, 0, ctypes.byref(self.handle), ctypes.byref(diags))
        lib.sla_contract_free(contract)  # the evaluator keeps what it needs
        if status != OK:
            raise SlaError(take_diagnostics(diags))
        take_diagnostics(diags)

    def close(self):
        if self.handle:
            lib.sla_evaluator_free(self.handle)
            self.handle = None  # closing twice, or using it after, must not reach freed memory

    def local(self, t):
        if t == NO_TIME:
            return "-"
        buffer = ctypes.create_string_buffer(32)
        lib.sla_format_time(self.handle, t, buffer, len(buffer))
        return buffer.value.decode()

    def time(self, text):
        """An RFC 3339 time; without an offset, local to the contract's calendar (as the CLI reads it)."""
        text = (text or "").strip()
        if not text:
            return NO_TIME
        t = ctypes.c_int64()
        status = lib.sla_parse_local_time(self.handle, text.encode(), ctypes.byref(t))
        if status != OK:
            raise SlaError(f"{text!r}: {lib.sla_status_name(status).decode()} error (expected a time such as 2026-01-09T16:30:00+07:00)")
        return t.value

    def evaluate(self, ticket, as_of):
        if not self.handle:
            raise SlaError("the evaluator is closed")
        result = Result()
        lib.sla_evaluate(self.handle, ctypes.byref(ticket), as_of, ctypes.byref(result))
        return result

    def explain(self, ticket, as_of):
        text = ctypes.c_void_p()
        if lib.sla_explain(self.handle, ctypes.byref(ticket), as_of, ctypes.byref(text)) != OK:
            return ""
        try:
            return ctypes.string_at(text).decode()
        finally:
            lib.sla_string_free(text)


def main(argv):
    contract = argv[1] if len(argv) > 1 else HERE.parent / "contracts" / "qiscus-enterprise.sla"
    package = argv[2] if len(argv) > 2 else "premium"
    tickets = argv[3] if len(argv) > 3 else HERE.parent / "contracts" / "samples" / "qiscus-tickets.csv"
    as_of_text = argv[4] if len(argv) > 4 else "2026-01-16T00:00:00+07:00"

    print(f"sla {lib.sla_version().decode()}")
    try:
        evaluator = Evaluator(contract, package)
    except SlaError as e:
        print(e, file=sys.stderr, end="")
        return 1
    print(f"{evaluator.contract_name}, package {package}")
    as_of = evaluator.time(as_of_text)
    explained = False
    with open(tickets, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            try:  # the optional columns may be missing or empty, as the CLI allows
                ticket = Ticket((row.get("priority") or "").strip().encode(), evaluator.time(row.get("created_at")),
                                evaluator.time(row.get("first_response_at")), evaluator.time(row.get("resolved_at")), None, 0)
            except SlaError as e:
                print(f"{row.get('id')}: cannot be judged: {e}")
                continue
            r = evaluator.evaluate(ticket, as_of)
            if r.error:
                print(f"{row['id']}: cannot be judged: {r.error.decode()}")
                continue
            verdict = lib.sla_verdict_name
            print(f"{row['id']} {r.priority.decode():8} response {verdict(r.response.verdict).decode():8}"
                  f" due {evaluator.local(r.response.due):25}"
                  f" resolution {verdict(r.resolution.verdict).decode()}")
            if r.response.verdict == 1 and not explained:  # the first breach, told step by step
                print("  " + evaluator.explain(ticket, as_of).strip().replace("\n", "\n  "))
                explained = True
    try:
        Evaluator(contract, "premum")
    except SlaError as e:
        print(f"a misspelt package is refused: {str(e).strip()}")
    evaluator.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
