#!/usr/bin/env python3
"""The editor packages of editors/ checked against the language they colour.

- every JSON file parses; the VS Code manifest contributes language `sla` for .sla,
  its grammar (one copy in the tree) and its language configuration (`#` comments);
- the TextMate grammar's regexes compile under Python `re` and keep to the subset
  Oniguruma reads the same way (editors/README.md);
- every keyword of grammar/grammar.hpp (its key<"..."> and flag<"..."> words) is
  highlighted as a keyword by the TextMate grammar and by the Vim syntax file, so a
  keyword added to the language without the editors fails here;
- a small TextMate engine (what the grammar uses: match, begin/end, captures,
  includes) colours the contracts and the docs' examples: sample lines get the
  expected scopes, comments and strings are never coloured as code;
- with `nvim` on PATH: the filetype is detected, the buffer settings, the syntax
  groups, the indentation of every contract, and `require("sla.lsp").setup()`
  against a fake language server (SKIP lines without it);
- with `node` on PATH: extension.js parses and, against stand-ins for `vscode` and
  `vscode-languageclient`, starts `<sla.path> lsp` and restarts on a change.

Usage: editors_test.py SOURCE_DIR   (exit 1 when a check fails)
"""
import glob
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else ".").resolve()
EDITORS = ROOT / "editors"
GRAMMAR_PATH = EDITORS / "vscode" / "syntaxes" / "sla.tmLanguage.json"
VIM_SYNTAX = EDITORS / "nvim" / "syntax" / "sla.vim"

# Scopes that count as "highlighted as a keyword" (units, weekdays and values such
# as `committed` are keywords of the grammar but constants to a reader).
KEYWORD_SCOPES = ("keyword.", "storage.", "constant.language.", "support.constant.")
# The same for Vim, as highlight groups after linking.
KEYWORD_GROUPS = {"Keyword", "Statement", "Structure", "StorageClass", "Type", "Constant",
                  "Boolean", "Conditional", "Special"}

failures = []
passed = 0


def check(ok, what):
    global passed
    if ok:
        passed += 1
    else:
        failures.append(what)
    return ok


def skip(what):
    print(f"SKIP: {what}")


# ------------------------------------------------------------------ keywords

def grammar_keywords():
    """The words of grammar.hpp's key<"..."> and flag<"...">, and the multi-word flags."""
    text = (ROOT / "grammar" / "grammar.hpp").read_text(encoding="utf-8")
    words, phrases = set(), set()
    for literal in re.findall(r'\b(?:key|flag)<"([^"]*)"', text):
        parts = [p.strip(".,;:()") for p in literal.split()]
        parts = [p for p in parts if re.search(r"\w", p)]
        words.update(parts)
        if len(parts) > 1:
            phrases.add(" ".join(parts))
    return words, phrases


# ----------------------------------------------------------- TextMate engine

# Oniguruma constructs that Python re refuses or reads differently; the grammar
# must do without them (see editors/README.md for the subset).
ONIGURUMA_ONLY = [
    (r"\\[GAzZhHKRX]", "anchor or class escape of Oniguruma only (\\G \\A \\z \\Z \\h \\K ...)"),
    (r"\\p\{|\\P\{", "Unicode property class \\p{...}"),
    (r"\(\?<[A-Za-z]", "named group (?<name>...): Python needs (?P<name>...)"),
    (r"\(\?[imx-]+[:)]", "inline option group"),
    (r"\(\?~", "absent operator (?~...)"),
    (r"\[\[:", "POSIX bracket [[:alpha:]]"),
    (r"\\[1-9]", "back-reference"),
]


def iter_rules(node, where):
    """Every rule dict of the grammar, with a path for messages."""
    if isinstance(node, dict):
        if any(k in node for k in ("match", "begin", "end", "include", "patterns", "name")):
            yield where, node
        for key, value in node.items():
            if isinstance(value, (dict, list)):
                yield from iter_rules(value, f"{where}/{key}")
    elif isinstance(node, list):
        for i, value in enumerate(node):
            yield from iter_rules(value, f"{where}[{i}]")


