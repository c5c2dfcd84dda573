"""`sla lsp` driven over stdio as an editor drives it: every request the server
advertises, incremental sync, several files, half-typed text and broken messages.

Usage: lsp_protocol_test.py SLA_BINARY   (run from anywhere; finds the repo from here)
"""
import json
import os
import pathlib
import shutil
import stat
import subprocess
import sys
import tempfile
import time
import unittest

sys.path.insert(0, str(pathlib.Path(__file__).parent))
from lsp_client import LspClient  # noqa: E402

ROOT = pathlib.Path(__file__).resolve().parents[2]
SLA = None
QISCUS = (ROOT / "contracts" / "qiscus-enterprise.sla").read_text()


def line_of(text, needle, start=0):
    lines = text.split("\n")
    for i in range(start, len(lines)):
        if needle in lines[i]:
            return i, lines[i].index(needle)
    raise AssertionError(f"{needle!r} not in the text")


def apply_edits(text, edits):
    """Applies LSP TextEdits (UTF-16 positions) to text."""
    lines = text.split("\n")

    def offset(pos):
        before = sum(len(l.encode("utf-16-le")) // 2 + 1 for l in lines[:pos["line"]])
        return before + pos["character"]

    units = text.encode("utf-16-le")
    for e in sorted(edits, key=lambda e: (e["range"]["start"]["line"], e["range"]["start"]["character"]),
                    reverse=True):
        a, b = offset(e["range"]["start"]), offset(e["range"]["end"])
        units = units[:2 * a] + e["newText"].encode("utf-16-le") + units[2 * b:]
    return units.decode("utf-16-le")


class Session(unittest.TestCase):
    """A server with the Qiscus contract open in a temporary folder."""

    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())
        self.env = dict(os.environ, XDG_CACHE_HOME=str(self.dir / "cache"))
        self.path = self.dir / "q.sla"
        self.path.write_text(QISCUS)
        self.client = LspClient(SLA, env=self.env)
        self.init = self.client.initialize(root=self.dir)
        self.uri = self.client.open(self.path)
        self.first = self.client.diagnostics(self.uri)

    def tearDown(self):
        self.client.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def request(self, method, **params):
        params.setdefault("textDocument", {"uri": self.uri})
        r = self.client.request(method, params)
        self.assertNotIn("error", r, r)
        return r["result"]

    def at(self, needle, shift=0, start=0):
        row, col = line_of(QISCUS, needle, start)
        return {"line": row, "character": col + shift}


class Lifecycle(Session):
    def test_capabilities(self):
        caps = self.init["result"]["capabilities"]
        for cap in ("hoverProvider", "definitionProvider", "referencesProvider", "completionProvider",
                    "documentFormattingProvider", "codeActionProvider", "documentSymbolProvider",
                    "foldingRangeProvider", "semanticTokensProvider"):
            self.assertTrue(caps.get(cap), cap)
        self.assertEqual(caps["textDocumentSync"]["change"], 2)  # incremental
        self.assertEqual(caps["positionEncoding"], "utf-16")
        self.assertEqual(self.init["result"]["serverInfo"]["name"], "sla")

    def test_qiscus_opens_with_findings_not_errors(self):
        d = self.first["diagnostics"]
        self.assertFalse([x for x in d if x["severity"] == 1])
        # the lint's findings, each with its code and the link to its explanation
        self.assertTrue(d)
        for x in d:
            self.assertRegex(x["code"], r"^SLA1\d\d$")
            self.assertIn("docs/lint.md#" + x["code"].lower(), x["codeDescription"]["href"])
            self.assertEqual(x["source"], "sla")
        self.assertEqual(self.first["version"], 1)

    def test_shutdown_then_exit_is_status_0(self):
        self.assertEqual(self.client.close(), 0)

    def test_exit_without_shutdown_is_status_1(self):
        self.client.notify("exit")
        self.assertEqual(self.client.proc.wait(5), 1)

    def test_end_of_input_ends_the_server(self):
        self.client.proc.stdin.close()
        self.assertEqual(self.client.proc.wait(5), 1)

    def test_requests_after_shutdown_are_refused(self):
        self.client.request("shutdown")
        r = self.client.request("textDocument/hover", {"textDocument": {"uri": self.uri},
                                                       "position": {"line": 0, "character": 0}})
        self.assertEqual(r["error"]["code"], -32600)


