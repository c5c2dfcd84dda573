#!/usr/bin/env python3
"""sla_call_json's cost: what a host pays per call, and for a large batch,
compared with running the `sla` binary for the same command line.

Usage: python3 bench/call_json_bench.py [BUILD_DIR]   (from the project root;
default build/, which needs build/lib/libsla_json.so and build/bin/sla)

Measured: `time add` on the Qiscus contract (a small call: the contract is
loaded and checked on every call, as the command line does), `check` of it,
and `eval` of 100,000 generated tickets given as the request's input; each as the
median of several calls, and the same command line run as a process.
"""
import ctypes
import json
import pathlib
import statistics
import subprocess
import sys
import time

build = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "build")
lib = ctypes.CDLL(str(build / "lib" / "libsla_json.so"))
lib.sla_call_json.restype = ctypes.c_void_p
lib.sla_call_json.argtypes = [ctypes.c_char_p]
lib.sla_json_free.argtypes = [ctypes.c_void_p]
SLA = str(build / "bin" / "sla")
Q = "contracts/qiscus-enterprise.sla"


def call(request):
    pointer = lib.sla_call_json(json.dumps(request).encode())
    text = ctypes.string_at(pointer)
    lib.sla_json_free(pointer)
    return text


def median_seconds(run, times):
    samples = []
    for _ in range(times):
        start = time.perf_counter()
        run()
        samples.append(time.perf_counter() - start)
    return statistics.median(samples)


tickets = ["id,priority,created_at,first_response_at,resolved_at"]
priorities = ["Low", "Normal", "High", "Critical"]
for i in range(100_000):
    day = 1 + i % 28
    hour = i % 24
    tickets.append(f"T{i},{priorities[i % 4]},2026-01-{day:02d}T{hour:02d}:15:00+07:00,"
                   f"2026-01-{day:02d}T{hour:02d}:45:00+07:00,")
TICKETS = "\n".join(tickets) + "\n"

CASES = [
    ("time add", {"command": "time", "options": {"package": "premium"},
                  "arguments": [Q, "add", "2026-01-09T16:30:00+07:00", "4 business hours"]}, 200),
    ("check", {"command": "check", "arguments": [Q]}, 50),
    ("eval 100,000 tickets", {"command": "eval",
                              "options": {"package": "premium", "as-of": "2026-02-01T00:00:00+07:00"},
                              "arguments": [Q, "-"], "input": TICKETS}, 5),
]

print(f"{'call':<24}{'sla_call_json':>16}{'sla (process)':>16}")
for name, request, times in CASES:
    argv = json.loads(call(request))["argv"]
    in_process = median_seconds(lambda: call(request), times)
    data = request.get("input", "").encode()
    as_process = median_seconds(
        lambda: subprocess.run([SLA] + argv[1:], input=data, capture_output=True, check=False),
        max(3, times // 10))
    print(f"{name:<24}{in_process * 1000:>13.2f} ms{as_process * 1000:>13.2f} ms")
