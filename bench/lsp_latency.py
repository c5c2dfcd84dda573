#!/usr/bin/env python3
"""End-to-end latency of `sla lsp` over stdio, as an editor sees it: the Qiscus
contract open, one character typed or taken back per edit, the time from sending
the change to reading its diagnostics (the debounce included). Also hover.

Usage: bench/lsp_latency.py [SLA_BINARY] [EDITS]   (defaults: build/bin/sla, 200)
"""
import pathlib
import statistics
import sys
import time

root = pathlib.Path(__file__).resolve().parents[1]
sys.path.insert(0, str(root / "tests" / "lsp"))
from lsp_client import LspClient  # noqa: E402

sla = sys.argv[1] if len(sys.argv) > 1 else str(root / "build" / "bin" / "sla")
edits = int(sys.argv[2]) if len(sys.argv) > 2 else 200
path = root / "contracts" / "qiscus-enterprise.sla"
text = path.read_text()
lines = text.split("\n")
row = lines.index("  calendar office_hours")

client = LspClient(sla)
client.initialize()
uri = client.open(path)
client.diagnostics(uri)


def ms(samples):
    samples = sorted(samples)
    return (f"median {statistics.median(samples) * 1000:.2f} ms, "
            f"p95 {samples[int(len(samples) * 0.95)] * 1000:.2f} ms, max {samples[-1] * 1000:.2f} ms")


took = []
for i in range(edits):
    start = {"line": row, "character": 12}
    end = dict(start, character=12 if i % 2 == 0 else 13)
    t0 = time.perf_counter()
    client.change(uri, i + 2, "x" if i % 2 == 0 else "", {"start": start, "end": end})
    client.diagnostics(uri)
    took.append(time.perf_counter() - t0)
print(f"diagnostics after an edit ({edits} edits, debounce 10 ms included): {ms(took)}")

hovers = []
for _ in range(edits):
    t0 = time.perf_counter()
    client.request("textDocument/hover", {"textDocument": {"uri": uri},
                                          "position": {"line": row, "character": 14}})
    hovers.append(time.perf_counter() - t0)
print(f"hover on a calendar ({edits} requests): {ms(hovers)}")
client.close()
