"""Fixtures for the tests of the Python package `sla` (run by python_test.sh, from a
folder outside the source tree, against the package installed in a virtual
environment). SLA_SOURCE_DIR names the repository (default: two folders up)."""

import os
import pathlib
from zoneinfo import ZoneInfo

import pytest

import sla

ROOT = pathlib.Path(os.environ.get("SLA_SOURCE_DIR") or pathlib.Path(__file__).resolve().parents[2])
JAKARTA = ZoneInfo("Asia/Jakarta")
BERLIN = ZoneInfo("Europe/Berlin")
NEW_YORK = ZoneInfo("America/New_York")


@pytest.fixture(scope="session")
def root() -> pathlib.Path:
    return ROOT


@pytest.fixture(scope="session")
def qiscus() -> sla.Contract:
    return sla.load(ROOT / "contracts" / "qiscus-enterprise.sla")


@pytest.fixture(scope="session")
def premium(qiscus) -> sla.Evaluator:
    return qiscus.evaluator("premium")


@pytest.fixture(scope="session")
def berlin() -> sla.Contract:
    return sla.load(ROOT / "contracts" / "berlin-split-shift.sla")