class TextMate:
    """Just the TextMate semantics sla.tmLanguage.json uses: match rules with
    captures, begin/end rules with begin/endCaptures and nested patterns, includes
    of the repository and $self. At each position the earliest match wins, ties go
    to the end pattern, then to the first pattern listed (as vscode-textmate)."""

    def __init__(self, grammar):
        self.grammar = grammar
        self.repository = grammar.get("repository", {})
        self.compiled = {}

    def regex(self, source):
        if source not in self.compiled:
            try:
                self.compiled[source] = re.compile(source)
            except re.error:
                # Reported by check_regexes; here it just never matches.
                self.compiled[source] = re.compile(r"(?!)")
        return self.compiled[source]

    def expand(self, patterns, seen=()):
        out = []
        for rule in patterns:
            include = rule.get("include")
            if include is None:
                if "match" in rule or "begin" in rule:
                    out.append(rule)
                else:
                    out.extend(self.expand(rule.get("patterns", []), seen))
            elif include == "$self":
                if "$self" not in seen:
                    out.extend(self.expand(self.grammar["patterns"], seen + ("$self",)))
            elif include.startswith("#"):
                name = include[1:]
                if name in seen:
                    continue
                target = self.repository[name]
                out.extend(self.expand([target], seen + (name,)))
            else:
                raise ValueError(f"include {include!r} is not supported by the test engine")
        return out

    @staticmethod
    def names(name):
        return name.split() if name else []

    def paint(self, scopes, base, match, name, captures):
        outer = base + self.names(name)
        for i in range(match.start(), match.end()):
            scopes[i] = list(outer)
        for group in sorted(captures or {}, key=int):
            g = int(group)
            if match.start(g) < 0:
                continue
            for i in range(match.start(g), match.end(g)):
                scopes[i] = scopes[i] + self.names(captures[group].get("name"))

    def tokenize(self, text):
        """A list of lines, each a list of scope lists, one per character."""
        root = self.grammar["scopeName"]
        stack = []  # open begin/end rules: (rule, scopes inside)
        result = []
        for line in re.split(r"\r\n|\r|\n", text):
            scopes = [None] * len(line)
            pos = 0
            guard = 0
            while True:
                guard += 1
                if guard > 10 * (len(line) + 10):
                    raise RuntimeError(f"tokenizer loops on line {line!r}")
                rule, inside = stack[-1] if stack else (None, [root])
                patterns = self.expand(rule.get("patterns", [])) if rule else self.expand(
                    self.grammar["patterns"])
                best = None  # (start, order, kind, match, rule)
                if rule is not None:
                    m = self.regex(rule["end"]).search(line, pos)
                    if m:
                        best = (m.start(), -1, "end", m, rule)
                for order, candidate in enumerate(patterns):
                    m = self.regex(candidate.get("match") or candidate["begin"]).search(line, pos)
                    if m and (best is None or (m.start(), order) < best[:2]):
                        best = (m.start(), order, "begin" if "begin" in candidate else "match", m,
                                candidate)
                if best is None:
                    for i in range(pos, len(line)):
                        scopes[i] = list(inside)
                    break
                start, _, kind, m, chosen = best
                for i in range(pos, start):
                    scopes[i] = list(inside)
                if kind == "end":
                    stack.pop()
                    outer = inside[: len(inside) - len(self.names(chosen.get("contentName")))]
                    self.paint(scopes, outer[: len(outer) - len(self.names(chosen.get("name")))],
                               m, chosen.get("name"), chosen.get("endCaptures") or chosen.get("captures"))
                elif kind == "begin":
                    self.paint(scopes, inside, m, chosen.get("name"),
                               chosen.get("beginCaptures") or chosen.get("captures"))
                    stack.append((chosen, inside + self.names(chosen.get("name"))
                                  + self.names(chosen.get("contentName"))))
                else:
                    if m.end() == m.start():
                        raise RuntimeError(f"match rule {chosen.get('match')!r} matched empty")
                    self.paint(scopes, inside, m, chosen.get("name"), chosen.get("captures"))
                pos = m.end()
            result.append(scopes)
        return result


def has_scope(char_scopes, scope):
    return any(s == scope or s.startswith(scope + ".") for s in char_scopes)


def is_keyword(char_scopes):
    return any(s.startswith(KEYWORD_SCOPES) for s in char_scopes)


def lexical_parts(line):
    """An independent reading of a line: the spans of its strings and of its comment."""
    strings, comment = [], None
    i = 0
    while i < len(line):
        c = line[i]
        if c == '"':
            j = i + 1
            while j < len(line) and line[j] != '"':
                j += 2 if line[j] == "\\" else 1
            strings.append((i, min(j + 1, len(line))))
            i = j + 1
        elif c == "#":
            comment = (i, len(line))
            break
        else:
            i += 1
    return strings, comment


def sample_files():
    """Contracts, samples and the complete `sla` examples of docs/language.md."""
    files = []
    for pattern in ("contracts/*.sla", "contracts/samples/*.sla", "examples/*.sla",
                    "examples/**/*.sla", "stdlib/std/calendars.sla", "stdlib/std/holidays/id.sla"):
        for path in sorted(glob.glob(str(ROOT / pattern), recursive=True)):
            rel = os.path.relpath(path, ROOT)
            if rel not in (f for f, _ in files):
                files.append((rel, pathlib.Path(path).read_text(encoding="utf-8")))
    docs = (ROOT / "docs" / "language.md").read_text(encoding="utf-8")
    for n, block in enumerate(re.findall(r"^```sla\n(.*?)^```", docs, re.M | re.S)):
        files.append((f"docs/language.md#sla-{n + 1}", block))
    return files


# -------------------------------------------------------------------- checks

def check_json():
    documents = {}
    for path in sorted(EDITORS.rglob("*.json")):
        if "node_modules" in path.parts:
            continue
        rel = os.path.relpath(path, ROOT)
        try:
            documents[rel] = json.loads(path.read_text(encoding="utf-8"))
            check(True, rel)
        except (ValueError, OSError) as e:
            check(False, f"{rel}: not JSON: {e}")
    return documents


def check_vscode_manifest():
    vscode = EDITORS / "vscode"
    manifest = json.loads((vscode / "package.json").read_text(encoding="utf-8"))
    contributes = manifest.get("contributes", {})
    languages = [l for l in contributes.get("languages", []) if l.get("id") == "sla"]
    check(manifest.get("name") == "sla", "package.json: name is not 'sla'")
    check(bool(manifest.get("publisher")), "package.json: no publisher")
    check(bool(manifest.get("engines", {}).get("vscode")), "package.json: no engines.vscode")
    check(len(languages) == 1, "package.json: contributes no language 'sla'")
    language = languages[0] if languages else {}
    check(".sla" in language.get("extensions", []), "package.json: language sla without .sla")
    check(bool(language.get("aliases")), "package.json: language sla without aliases")
    config_path = vscode / language.get("configuration", "")
    if check(config_path.is_file(), f"package.json: language configuration {config_path} missing"):
        config = json.loads(config_path.read_text(encoding="utf-8"))
        check(config.get("comments", {}).get("lineComment") == "#",
              "language-configuration.json: the line comment is not '#'")
        check_language_configuration(config)
    grammars = [g for g in contributes.get("grammars", []) if g.get("language") == "sla"]
    check(len(grammars) == 1, "package.json: contributes no grammar for sla")
    if grammars:
        path = (vscode / grammars[0].get("path", "")).resolve()
        check(path == GRAMMAR_PATH.resolve(),
              f"package.json: the grammar path {grammars[0].get('path')} is not syntaxes/sla.tmLanguage.json")
        check(vscode.resolve() in path.parents,
              "package.json: the grammar lies outside the extension folder (vsce would leave it out)")
        if check(path.is_file(), f"package.json: grammar {path} missing"):
            grammar = json.loads(path.read_text(encoding="utf-8"))
            check(grammar.get("scopeName") == "source.sla", "grammar: scopeName is not source.sla")
            check(grammars[0].get("scopeName") == "source.sla",
                  "package.json: grammar scopeName is not source.sla")
            check(grammar.get("fileTypes") == ["sla"], "grammar: fileTypes is not ['sla']")
    check("onLanguage:sla" in manifest.get("activationEvents", []),
          "package.json: not activated on language sla")
    main = manifest.get("main", "")
    check((vscode / main).is_file(), f"package.json: main {main!r} missing")
    properties = contributes.get("configuration", {}).get("properties", {})
    check(properties.get("sla.path", {}).get("default") == "sla",
          "package.json: setting sla.path missing or its default is not 'sla'")
    check(set(properties.get("sla.trace.server", {}).get("enum", [])) == {"off", "messages", "verbose"},
          "package.json: setting sla.trace.server missing or not off/messages/verbose")
    dependency = manifest.get("dependencies", {}).get("vscode-languageclient", "")
    check(dependency.startswith("^9"), "package.json: no dependency vscode-languageclient ^9")
    check((vscode / ".vscodeignore").is_file(), "editors/vscode/.vscodeignore missing")
    check((vscode / "README.md").is_file(), "editors/vscode/README.md missing")
    return manifest