class Protocol(unittest.TestCase):
    def setUp(self):
        self.client = LspClient(SLA)

    def tearDown(self):
        self.client.stop()

    def test_request_before_initialize(self):
        r = self.client.request("textDocument/hover", {})
        self.assertEqual(r["error"]["code"], -32002)

    def test_broken_messages_get_errors_and_the_server_goes_on(self):
        self.client.initialize()
        body = b"{not json"
        self.client.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.assertEqual(self.client.read()["error"]["code"], -32700)
        self.client.send_raw(b"Content-Type: x\r\n\r\n")  # no length
        self.assertEqual(self.client.read()["error"]["code"], -32700)
        self.client.send_raw(b"Content-Length: 999999999999\r\n\r\n")  # refused, then skipped
        self.assertEqual(self.client.read()["error"]["code"], -32700)
        self.client.proc.stdin.close()
        self.assertEqual(self.client.proc.wait(5), 1)

    def test_unknown_method_and_unopened_document(self):
        self.client.initialize()
        self.assertEqual(self.client.request("sla/nothing", {})["error"]["code"], -32601)
        r = self.client.request("textDocument/hover", {"textDocument": {"uri": "file:///nowhere.sla"},
                                                       "position": {"line": 0, "character": 0}})
        self.assertEqual(r["error"]["code"], -32602)
        r = self.client.request("textDocument/hover", {"textDocument": {}})
        self.assertEqual(r["error"]["code"], -32602)
        self.assertTrue(r["error"]["message"].startswith("invalid params for textDocument/hover: "), r)
        self.assertNotIn("json.exception", r["error"]["message"])
        self.assertEqual(self.client.request("initialize", {"capabilities": {}})["error"]["code"], -32600)

    def test_utf8_positions_when_the_editor_counts_them(self):
        r = self.client.initialize(capabilities={"general": {"positionEncodings": ["utf-8", "utf-16"]}})
        self.assertEqual(r["result"]["capabilities"]["positionEncoding"], "utf-8")
        text = 'calendar c "Ümlaut – café" {\n  zone "UTC"\n  open always\n}\npackage p "P" { calendar x }\n'
        uri = self.client.open("/tmp/utf8-positions.sla", text)
        d = self.client.diagnostics(uri)["diagnostics"]
        err = [x for x in d if x["code"] == "SLA021"][0]
        # bytes: 'package p "P" { calendar ' is 25 bytes and characters
        self.assertEqual(err["range"]["start"], {"line": 4, "character": 25})


