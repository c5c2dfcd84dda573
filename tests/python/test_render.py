"""Contract.render (the document `sla render` writes) and sla.diff (what `sla diff` finds)."""

import shutil
import subprocess
import warnings

import pytest

import sla

TINY = (
    'contract "Tiny" {\n  provider "P"\n  version "1"\n}\n'
    'calendar c "C" {\n  zone "UTC"\n  open always\n}\n'
    "priorities {\n  Low \"low\"\n}\n"
    'package p "Plain" {\n  calendar c\n  respond to Low within {hours}\n}\n'
)


def tiny(hours="1 hour", name="tiny.sla"):
    return sla.loads(TINY.replace("{hours}", hours), name=name)


def test_markdown_names_every_package_and_its_clauses(qiscus):
    text = qiscus.render()
    assert text.startswith("# Qiscus Enterprise Support")
    for package in qiscus.packages.values():
        assert package.title in text
    assert "4 business hours" in text  # premium: respond to Normal within 4 business hours
    assert "Definitions" in text


def test_html_is_one_document(qiscus):
    text = qiscus.render(format="html")
    assert text.lstrip().lower().startswith("<!doctype html>")
    assert text.count("<html") == 1 and text.rstrip().endswith("</html>")
    assert text.count("<h1") == 1
    for package in qiscus.packages.values():
        assert package.title in text


def test_indonesian_words(qiscus):
    text = qiscus.render(lang="id")
    assert "Definisi" in text and "Perjanjian" in text
    assert "Definitions" not in text
    both = qiscus.render(lang=("en", "id"))
    assert "Definitions" in both and "Definisi" in both


def test_one_package(qiscus):
    text = qiscus.render(package="basic")
    assert qiscus.packages["basic"].title in text
    assert len(text) < len(qiscus.render())


def test_the_same_bytes_as_sla_render(qiscus, root):
    cli = shutil.which("sla") or next(
        (str(p) for p in (root / "build" / "bin" / "sla", root / "build-python" / "cmake" / "bin" / "sla") if p.exists()), None
    )
    if cli is None:
        pytest.skip("no sla command built")
    contract = str(root / "contracts" / "qiscus-enterprise.sla")
    for args, kwargs in ((["--format", "html"], {"format": "html"}), (["--package", "premium", "--lang", "id"], {"package": "premium", "lang": "id"})):
        run = subprocess.run([cli, "render", contract, *args], capture_output=True, text=True, check=True)
        assert sla.load(contract).render(**kwargs) == run.stdout, args


def test_with_lint_adds_the_reviewers_appendix(qiscus):
    plain, reviewed = qiscus.render(), qiscus.render(with_lint=True)
    assert len(reviewed) > len(plain)
    assert "SLA103" in reviewed and "SLA103" not in plain


def test_compare_marks_the_changes():
    old, new = tiny("1 hour", "old.sla"), tiny("2 hours", "new.sla")
    redline = new.render(compare=old)
    assert "old.sla" in redline
    assert redline != new.render()


def test_unknown_choices_raise_naming_them(qiscus):
    with pytest.raises(ValueError, match=r"platinum.*basic.*premium|basic.*premium.*platinum"):
        qiscus.render(package="platinum")
    with pytest.raises(sla.SelectionError, match=r"'dedicated_24x7' is an add-on.*packages: basic, premium"):
        qiscus.render(package="dedicated_24x7")
    with pytest.raises(ValueError, match=r"unknown format 'docx' \(formats here: md, html\)"):
        qiscus.render(format="docx")
    with pytest.raises(ValueError, match=r"sla render --format pdf"):
        qiscus.render(format="pdf")
    with pytest.raises(ValueError, match=r"no words for 'fr'.*en \(English\), id \(Indonesian\)"):
        qiscus.render(lang="fr")
    with pytest.raises(ValueError, match="two different"):
        qiscus.render(lang=("en", "en"))
    with pytest.raises(ValueError, match="no package"):
        sla.loads('contract "x" {\n  provider "x"\n  version "1"\n}\n').render()


def test_untranslated_texts_warn():
    with pytest.warns(UserWarning, match="no translation"):
        text = tiny().render(lang="id")
    assert "Plain" in text  # the package's title, as written
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        tiny().render()


def test_diff_as_plain_data():
    changes = sla.diff(tiny("1 hour", "old.sla"), tiny("2 hours", "new.sla"))
    assert changes and all(isinstance(c, sla.Change) for c in changes)
    c = next(c for c in changes if "Low" in c.message)
    assert c.effect is sla.Effect.WEAKER and c.effect == "weaker"
    assert c.code.startswith("SLA2")
    assert c.old_value == "1 hour" and c.new_value == "2 hours"
    assert c.old_file == "old.sla" and c.new_file == "new.sla" and c.new_line == 14
    assert c.subject and c.message in str(c)
    assert [x.effect for x in sla.diff(tiny("2 hours"), tiny("1 hour")) if "Low" in x.message] == [sla.Effect.STRONGER]
    assert sla.diff(tiny(), tiny()) == []


def test_render_from_threads(qiscus):
    import threading

    expected = qiscus.render(format="html")
    results = []
    threads = [threading.Thread(target=lambda: results.append(qiscus.render(format="html"))) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [expected] * 4