def check_language_configuration(config):
    """Its regexes (JavaScript, read alike by Python for this subset) do what they say."""
    rules = config.get("indentationRules", {})
    try:
        increase = re.compile(rules["increaseIndentPattern"])
        decrease = re.compile(rules["decreaseIndentPattern"])
        word = re.compile(config["wordPattern"])
        start = re.compile(config["folding"]["markers"]["start"])
        end = re.compile(config["folding"]["markers"]["end"])
    except (KeyError, re.error) as e:
        check(False, f"language-configuration.json: indentation, folding or word pattern: {e}")
        return
    opens = ['package basic "Basic Support" {', '  escalation {', 'calendar x "a { b" {  # c',
             '  uptime "Chat {Service}" {']
    stays = ['calendar office { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00 }',
             '  summary "ends with {"', '  # a comment {', '  respond to all within 2 business days']
    for line in opens:
        check(increase.search(line) and start.search(line),
              f"language-configuration.json: no indent/fold after {line!r}")
    for line in stays:
        check(not increase.search(line), f"language-configuration.json: indents after {line!r}")
    check(decrease.search("  }") and end.search("}"), "language-configuration.json: '}' not dedented")
    check(word.fullmatch("every_day_office_hours") and not word.fullmatch("office-hours"),
          "language-configuration.json: wordPattern does not take identifiers whole")
    pairs = {(p["open"], p["close"]) for p in config.get("autoClosingPairs", [])}
    check({("{", "}"), ("(", ")"), ('"', '"')} <= pairs,
          "language-configuration.json: auto-closing pairs miss {} () or quotes")
    check([["{", "}"], ["(", ")"]] == config.get("brackets"),
          "language-configuration.json: brackets are not {} and ()")


def check_single_grammar():
    copies = []
    for path in EDITORS.rglob("*"):
        if not path.is_file() or "node_modules" in path.parts:
            continue
        if re.search(r"\.(tmLanguage|tmGrammar)(\.json|\.ya?ml)?$|\.tmLanguage$", path.name):
            copies.append(path)
        elif path.suffix == ".json":
            try:
                if json.loads(path.read_text(encoding="utf-8")).get("scopeName") == "source.sla":
                    copies.append(path)
            except (ValueError, AttributeError):
                pass
    copies = sorted(set(p.resolve() for p in copies))
    check(copies == [GRAMMAR_PATH.resolve()],
          f"editors/ holds {len(copies)} TextMate grammars ({', '.join(map(str, copies))}); "
          "the one copy is editors/vscode/syntaxes/sla.tmLanguage.json")
    readme = EDITORS / "textmate" / "README.md"
    check(readme.is_file() and "vscode/syntaxes/sla.tmLanguage.json" in readme.read_text(encoding="utf-8"),
          "editors/textmate/README.md does not point to editors/vscode/syntaxes/sla.tmLanguage.json")


def check_regexes(grammar):
    for where, rule in iter_rules(grammar, "grammar"):
        for key in ("match", "begin", "end"):
            source = rule.get(key)
            if source is None:
                continue
            for pattern, what in ONIGURUMA_ONLY:
                check(not re.search(pattern, source), f"{where}/{key}: {what} in {source!r}")
            try:
                compiled = re.compile(source)
            except re.error as e:
                check(False, f"{where}/{key}: does not compile in Python re: {e}: {source!r}")
                continue
            check(True, where)
            if key != "end":
                check(not compiled.match(""), f"{where}/{key}: can match the empty string: {source!r}")
        for key in ("name", "contentName"):
            if where == "grammar":
                break  # the grammar's own "name" is its display name, not a scope
            for scope in TextMate.names(rule.get(key)):
                check(scope.endswith(".sla"), f"{where}: scope {scope!r} does not end in .sla")
        for key in ("captures", "beginCaptures", "endCaptures"):
            for group, capture in (rule.get(key) or {}).items():
                for scope in TextMate.names(capture.get("name")):
                    check(scope.endswith(".sla"), f"{where}/{key}/{group}: scope {scope!r} not .sla")


def check_textmate_keywords(engine, words, phrases):
    for word in sorted(words | phrases):
        scopes = engine.tokenize(word)[0]
        uncovered = [word[i] for i, s in enumerate(scopes) if not word[i].isspace() and not is_keyword(s)]
        check(not uncovered, f"TextMate grammar: keyword {word!r} of grammar.hpp is not highlighted "
              f"as a keyword (scopes {sorted(set(x for s in scopes for x in s))})")