class Sync(Session):
    def test_typo_then_fix(self):
        row, col = line_of(QISCUS, "  calendar office_hours")
        broken = QISCUS.split("\n")
        broken[row] = broken[row].replace("office_hours", "ofice_hours")
        self.client.change(self.uri, 2, "\n".join(broken))
        d = self.client.diagnostics(self.uri)
        self.assertEqual(d["version"], 2)
        err = [x for x in d["diagnostics"] if x["severity"] == 1]
        self.assertEqual(len(err), 1, err)
        self.assertEqual(err[0]["code"], "SLA021")
        self.assertEqual(err[0]["range"]["start"]["line"], row)
        self.assertIn("office_hours", err[0]["message"])  # the hint: did you mean
        self.client.change(self.uri, 3, QISCUS)
        self.assertFalse([x for x in self.client.diagnostics(self.uri)["diagnostics"] if x["severity"] == 1])

    def test_incremental_changes_count_utf16(self):
        # an emoji (two UTF-16 units, four bytes) before the edit on the same line
        row, _ = line_of(QISCUS, '  provider "Qiscus"')
        self.client.change(self.uri, 2, '  provider "Qiscus 🙂 Ltd"',
                           {"start": {"line": row, "character": 0}, "end": {"line": row, "character": 19}})
        # now replace "Ltd" (after the emoji: 2 + 9 + 7 + 2 units)
        start = len('  provider "Qiscus ') + 2 + 1
        self.client.change(self.uri, 3, "PT", {"start": {"line": row, "character": start},
                                               "end": {"line": row, "character": start + 3}})
        self.client.diagnostics(self.uri)
        hover = self.request("textDocument/hover", position=self.at("calendar office_hours", 12, 60))
        self.assertIn("Asia/Jakarta", json.dumps(hover))
        syms = self.request("textDocument/documentSymbol")
        self.assertIn("Qiscus Enterprise Support", json.dumps(syms))
        # the server's text is what the editor has: format it and compare
        edits = self.request("textDocument/formatting", options={"tabSize": 2, "insertSpaces": True})
        expected = QISCUS.replace('  provider "Qiscus"', '  provider "Qiscus 🙂 PT"')
        self.assertEqual(apply_edits(expected, edits), expected)  # already formatted: no edit

    def test_a_burst_of_edits_is_one_analysis(self):
        for v in range(2, 30):
            self.client.change(self.uri, v, QISCUS + "\n" + "# typing" + "x" * v)
        d = self.client.diagnostics(self.uri)
        self.assertEqual(d["version"], 29)
        time.sleep(0.2)
        self.client.request("shutdown")
        published = [m for m in self.client.notes if m.get("method") == "textDocument/publishDiagnostics"]
        self.assertLessEqual(len(published), 2, "the burst was analysed edit by edit")

    def test_half_typed_text_never_kills_the_server(self):
        for k, junk in enumerate(["package p {", "package p { respond to", "calendar x { open Mon-",
                                  "\x00\xff", "import \"", "}}}}", "package p \"P\" { calendar",
                                  "example \"e\" { ticket Critical raised 2026-", "priorities { P1 \"",
                                  "translation id { \"a\" = ", "\"unterminated", "addon a \"A\" { requires"]):
            text = QISCUS + "\n" + junk
            self.client.change(self.uri, 10 + k, text)
            d = self.client.diagnostics(self.uri)
            self.assertTrue([x for x in d["diagnostics"] if x["severity"] == 1], junk)
            end = {"line": text.count("\n"), "character": len(text.split("\n")[-1])}
            for method in ("textDocument/hover", "textDocument/completion", "textDocument/definition",
                           "textDocument/references"):
                r = self.client.request(method, {"textDocument": {"uri": self.uri}, "position": end,
                                                 "context": {"includeDeclaration": True}})
                self.assertNotIn("error", r, (junk, method))
            for method in ("textDocument/documentSymbol", "textDocument/foldingRange",
                           "textDocument/semanticTokens/full"):
                self.assertNotIn("error", self.client.request(method, {"textDocument": {"uri": self.uri},
                                                                       "options": {"tabSize": 2}}))
            # formatting says why it does not format
            r = self.client.request("textDocument/formatting", {"textDocument": {"uri": self.uri},
                                                                "options": {"tabSize": 2}})
            self.assertEqual(r["error"]["code"], -32803, junk)
            self.assertIn("syntax errors", r["error"]["message"])
        self.assertIsNone(self.client.proc.poll())

    def test_close_clears_the_diagnostics(self):
        self.client.notify("textDocument/didClose", {"textDocument": {"uri": self.uri}})
        self.assertEqual(self.client.diagnostics(self.uri)["diagnostics"], [])


