#!/usr/bin/env python3
"""Judges tickets against a contract from Python, with the `sla` package.

    python3 examples/evaluate.py [CONTRACT [PACKAGE [TICKETS.csv [AS_OF]]]]

Defaults: the Qiscus contract, package premium, its sample tickets, as of
2026-01-16T00:00:00+07:00. Times in the file may lack an offset: they are then
read in the zone of the package's calendar, as the `sla` command reads them.

The package is the one Python imports (pip install ., or cmake --install into
the interpreter's site-packages); failing that, the one installed under the
prefix SLA_PREFIX names, then the build tree's (build/python).
"""
import csv
import glob
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def import_sla():
    try:
        import sla

        return sla
    except ImportError:
        pass
    places = []
    if os.environ.get("SLA_PREFIX"):
        places += sorted(glob.glob(f"{os.environ['SLA_PREFIX']}/**/sla/__init__.py", recursive=True))
    places += [str(HERE.parent / "build" / "python" / "sla" / "__init__.py")]
    for init in places:
        if os.path.exists(init):
            sys.path.insert(0, str(Path(init).parent.parent))
            import sla

            return sla
    sys.exit("the sla package is not installed: pip install . (or set SLA_PREFIX to the install prefix)")


sla = import_sla()


def main(argv):
    contract_path = argv[1] if len(argv) > 1 else HERE.parent / "contracts" / "qiscus-enterprise.sla"
    package = argv[2] if len(argv) > 2 else "premium"
    tickets = argv[3] if len(argv) > 3 else HERE.parent / "contracts" / "samples" / "qiscus-tickets.csv"
    as_of = argv[4] if len(argv) > 4 else "2026-01-16T00:00:00+07:00"

    print(f"sla {sla.version()}")
    try:
        contract = sla.load(contract_path)
        evaluator = contract.evaluator(package)
    except sla.Error as e:  # ContractError: e.diagnostics have file, line, column, code
        print(e, file=sys.stderr)
        return 1
    print(f"{contract.name}, package {package}")
    explained = False
    with open(tickets, newline="", encoding="utf-8") as f:
        for row in csv.DictReader(f):
            times = {}
            for key, column in (("created", "created_at"), ("responded", "first_response_at"), ("resolved", "resolved_at")):
                text = (row.get(column) or "").strip()  # optional columns may be missing or empty
                times[key] = text or None
            try:
                r = evaluator.evaluate((row.get("priority") or "").strip() or None, as_of=as_of, **times)
            except (sla.TicketError, ValueError, TypeError) as e:
                print(f"{row.get('id')}: cannot be judged: {e}")
                continue
            due = r.response_due.isoformat() if r.response_due else "-"
            print(f"{row['id']} {r.priority:8} response {r.response_status.value:8}"
                  f" due {due:25} resolution {r.resolution_status.value}")
            if r.response_status is sla.Status.BREACHED and not explained:  # the first breach, told step by step
                steps = evaluator.explain((row.get("priority") or "").strip(), as_of=as_of, **times)
                print("  " + "\n  ".join(step.text for step in steps))
                explained = True
    try:
        contract.evaluator("premum")
    except sla.SelectionError as e:
        print(f"a misspelt package is refused: {e}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