def scopes_of(tokens, line, needle, occurrence=0):
    """The scope lists of the characters of needle's occurrence in line."""
    start = -1
    for _ in range(occurrence + 1):
        start = line.find(needle, start + 1)
    if start < 0:
        return None
    return tokens[start:start + len(needle)]


def expect(tokens, line, needle, scope, where, occurrence=0):
    chars = scopes_of(tokens, line, needle, occurrence)
    if chars is None:
        check(False, f"{where}: test sample {needle!r} not found in {line!r}")
        return
    bad = [needle[i] for i, s in enumerate(chars) if not needle[i].isspace() and
           not any(x == scope or x.startswith(scope + ".") for x in s)]
    check(not bad, f"{where}: {needle!r} in {line.strip()!r} is not {scope} "
          f"(got {sorted(set(x for s in chars for x in s))})")


def line_matching(text, pattern, where):
    for line in text.splitlines():
        if re.search(pattern, line):
            return line
    check(False, f"{where}: no line matches {pattern!r}; choose another sample line in the test")
    return None


def check_samples(engine, words):
    files = sample_files()
    check(any(rel == "contracts/qiscus-enterprise.sla" for rel, _ in files),
          "contracts/qiscus-enterprise.sla missing")
    keyword_words = {w for w in words if re.fullmatch(r"[A-Za-z_][\w-]*", w)}
    for rel, text in files:
        lines = re.split(r"\r\n|\r|\n", text)
        tokens = engine.tokenize(text)
        for n, (line, scopes) in enumerate(zip(lines, tokens), 1):
            strings, comment = lexical_parts(line)
            where = f"{rel}:{n}"
            if comment:
                directive = re.match(r"#[ \t]*sla:", line[comment[0]:])
                for i in range(*comment):
                    s = scopes[i]
                    if not has_scope(s, "comment.line.number-sign.sla"):
                        check(False, f"{where}:{i + 1}: comment text is not a comment: {line!r}")
                        break
                    if is_keyword(s) and not (directive and "keyword.other.directive.sla" in s):
                        check(False, f"{where}:{i + 1}: comment text coloured as a keyword: {line!r}")
                        break
                else:
                    check(True, where)
            for a, b in strings:
                for i in range(a, b):
                    s = scopes[i]
                    if not any(x.startswith("string.quoted.double") for x in s) or is_keyword(s) or \
                            any(x.startswith("constant.numeric") for x in s):
                        check(False, f"{where}:{i + 1}: string text coloured as code: {line!r}")
                        break
                else:
                    check(True, where)
            # Outside strings and comments, a keyword of the language is never left plain.
            code_end = comment[0] if comment else len(line)
            for m in re.finditer(r"(?<![\w-])[A-Za-z_][\w-]*", line[:code_end]):
                if m.group() not in keyword_words or any(a <= m.start() < b for a, b in strings):
                    continue
                s = scopes[m.start()]
                check(is_keyword(s) or any(x.startswith(("entity.", "constant.")) for x in s),
                      f"{where}:{m.start() + 1}: keyword {m.group()!r} left plain: {line!r}")

    # Sample lines, read from the Qiscus contract and the holiday library.
    qiscus = (ROOT / "contracts" / "qiscus-enterprise.sla").read_text(encoding="utf-8")
    holidays = (ROOT / "stdlib" / "std" / "holidays" / "id.sla").read_text(encoding="utf-8")
    samples = [
        (qiscus, r"^# ", [("#", "punctuation.definition.comment.sla"), ("Qiscus", "comment.line")]),
        (qiscus, r"^calendar office_hours ", [("calendar", "keyword.declaration"),
                                              ("office_hours", "entity.name.type.calendar"),
                                              ('"Weekdays 09:00-17:00 (GMT+7)"', "string.quoted.double")]),
        (qiscus, r"^\s+calendar office_hours$", [("calendar", "keyword"), ("office_hours", "entity.name")]),
        (qiscus, r"^\s+effective \d{4}-\d\d-\d\d", [("effective", "keyword.other"),
                                                     ("2025-01-01", "constant.numeric.date")]),
        (qiscus, r"^\s+open Mon-Fri \d\d:\d\d-\d\d:\d\d \(\"", [
            ("open", "keyword.other"), ("Mon", "constant.language.weekday"),
            ("Fri", "constant.language.weekday"), ("09:00", "constant.numeric.time"),
            ("17:00", "constant.numeric.time"), ("(", "meta.label"), ("(", "punctuation.section.label.begin"),
            ('"09.00 to 17.00hrs (GMT+7) on Weekdays"', "string.quoted.double"),
            ('"09.00 to 17.00hrs (GMT+7) on Weekdays"', "meta.label")]),
        (qiscus, r"^\s+open daily ", [("daily", "constant.language.weekday")]),
        (qiscus, r"within 4 business hours committed", [("respond", "keyword.other"), ("to", "keyword.other"),
                                                        ("within", "keyword.control"),
                                                        ("4 business hours", "constant.numeric"),
                                                        ("committed", "constant.language.commitment")]),
        (qiscus, r"within 8 hours committed", [("8 hours", "constant.numeric.duration")]),
        (qiscus, r"^\s+best effort$", [("best effort", "constant.language.commitment")]),
        (qiscus, r"^\s+target 99 %", [("99 %", "constant.numeric.percentage")]),
        (qiscus, r"^\s+price IDR 216 million", [("IDR 216 million", "constant.numeric.money"),
                                                ("IDR", "constant.other.currency")]),
        (qiscus, r"^package premium .* extends basic", [
            ("package", "keyword.declaration"), ("premium", "entity.name.type.package"),
            ("extends", "storage.modifier.extends"), ("basic", "entity.other.inherited-class")]),
        (qiscus, r"^addon dedicated_8x7 ", [("dedicated_8x7", "entity.name.type.addon")]),
        (qiscus, r"^\s+ticket Normal raised \d{4}-", [("ticket", "keyword.other"),
                                                      ("2026-01-09", "constant.numeric.date"),
                                                      ("16:30", "constant.numeric.time")]),
        (qiscus, r'^\s+"SLA" means ', [('"SLA"', "string.quoted.double"), ("means", "keyword.other")]),
        (qiscus, r"^translation id ", [("translation", "keyword.declaration"),
                                       ("id", "entity.name.type.translation")]),
        (qiscus, r"^import ", [("import", "keyword.declaration"), ('"std/holidays/id"', "string")]),
        (holidays, r"^holidays id_national ", [("holidays", "keyword.declaration"),
                                               ("id_national", "entity.name.type.holidays")]),
        (holidays, r'^\s+\d{4}-\d\d-\d\d "[^"]*" tentative # ', [
            ("tentative", "constant.language"), ("# ", "comment.line.number-sign")]),
    ]
    for text, pattern, expectations in samples:
        line = line_matching(text, pattern, "sample")
        if line is None:
            continue
        tokens = engine.tokenize(line)[0]
        for needle, scope in expectations:
            expect(tokens, line, needle, scope, f"sample {pattern!r}")

    # Forms the contracts do not happen to use.
    synthetic = [
        ('  summary "a \\"quoted\\" word\\n\\ttab \\\\ back"', [
            ('\\"', "constant.character.escape"), ("\\n", "constant.character.escape"),
            ("\\t", "constant.character.escape"), ("\\\\", "constant.character.escape"),
            ("quoted", "string.quoted.double")]),
        ('  summary "bad \\q escape"', [("\\q", "invalid.illegal.escape")]),
        ("  # sla: allow SLA105 (calendar hours are meant)", [
            ("sla: allow", "keyword.other.directive"), ("SLA105", "constant.other.diagnostic-code"),
            ("(calendar hours are meant)", "comment.line.number-sign")]),
        ("#sla:allow-file SLA110", [("sla:allow-file", "keyword.other.directive"),
                                    ("SLA110", "comment.line.number-sign")]),
        ("  changes notified at least 30 calendar days in advance", [
            ("30 calendar days", "constant.numeric.duration")]),
        ("  restore all within 90 minutes", [("90 minutes", "constant.numeric.duration")]),
        ("  reviewed every 6 months", [("6 months", "constant.numeric.duration")]),
        ("  price USD 1000 per month", [("USD 1000", "constant.numeric.money"), ("month", "keyword")]),
        ("  price IDR 1,000,000 one-off", [("IDR 1,000,000", "constant.numeric.money"),
                                           ("one-off", "constant.language")]),
        ("  credit 5 % per breached Critical response", [("5 %", "constant.numeric.percentage")]),
        ("  zone UTC+7", [("UTC+7", "support.constant.timezone")]),
        ("  open Mon, Wed-Fri 08:00-12:00, 13:00-17:00", [
            ("Wed", "constant.language.weekday"), ("08:00-12:00", "meta.time-range"),
            ("13:00", "constant.numeric.time"), ("-", "punctuation.separator.range", 1)]),
        ("  expect response met", [("met", "constant.language.verdict")]),
        ("  respond to all by 12:00 next business day", [("12:00", "constant.numeric.time"),
                                                        ("by", "keyword.control")]),
        ("  # respond to all within 4 business hours committed", [
            ("respond to all within 4 business hours committed", "comment.line.number-sign")]),
        ('  "Basic Support" = "Dukungan Dasar"', [("=", "keyword.operator.assignment")]),
        ('calendar office { zone "Asia/Jakarta"; open Mon-Fri 09:00-17:00 }', [
            ("{", "punctuation.section.block.begin"), (";", "punctuation.terminator.statement"),
            ("}", "punctuation.section.block.end")]),
        ('  resolve High within 72 hours committed ("72 hours (3 business days)")', [
            ('"72 hours (3 business days)"', "string.quoted.double.label"),
            (")", "punctuation.section.label.end", 1)]),
    ]
    for line, expectations in synthetic:
        tokens = engine.tokenize(line)[0]
        for item in expectations:
            needle, scope = item[0], item[1]
            expect(tokens, line, needle, scope, "synthetic", item[2] if len(item) > 2 else 0)
    # A comment that only mentions keywords stays a comment from # to its end.
    line = "  # respond to all within 4 business hours committed"
    tokens = engine.tokenize(line)[0]
    check(not any(is_keyword(s) or any(x.startswith("constant") for x in s) for s in tokens),
          "a comment mentioning keywords is coloured as code")
    # An unclosed string ends at its line: the next line is code again.
    tokens = engine.tokenize('  summary "unclosed\n  respond to all within 2 business days')
    check(is_keyword(tokens[1][2]), "an unclosed string runs on into the next line")