class Requests(Session):
    def test_hover(self):
        h = self.request("textDocument/hover", position=self.at("  calendar office_hours", 12))
        self.assertEqual(h["contents"]["kind"], "markdown")
        self.assertIn("09:00", h["contents"]["value"])
        self.assertIn("Asia/Jakarta", h["contents"]["value"])
        h = self.request("textDocument/hover", position=self.at("respond to Normal within", 12))
        self.assertIn("Moderate loss of functionality", h["contents"]["value"])
        # a duration under its calendar, worked on an example ticket
        h = self.request("textDocument/hover", position=self.at("within 4 business hours", 8))
        self.assertIn("office_hours", h["contents"]["value"])
        h = self.request("textDocument/hover", position=self.at("closed on holidays id_national", 20))
        self.assertIn("id_national", h["contents"]["value"])
        # nothing under the cursor: no hover
        self.assertIsNone(self.request("textDocument/hover", position={"line": 0, "character": 0}))

    def test_definition_and_references(self):
        pos = self.at("  calendar office_hours", 12)
        d = self.request("textDocument/definition", position=pos)
        self.assertEqual(d["uri"], self.uri)
        self.assertEqual(d["range"]["start"]["line"], line_of(QISCUS, "calendar office_hours \"")[0])
        refs = self.request("textDocument/references", position=pos, context={"includeDeclaration": True})
        rows = {r["range"]["start"]["line"] for r in refs}
        self.assertIn(line_of(QISCUS, "calendar office_hours \"")[0], rows)
        self.assertGreaterEqual(len(refs), 2)
        without = self.request("textDocument/references", position=pos, context={"includeDeclaration": False})
        self.assertEqual(len(without), len(refs) - 1)
        # priorities: the definition in the priorities block
        d = self.request("textDocument/definition", position=self.at("respond to Normal within", 12))
        self.assertEqual(d["range"]["start"]["line"], line_of(QISCUS, "  Normal \"")[0])

    def test_definition_into_the_stdlib(self):
        d = self.request("textDocument/definition", position=self.at("closed on holidays id_national", 20))
        path = pathlib.Path(d["uri"][len("file://"):])
        self.assertTrue(path.is_file(), d)
        self.assertTrue(str(path).startswith(str(self.dir / "cache")), path)
        self.assertFalse(path.stat().st_mode & stat.S_IWUSR, "the stdlib copy is read-only")
        line = path.read_text().split("\n")[d["range"]["start"]["line"]]
        self.assertIn("holidays id_national", line)
        # and the import itself opens the module
        d = self.request("textDocument/definition", position=self.at('import "std/holidays/id"', 10))
        self.assertEqual(pathlib.Path(d["uri"][len("file://"):]), path)

    def test_completion(self):
        def labels(pos):
            r = self.request("textDocument/completion", position=pos)
            return {i["label"] for i in (r["items"] if isinstance(r, dict) else r)}
        self.assertLessEqual({"office_hours", "every_day_office_hours", "around_the_clock"},
                             labels(self.at("  calendar office_hours", 11)))
        self.assertIn("Critical", labels(self.at("respond to Normal within", 11)))
        # keywords are plain words for an editor that does not expand snippets
        r = self.request("textDocument/completion", position={"line": 7, "character": 0})
        self.assertTrue(r["items"])
        self.assertFalse([i for i in r["items"] if i.get("insertTextFormat") == 2 or "\n" in i.get("insertText", "")])
        # import paths replace the string typed so far, "/" included
        self.client.change(self.uri, 2, 'import "std/hol\n' + QISCUS)
        r = self.request("textDocument/completion", position={"line": 0, "character": 15})
        item = [i for i in r["items"] if i["label"] == "std/holidays/id"][0]
        self.assertEqual(item["textEdit"]["range"]["start"], {"line": 0, "character": 8})
        self.assertEqual(item["textEdit"]["newText"], "std/holidays/id")

    def test_snippets_for_an_editor_that_expands_them(self):
        client = LspClient(SLA, env=self.env)
        try:
            client.initialize(capabilities={"textDocument": {"completion": {"completionItem": {"snippetSupport": True}}}})
            uri = client.open(self.path)
            r = client.request("textDocument/completion", {"textDocument": {"uri": uri},
                                                           "position": {"line": 7, "character": 0}})
            calendar = [i for i in r["result"]["items"] if i["label"] == "calendar"][0]
            self.assertEqual(calendar["insertTextFormat"], 2)
            self.assertIn("\n  zone", calendar["insertText"])  # two spaces, as sla fmt
        finally:
            client.stop()

    def test_document_symbols_folding_and_tokens(self):
        syms = json.dumps(self.request("textDocument/documentSymbol"))
        for name in ("basic", "premium", "dedicated_24x7", "office_hours", "Critical"):
            self.assertIn(f'"{name}"', syms)
        folds = self.request("textDocument/foldingRange")
        package_row = line_of(QISCUS, 'package basic "Basic Support" {')[0]
        self.assertIn(package_row, {f["startLine"] for f in folds})
        tokens = self.request("textDocument/semanticTokens/full")["data"]
        self.assertEqual(len(tokens) % 5, 0)
        self.assertGreater(len(tokens), 500)

    def test_formatting_is_sla_fmt(self):
        messy = QISCUS.replace("\n  ", "\n")
        self.client.change(self.uri, 2, messy)
        edits = self.request("textDocument/formatting", options={"tabSize": 2, "insertSpaces": True})
        self.assertTrue(edits)
        fmt = subprocess.run([SLA, "fmt", "-"], input=messy.encode(), capture_output=True)
        self.assertEqual(apply_edits(messy, edits), fmt.stdout.decode())

    def test_quick_fixes(self):
        row, col = line_of(QISCUS, "  calendar office_hours")
        broken = QISCUS.split("\n")
        broken[row] = broken[row].replace("office_hours", "ofice_hours")
        broken = "\n".join(broken)
        self.client.change(self.uri, 2, broken)
        err = [x for x in self.client.diagnostics(self.uri)["diagnostics"] if x["severity"] == 1][0]
        acts = self.request("textDocument/codeAction", range=err["range"],
                            context={"diagnostics": [err]})
        fix = [a for a in acts if "office_hours" in a["title"]][0]
        self.assertTrue(fix.get("isPreferred"))
        fixed = apply_edits(broken, fix["edit"]["changes"][self.uri])
        self.assertEqual(fixed, QISCUS)
        # a lint finding can be silenced with a comment that asks for the reason
        self.client.change(self.uri, 3, QISCUS)
        finding = self.client.diagnostics(self.uri)["diagnostics"][0]
        acts = self.request("textDocument/codeAction", range=finding["range"],
                            context={"diagnostics": [finding]})
        silence = [a for a in acts if "ilence" in a["title"]]
        self.assertTrue(silence, acts)
        text = apply_edits(QISCUS, silence[0]["edit"]["changes"][self.uri])
        self.assertIn("# sla: allow " + finding["code"], text)


