"""What the documentation says the package returns is what it returns: the examples
in docs/embedding.md and help(sla) are checked against the package, since a wrong
comment there is copied into hosts' code."""
import json
import re

import sla


def embedding(root) -> str:
    return (root / "docs" / "embedding.md").read_text(encoding="utf-8")


def test_lint_comment_is_the_first_finding(root, qiscus):
    comment = re.search(r"contract\.lint\(\)\s+# \[Diagnostic\(code='(SLA\d+)', .*?line=(\d+)(?:, column=(\d+))?", embedding(root))
    assert comment, "the contract.lint() line of docs/embedding.md"
    first = qiscus.lint()[0]
    assert (first.code, first.line) == (comment[1], int(comment[2]))
    assert comment[3] is None or first.column == int(comment[3])


def test_json_example_is_what_the_call_returns(root, monkeypatch):
    section = embedding(root).split("## JSON: every command through one function", 1)[1]
    c_code = section.split("```c", 1)[1].split("```", 1)[0]
    # The C string literals of the request, joined and unescaped, are its JSON.
    request_text = "".join(re.findall(r'^\s*"((?:[^"\\]|\\.)*)"', c_code.split("/*", 1)[0], re.M))
    request = json.loads(json.loads(f'"{request_text}"'))
    assert request["arguments"][0] == "contracts/qiscus-enterprise.sla"
    monkeypatch.chdir(root)
    response = sla.call(request)
    row = response["output"][0]
    comment = c_code.split("/*", 1)[1]
    assert f'"exit_code": {response["exit_code"]}' in comment
    for key in ("id", "priority", "response_due", "response_status"):
        assert f'"{key}": "{row[key]}"' in comment, key
    assert f'"messages": "{response["messages"]}"' in comment


def test_module_help_says_what_call_returns():
    doc = sla.__doc__ or ""
    assert "returns its JSON output" not in doc
    for key in ("exit_code", "output", "messages", "argv"):
        assert f"``{key}``" in doc.split("Everything else the command line does", 1)[1], key