# ----------------------------------------------------------------------- Vim

def vim_pattern_to_python(pattern):
    """The few Vim regex atoms syntax/sla.vim uses in keyword matches, in Python."""
    out = pattern
    for vim, py in ((r"\%(", "(?:"), (r"\(", "("), (r"\)", ")"), (r"\|", "|"), (r"\<", r"\b"),
                    (r"\>", r"\b"), (r"\=", "?"), (r"\+", "+"), (r"\{", "{")):
        out = out.replace(vim, py)
    return out


def check_vim_static(words):
    text = VIM_SYNTAX.read_text(encoding="utf-8")
    links = dict(re.findall(r"^\s*hi(?:ghlight)?\s+def(?:ault)?\s+link\s+(\w+)\s+(\w+)", text, re.M))
    keywords, matches = set(), []
    options = {"contained", "transparent", "skipwhite", "skipnl", "skipempty", "conceal", "fold",
               "display", "extend", "oneline", "keepend", "excludenl"}
    for group, rest in re.findall(r"^\s*syn(?:tax)?\s+keyword\s+(\w+)\s+(.*)$", text, re.M):
        tokens = rest.split()
        if "contained" in tokens or links.get(group) not in KEYWORD_GROUPS:
            continue
        keywords.update(t for t in tokens if t not in options and "=" not in t)
    for group, quote, pattern, rest in re.findall(
            r"^\s*syn(?:tax)?\s+match\s+(\w+)\s+(\S)(.*?)\2(.*)$", text, re.M):
        if "contained" in rest.split() or links.get(group) not in KEYWORD_GROUPS:
            continue
        try:
            matches.append(re.compile(vim_pattern_to_python(pattern)))
        except re.error:
            pass
    for word in sorted(words):
        check(word in keywords or any(m.fullmatch(word) for m in matches),
              f"syntax/sla.vim: keyword {word!r} of grammar.hpp is in no keyword group")
    for group, rest in re.findall(r"^\s*syn(?:tax)?\s+(?:keyword|match|region)\s+(\w+)(.*)$", text, re.M):
        check(group in links or "transparent" in rest.split(),
              f"syntax/sla.vim: group {group} is not linked to a highlight group")