class Files(unittest.TestCase):
    """A contract importing another: unsaved text is read, and importers follow."""

    def setUp(self):
        self.dir = pathlib.Path(tempfile.mkdtemp())
        (self.dir / "hours.sla").write_text(
            'calendar office "Office" {\n  zone "UTC"\n  open Mon-Fri 09:00-17:00\n  open on holidays\n}\n')
        (self.dir / "main.sla").write_text(
            'import "hours.sla"\npriorities {\n  P1 "Down."\n}\n'
            'package p "P" {\n  calendar office\n  respond to P1 within 1 business hour\n}\n')
        self.client = LspClient(SLA)
        self.client.initialize(root=self.dir)

    def tearDown(self):
        self.client.stop()
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_importers_follow_unsaved_edits(self):
        main = self.client.open(self.dir / "main.sla")
        self.assertFalse([x for x in self.client.diagnostics(main)["diagnostics"] if x["severity"] == 1])
        hours = self.client.open(self.dir / "hours.sla")
        self.client.diagnostics(hours)
        self.client.diagnostics(main)  # its import is now the open document
        # rename the calendar in the unsaved imported file: main no longer checks
        self.client.change(hours, 2, (self.dir / "hours.sla").read_text().replace("office", "desk"))
        errs = [x for x in self.client.diagnostics(main)["diagnostics"] if x["severity"] == 1]
        self.assertEqual([x["code"] for x in errs], ["SLA021"])
        # go to definition reaches the other file
        r = self.client.request("textDocument/definition", {"textDocument": {"uri": main},
                                                            "position": {"line": 0, "character": 10}})
        self.assertEqual(r["result"]["uri"], hours)
        # an error inside the imported file is said at the import
        self.client.change(hours, 3, "calendar broken {")
        errs = [x for x in self.client.diagnostics(main)["diagnostics"] if x["severity"] == 1]
        self.assertTrue(errs)
        self.assertEqual(errs[0]["range"]["start"]["line"], 0)
        self.assertIn("hours.sla", errs[0]["message"])
        self.assertEqual(errs[0]["relatedInformation"][0]["location"]["uri"], hours)

    def test_imports_stay_inside_the_folder(self):
        uri = self.client.open(self.dir / "main.sla", 'import "../../etc/passwd"\n')
        errs = self.client.diagnostics(uri)["diagnostics"]
        self.assertIn("refused", errs[0]["message"])
        self.assertEqual(errs[0]["message"].count("cannot import"), 1, errs[0]["message"])
        # an unsaved document imports the stdlib only, and says why not a file
        self.client.notify("textDocument/didOpen", {"textDocument": {
            "uri": "untitled:Untitled-1", "languageId": "sla", "version": 1, "text": 'import "hours.sla"\n'}})
        errs = self.client.diagnostics("untitled:Untitled-1")["diagnostics"]
        self.assertIn("not saved yet", errs[0]["message"])


if __name__ == "__main__":
    SLA = os.path.abspath(sys.argv.pop(1))
    unittest.main(verbosity=1)
