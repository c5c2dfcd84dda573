"""Types: the installed package checks clean under mypy --strict, stubs included, and a
host's typical code type-checks against it (skipped where mypy is missing)."""

import pathlib
import subprocess
import sys

import pytest

import sla

HOST = '''
from datetime import datetime, timedelta, timezone
import sla

contract: sla.Contract = sla.load("contract.sla")
ev: sla.Evaluator = contract.evaluator("premium", addons=["resolution"])
r: sla.Evaluation = ev.evaluate("Normal", datetime(2026, 1, 9, tzinfo=timezone.utc))
due: datetime | None = r.response_due
status: sla.Status = r.response_status
gap: timedelta = contract.calendars["office_hours"].between(due or datetime.now(timezone.utc), datetime.now(timezone.utc))
findings: list[sla.Diagnostic] = contract.lint()
line: int = findings[0].line
document: str = contract.render("premium", format="html", lang=("en", "id"), with_lint=True)
changes: list[sla.Change] = sla.diff(contract, contract)
weaker: bool = changes[0].effect is sla.Effect.WEAKER
waiting: bool = status is sla.Status.AT_RISK or status.is_pending
'''


def test_mypy_strict(tmp_path):
    pytest.importorskip("mypy")
    package = pathlib.Path(sla.__file__).parent
    (tmp_path / "host.py").write_text(HOST)
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--ignore-missing-imports", "--cache-dir", str(tmp_path / "cache"),
         str(package), str(tmp_path / "host.py")],
        capture_output=True, text=True, cwd=tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