# -------------------------------------------------------------------- Neovim

def run_nvim(args, cwd, timeout=60):
    return subprocess.run(["nvim", "--headless", "-u", "NONE", "--cmd",
                           f"set rtp+={EDITORS / 'nvim'}"] + args + ["-c", "qa!"],
                          cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          stdin=subprocess.DEVNULL)


FAKE_SERVER = r'''
import json, sys
log = open(sys.argv[1], "a")
def read():
    length = None
    while True:
        line = sys.stdin.buffer.readline()
        if not line:
            return None
        line = line.strip()
        if not line:
            break
        name, _, value = line.decode().partition(":")
        if name.lower() == "content-length":
            length = int(value)
    return json.loads(sys.stdin.buffer.read(length))
def send(message):
    body = json.dumps(message).encode()
    sys.stdout.buffer.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    sys.stdout.buffer.flush()
while True:
    message = read()
    if message is None:
        break
    log.write(json.dumps(message) + "\n")
    log.flush()
    if "id" in message and "method" in message:
        result = {"capabilities": {"textDocumentSync": 1}} if message["method"] == "initialize" else None
        send({"jsonrpc": "2.0", "id": message["id"], "result": result})
    if message.get("method") == "exit":
        break
'''

LSP_PROBE = r'''
local fake, log, a, b = @FAKE@, @LOG@, @FILE_A@, @FILE_B@
require("sla.lsp").setup({ cmd = { @PYTHON@, fake, log } })
local function attached()
  return next(vim.lsp.buf_get_clients(0)) ~= nil
end
local function opened(n)
  return function()
    local f = io.open(log)
    if not f then return false end
    local s = f:read("*a")
    f:close()
    local _, count = s:gsub('"textDocument/didOpen"', "")
    return count >= n
  end
end
vim.cmd("edit " .. a)
local ok_a = vim.wait(10000, attached, 20)
local first = next(vim.lsp.buf_get_clients(0))
vim.wait(10000, opened(1), 20)
vim.cmd("edit " .. b)
local ok_b = vim.wait(10000, attached, 20)
local second = next(vim.lsp.buf_get_clients(0))
vim.wait(10000, opened(2), 20)
io.write(string.format("attached=%s,%s same=%s\n", tostring(ok_a), tostring(ok_b),
  tostring(first ~= nil and first == second)))
'''


def lua_string(value):
    return '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


def check_nvim(words, phrases):
    if shutil.which("nvim") is None:
        skip("nvim is not on PATH: filetype, syntax, indentation and LSP client of editors/nvim "
             "not run (scripts/setup.sh installs neovim)")
        return
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        # The filetype, as the README tells users to load it.
        (tmp / "x.sla").write_text("# empty\n")
        r = run_nvim(["-c", "filetype on", "-c", f"edit {tmp / 'x.sla'}",
                      "-c", "lua io.write(vim.bo.filetype)"], tmp)
        check(r.stdout.strip() == "sla", f"nvim: *.sla gets filetype {r.stdout.strip()!r}, not sla "
              f"({r.stderr.strip()})")
        # The buffer settings of ftplugin/sla.lua.
        r = run_nvim(["-c", "filetype plugin indent on", "-c", f"edit {tmp / 'x.sla'}", "-c",
                      "lua io.write(vim.bo.commentstring .. '|' .. vim.bo.shiftwidth .. '|' .. "
                      "tostring(vim.bo.expandtab))"], tmp)
        check(r.stdout.strip() == "# %s|2|true",
              f"nvim: ftplugin gives commentstring|shiftwidth|expandtab = {r.stdout.strip()!r}")

        # Every keyword and phrase on its own line is highlighted as a keyword.
        items = sorted(words | phrases)
        (tmp / "keywords.sla").write_text("\n".join(items) + "\n")
        probe = tmp / "probe.lua"
        probe.write_text(r'''
local out = {}
for l = 1, vim.fn.line("$") do
  local line = vim.fn.getline(l)
  local groups = {}
  for c = 1, #line do
    if line:sub(c, c) ~= " " then
      table.insert(groups, vim.fn.synIDattr(vim.fn.synIDtrans(vim.fn.synID(l, c, 1)), "name"))
    end
  end
  table.insert(out, table.concat(groups, ","))
end
io.write(table.concat(out, "\n") .. "\n")
''')
        r = run_nvim(["-c", "filetype on", "-c", "syntax on", "-c", f"edit {tmp / 'keywords.sla'}",
                      "-c", f"luafile {probe}"], tmp)
        rows = r.stdout.splitlines()
        check(len(rows) == len(items), f"nvim: syntax probe printed {len(rows)} rows for {len(items)} "
              f"keywords ({r.stderr.strip()})")
        for item, row in zip(items, rows):
            groups = set(row.split(","))
            check(groups <= KEYWORD_GROUPS, f"nvim: keyword {item!r} is highlighted as {sorted(groups)}, "
                  "not as a keyword")

        # Sample lines: comments, strings and values get their groups.
        sample = ('# respond to all within 4 hours\n'
                  'calendar office_hours "Weekdays 09:00-17:00" {\n'
                  '  open Mon-Fri 09:00-17:00 ("on Weekdays")\n'
                  '  respond to Normal within 4 business hours committed\n'
                  '  effective 2025-01-01\n'
                  '  summary "a \\"b\\" c" # sla: allow SLA105 (why)\n'
                  '}\n')
        (tmp / "sample.sla").write_text(sample)
        probe2 = tmp / "probe2.lua"
        probe2.write_text(r'''
local function at(l, text, n)
  local line = vim.fn.getline(l)
  local c = 0
  for _ = 1, (n or 1) do c = line:find(text, c + 1, true) end
  local id = vim.fn.synID(l, c, 1)
  return vim.fn.synIDattr(vim.fn.synIDtrans(id), "name") .. "/" .. vim.fn.synIDattr(id, "name")
end
local probes = {
  {1, "respond"}, {2, "calendar"}, {2, "office_hours"}, {2, "09:00"}, {3, "Mon"}, {3, "09:00"},
  {3, "on Weekdays"}, {4, "4 business hours"}, {4, "business"}, {4, "committed"}, {5, "2025-01-01"},
  {6, "\\\""}, {6, "sla: allow"}, {6, "SLA105"}, {6, "why"},
}
for _, p in ipairs(probes) do io.write(at(p[1], p[2], p[3]) .. "\n") end
''')
        r = run_nvim(["-c", "filetype on", "-c", "syntax on", "-c", f"edit {tmp / 'sample.sla'}",
                      "-c", f"luafile {probe2}"], tmp)
        want = ["slaComment", "slaDeclaration", "slaName", "slaString", "slaWeekday", "slaTime",
                "slaString", "slaDuration", "slaDuration", "slaCommitment", "slaDate", "slaEscape",
                "slaDirective", "slaCode", "slaDirectiveComment"]
        got = [row.partition("/")[2] for row in r.stdout.splitlines()]
        check(got == want, f"nvim: sample highlight groups differ:\n  want {want}\n  got  {got} "
              f"({r.stderr.strip()})")

        # Indentation: reindenting a contract (in sla fmt's layout) changes nothing.
        for contract in sorted(glob.glob(str(ROOT / "contracts" / "*.sla"))):
            copy = tmp / "indent.sla"
            shutil.copy(contract, copy)
            run_nvim(["-c", "filetype plugin indent on", "-c", f"edit {copy}", "-c", "normal! gg=G",
                      "-c", "write"], tmp)
            before = pathlib.Path(contract).read_text(encoding="utf-8")
            check(copy.read_text(encoding="utf-8") == before,
                  f"nvim: gg=G reindents {os.path.relpath(contract, ROOT)} differently from sla fmt")

        check_nvim_lsp(tmp)


