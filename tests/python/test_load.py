"""Loading: sla.load, sla.loads, the contract's parts, diagnostics with positions."""

import pathlib
import threading

import pytest

import sla

BROKEN = 'contract "x" {\n  provider "x"\n  version 1\n}\n'


def test_version():
    assert sla.version() == sla.__version__
    assert sla.__version__.count(".") == 2


def test_load_path_and_pathlike(root):
    by_str = sla.load(str(root / "contracts" / "qiscus-enterprise.sla"))
    by_path = sla.load(root / "contracts" / "qiscus-enterprise.sla")
    assert by_str.name == by_path.name == "Qiscus Enterprise Support"
    assert by_path.provider == "Qiscus"
    assert by_path.version == "2025.1"
    assert by_path.files[0].endswith("qiscus-enterprise.sla")
    assert "Qiscus" in repr(by_path)


def test_packages_addons_priorities(qiscus):
    assert set(qiscus.packages) == {"basic", "premium"}
    premium = qiscus.packages["premium"]
    assert isinstance(premium, sla.Package)
    assert premium.title == "Premium Support"
    assert premium.extends == "basic"
    assert premium.calendar == "office_hours"
    normal = [t for t in premium.targets if t.kind == "response" and t.priority == "Normal"]
    assert normal and normal[0].within == "4 business hours"
    assert normal[0].commitment is sla.Commitment.COMMITTED
    assert normal[0].label == "Within 4 hours"
    assert normal[0].line > 0
    assert "dedicated_24x7" in qiscus.addons
    assert qiscus.addons["dedicated_24x7"].is_addon
    price = qiscus.addons["dedicated_24x7"].price
    assert (price.currency, price.amount, price.label) == ("IDR", 420_000_000, "IDR 420mil")
    assert str(price) == "IDR 420,000,000"
    assert [p.name for p in qiscus.priorities] == ["Low", "Normal", "High", "Critical"]
    assert [p.rank for p in qiscus.priorities] == [0, 1, 2, 3]
    assert "Chat Service" in premium.uptime_services


def test_calendars_mapping(qiscus):
    assert set(qiscus.calendars) >= {"office_hours", "every_day_office_hours", "around_the_clock"}
    cal = qiscus.calendars["office_hours"]
    assert cal is qiscus.calendar("office_hours")  # made once
    assert cal.zone == "Asia/Jakarta"
    assert cal.weekly == ("Mon-Fri 09:00-17:00",)
    with pytest.raises(KeyError, match="ofice.*office_hours"):
        qiscus.calendars["ofice"]


def test_dataclasses_are_frozen(qiscus):
    with pytest.raises(Exception):
        qiscus.packages["basic"].title = "x"


def test_loads_ok():
    c = sla.loads(
        'contract "Tiny" {\n  provider "P"\n  version "1"\n}\n'
        'calendar c "C" {\n  zone "UTC"\n  open always\n}\n'
        "priorities {\n  Low \"low\"\n}\n"
        'package p "P" {\n  calendar c\n  respond to Low within 1 hour\n}\n',
        name="tiny.sla",
    )
    assert c.name == "Tiny"
    assert c.source == "tiny.sla"
    r = c.evaluator("p").evaluate("Low", "2026-01-01T00:00:00Z", as_of="2026-01-01T00:30:00Z")
    assert r.response_status is sla.Status.PENDING
    assert r.response_due.isoformat() == "2026-01-01T01:00:00+00:00"


def test_loads_errors_carry_positions():
    with pytest.raises(sla.ContractError) as caught:
        sla.loads(BROKEN, name="broken.sla")
    e = caught.value
    assert isinstance(e, sla.Error) and isinstance(e, ValueError)
    d = e.diagnostics[0]
    assert isinstance(d, sla.Diagnostic)
    assert (d.file, d.line) == ("broken.sla", 3)
    assert d.column >= 1
    assert d.code.startswith("SLA0")
    assert d.severity is sla.Severity.ERROR
    assert str(d).startswith(f"broken.sla:3:{d.column}: error[{d.code}]: ")
    assert "broken.sla:3:" in str(e)


def test_load_file_errors(root):
    with pytest.raises(sla.ContractError) as caught:
        sla.load(root / "contracts" / "samples" / "broken.sla")
    lines = [(d.line, d.column, d.code) for d in caught.value.diagnostics]
    assert (13, 12, "SLA021") in lines
    assert (14, 14, "SLA035") in lines
    hints = [d.hint for d in caught.value.diagnostics]
    assert "did you mean 'office'?" in hints


def test_missing_file_raises(tmp_path):
    with pytest.raises(sla.ContractError) as caught:
        sla.load(tmp_path / "nope.sla")
    assert "nope.sla" in str(caught.value)


def test_imports_stay_in_the_folder(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "secret.sla").write_text("")
    main = tmp_path / "sub" / "main.sla"
    main.write_text('import "../secret.sla"\ncontract "x" {\n  provider "x"\n  version "1"\n}\n')
    with pytest.raises(sla.ContractError) as caught:
        sla.load(main)
    assert caught.value.diagnostics[0].line == 1


def test_loads_is_stdlib_only():
    with pytest.raises(sla.ContractError):
        sla.loads('import "/etc/passwd"\ncontract "x" {\n  provider "x"\n  version "1"\n}\n')


def test_help_teaches():
    for thing in (sla, sla.Contract, sla.Evaluator, sla.Calendar, sla.Evaluation, sla.load, sla.loads,
                  sla.Evaluator.evaluate, sla.Evaluator.evaluate_many, sla.Calendar.add, sla.Contract.quote):
        assert thing.__doc__ and len(thing.__doc__) > 40, thing


def test_typed_package():
    here = pathlib.Path(sla.__file__).parent
    assert (here / "py.typed").exists()
    assert (here / "_native.pyi").exists()


def test_load_from_threads(root):
    names, errors = [], []

    def work():
        try:
            names.append(sla.load(root / "contracts" / "qiscus-enterprise.sla").name)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors and names == ["Qiscus Enterprise Support"] * 4