def check_nvim_lsp(tmp):
    """require("sla.lsp").setup() against a fake server: one client per root, both
    files opened as language sla, the root found from .git."""
    project = tmp / "project"
    (project / ".git").mkdir(parents=True)
    (project / "sub").mkdir()
    a, b = project / "a.sla", project / "sub" / "b.sla"
    a.write_text("# a\n")
    b.write_text("# b\n")
    fake = tmp / "fake_server.py"
    fake.write_text(FAKE_SERVER)
    log = tmp / "lsp.log"
    probe = tmp / "lsp_probe.lua"
    probe.write_text(LSP_PROBE.replace("@FAKE@", lua_string(fake)).replace("@LOG@", lua_string(log))
                     .replace("@FILE_A@", lua_string(a)).replace("@FILE_B@", lua_string(b))
                     .replace("@PYTHON@", lua_string(sys.executable)))
    try:
        r = run_nvim(["-c", "filetype on", "-c", f"luafile {probe}"], tmp, timeout=90)
    except subprocess.TimeoutExpired:
        check(False, "nvim: the LSP client test timed out")
        return
    check("attached=true,true same=true" in r.stdout,
          f"nvim: sla.lsp did not attach both buffers to one client: {r.stdout.strip()!r} "
          f"{r.stderr.strip()!r}")
    messages = []
    if log.exists():
        messages = [json.loads(line) for line in log.read_text().splitlines() if line.strip()]
    inits = [m for m in messages if m.get("method") == "initialize"]
    check(len(inits) == 1, f"nvim: {len(inits)} initialize requests for two files of one project")
    if inits:
        check(inits[0]["params"].get("rootUri") == project.as_uri(),
              f"nvim: root {inits[0]['params'].get('rootUri')} is not the folder holding .git "
              f"({project.as_uri()})")
    opened = [m["params"]["textDocument"] for m in messages if m.get("method") == "textDocument/didOpen"]
    check(sorted(d["uri"] for d in opened) == sorted([a.as_uri(), b.as_uri()]),
          f"nvim: didOpen for {[d['uri'] for d in opened]}, not both files")
    check(all(d.get("languageId") == "sla" for d in opened), "nvim: documents not opened as language sla")


# ---------------------------------------------------------------------- node

NODE_HARNESS = r'''
const Module = require('module');
const calls = [];
let configured = 'sla';
let onConfig;
const stubs = {
  vscode: {
    workspace: {
      getConfiguration: (section) => ({ get: (key) => (section === 'sla' && key === 'path' ? configured : undefined) }),
      workspaceFolders: [{ uri: { fsPath: '/work/space' } }],
      onDidChangeConfiguration: (fn) => { onConfig = fn; return { dispose() {} }; },
    },
    commands: { registerCommand: (id) => { calls.push(['command', id]); return { dispose() {} }; } },
    window: {
      showErrorMessage: (m) => { calls.push(['error', m]); },
      showWarningMessage: (m) => { calls.push(['warning', m]); },
    },
  },
  'vscode-languageclient/node': {
    LanguageClient: class {
      constructor(id, name, server, client) { this.server = server; calls.push(['client', id, server, client]); }
      async start() {
        calls.push(['start', this.server.run.command]);
        if (this.server.run.command === 'missing') throw new Error('spawn missing ENOENT');
      }
      async stop() { calls.push(['stop']); }
    },
  },
};
// Without the client library, as in a folder copied before `npm install`.
if (process.argv[3] === 'without-client') {
  stubs['vscode-languageclient/node'] = undefined;
}
const load = Module._load;
Module._load = function (request, ...rest) {
  if (Object.prototype.hasOwnProperty.call(stubs, request)) {
    if (stubs[request] === undefined) throw new Error(`Cannot find module '${request}'`);
    return stubs[request];
  }
  return load.call(this, request, ...rest);
};
(async () => {
  const extension = require(process.argv[2]);
  const context = { subscriptions: [] };
  await extension.activate(context);
  if (process.argv[3] === 'without-client') {
    process.stdout.write(JSON.stringify({ calls, subscriptions: context.subscriptions.length }));
    return;
  }
  calls.push(['phase', 'path changed']);
  configured = 'build/bin/sla';
  await onConfig({ affectsConfiguration: (s) => s === 'sla.path' });
  calls.push(['phase', 'other setting changed']);
  await onConfig({ affectsConfiguration: (s) => s === 'editor.fontSize' });
  calls.push(['phase', 'missing binary']);
  configured = 'missing';
  await onConfig({ affectsConfiguration: (s) => s === 'sla.path' });
  calls.push(['phase', 'deactivate']);
  await extension.deactivate();
  process.stdout.write(JSON.stringify({ calls, subscriptions: context.subscriptions.length }));
})().catch((e) => { console.error(e); process.exit(1); });
'''


def check_vscode_extension(manifest):
    if shutil.which("node") is None:
        skip("node is not on PATH: editors/vscode/extension.js not run")
        return
    extension = EDITORS / "vscode" / "extension.js"
    r = subprocess.run(["node", "--check", str(extension)], capture_output=True, text=True)
    check(r.returncode == 0, f"extension.js does not parse: {r.stderr.strip()}")
    with tempfile.TemporaryDirectory() as tmp:
        harness = pathlib.Path(tmp) / "harness.js"
        harness.write_text(NODE_HARNESS)
        r = subprocess.run(["node", str(harness), str(extension)], capture_output=True, text=True,
                           timeout=60)
    if not check(r.returncode == 0, f"extension.js under stand-ins failed: {r.stderr.strip()}"):
        return
    result = json.loads(r.stdout)
    calls = result["calls"]
    clients = [c for c in calls if c[0] == "client"]
    check(len(clients) == 3, f"extension.js: {len(clients)} clients created, want 3 "
          "(start, sla.path changed, changed again; not on other settings)")
    if clients:
        _, client_id, server, options = clients[0]
        check(client_id == "sla", "extension.js: client id is not 'sla' (sla.trace.server would not apply)")
        check(server.get("run") == {"command": "sla", "args": ["lsp"]} and server.get("debug") == server.get("run"),
              f"extension.js: server options {server} are not 'sla lsp' over stdio (no transport)")
        check({"scheme": "file", "language": "sla"} in options.get("documentSelector", []),
              "extension.js: documentSelector lacks file documents of language sla")
    if len(clients) >= 2:
        check(clients[1][2]["run"]["command"] == os.path.join("/work/space", "build/bin/sla"),
              f"extension.js: a relative sla.path is not resolved against the workspace: "
              f"{clients[1][2]['run']['command']}")
    phases = [c[1] for c in calls if c[0] == "phase"]
    check(phases == ["path changed", "other setting changed", "missing binary", "deactivate"],
          f"extension.js: harness phases {phases}")
    errors = [c[1] for c in calls if c[0] == "error"]
    check(len(errors) == 1 and "sla.path" in errors[0],
          f"extension.js: a server that cannot start is not reported with a hint to sla.path: {errors}")
    check(calls[-1] == ["stop"], "extension.js: deactivate does not stop the client")
    commands = [c[1] for c in calls if c[0] == "command"]
    declared = [c["command"] for c in manifest.get("contributes", {}).get("commands", [])]
    check(sorted(commands) == sorted(declared),
          f"extension.js registers {commands}, package.json declares {declared}")

    # Copied without `npm install`: activation still succeeds and says what is missing.
    with tempfile.TemporaryDirectory() as tmp:
        harness = pathlib.Path(tmp) / "harness.js"
        harness.write_text(NODE_HARNESS)
        r = subprocess.run(["node", str(harness), str(extension), "without-client"],
                           capture_output=True, text=True, timeout=60)
    if check(r.returncode == 0, f"extension.js fails to activate without its client library: "
             f"{r.stderr.strip()}"):
        calls = json.loads(r.stdout)["calls"]
        warnings = [c[1] for c in calls if c[0] == "warning"]
        check(len(warnings) == 1 and "npm install" in warnings[0] and
              not any(c[0] == "client" for c in calls),
              f"extension.js without vscode-languageclient does not say to run npm install: {calls}")


def stage(function, *args):
    """Runs one group of checks; a missing or broken file fails it instead of the run."""
    try:
        return function(*args)
    except Exception as e:  # noqa: BLE001 - any crash is a failed check, reported by name
        check(False, f"{function.__name__}: {type(e).__name__}: {e}")
        return None


def main():
    stage(check_json)
    manifest = stage(check_vscode_manifest) or {}
    stage(check_single_grammar)
    grammar = stage(lambda: json.loads(GRAMMAR_PATH.read_text(encoding="utf-8")))
    words, phrases = grammar_keywords()
    check(len(words) > 100, f"only {len(words)} keywords read from grammar/grammar.hpp")
    if grammar is not None:
        stage(check_regexes, grammar)
        engine = TextMate(grammar)
        stage(check_textmate_keywords, engine, words, phrases)
        stage(check_samples, engine, words)
    stage(check_vim_static, words)
    stage(check_nvim, words, phrases)
    stage(check_vscode_extension, manifest)
    for failure in failures:
        print(f"FAIL: {failure}")
    print(f"editors: {passed} checks passed, {len(failures)} failed "
          f"({len(words)} keywords of grammar/grammar.hpp)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
