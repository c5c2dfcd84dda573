#!/usr/bin/env python3
"""The dependency arrows of the source tree, checked from the #include lines.

Folders may include only the folders listed for them (tools/README.md, the README's
layout table): tools -> interpreter -> grammar, and inside tools/ the rooms point
one way. A file that includes a folder it may not is reported with its line.
Usage: arrows.py SOURCE_DIR   (exit 1 when an arrow points the wrong way)
"""
import pathlib
import re
import sys

# The rooms of interpreter/, which the folders outside it may all include.
INTERPRETER = {"interpreter/time", "interpreter/check", "interpreter/judge", "interpreter/lint",
               "interpreter/diff"}

# folder -> the project folders its files may include (besides itself).
ALLOWED = {
    "grammar": {"include/sla"},
    "stdlib": set(),
    # lint -> check, judge; check, judge -> time; time -> nothing of the interpreter.
    "interpreter/time": {"grammar", "include/sla"},
    "interpreter/check": {"interpreter/time", "grammar", "stdlib", "include/sla"},
    "interpreter/judge": {"interpreter/time", "grammar", "include/sla"},
    "interpreter/lint": {"interpreter/check", "interpreter/judge", "interpreter/time", "grammar",
                         "stdlib", "include/sla"},
    "interpreter/diff": {"interpreter/time", "grammar", "include/sla"},
    "api": INTERPRETER | {"include/sla", "grammar"},
    # The Python module is a host of the public headers, and of the two rooms whose
    # output it returns as the CLI does: the document writer and the JSON boundary.
    "python": {"include/sla", "tools/document", "tools/wording", "tools/json_api"},
    "tools/console": INTERPRETER | {"grammar", "stdlib", "include/sla"},
    "tools/io": INTERPRETER | {"grammar", "include/sla"},
    "tools/holidays": INTERPRETER | {"tools/io", "grammar", "stdlib", "include/sla"},
    "tools/helpdesk": INTERPRETER | {"tools/io", "grammar", "include/sla"},
    "tools/compliance": INTERPRETER | {"tools/io", "tools/document", "tools/wording", "tools/reports",
                                       "tools/console", "grammar", "include/sla"},
    "tools/calendar_export": INTERPRETER | {"grammar", "include/sla"},
    "tools/reports": INTERPRETER | {"tools/console", "grammar", "include/sla"},
    "tools/format": INTERPRETER | {"tools/console", "grammar", "include/sla"},
    "tools/wording": INTERPRETER | {"include/sla"},
    "tools/document": INTERPRETER | {"tools/wording", "tools/reports", "tools/console", "grammar",
                                     "stdlib", "include/sla"},
    "tools/ide": INTERPRETER | {"tools/document", "tools/wording", "tools/reports", "tools/console",
                                "grammar", "stdlib", "include/sla"},
    "tools/lsp": INTERPRETER | {"tools/ide", "tools/format", "tools/reports", "tools/console",
                                "grammar", "stdlib", "include/sla"},
    "tools/cli": INTERPRETER | {"tools/lsp", "tools/ide", "tools/document", "tools/wording", "tools/reports", "tools/format", "tools/holidays",
                                "tools/calendar_export", "tools/helpdesk", "tools/compliance", "tools/io", "tools/console", "grammar",
                                "stdlib", "include/sla"},
    "tools/json_api": {"tools/cli", "tools/console", "include/sla"},
}
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"')


def folder_of(path: str) -> str:
    """The folder an include path or a file belongs to, as ALLOWED names them."""
    if path.startswith("sla/"):
        return "include/sla"
    parts = path.split("/")
    if parts[0] in ("tools", "interpreter") and len(parts) > 2:
        return "/".join(parts[:2])
    return parts[0]


def main() -> int:
    root = pathlib.Path(sys.argv[1])
    wrong = []
    checked = 0
    for folder, allowed in ALLOWED.items():
        for file in sorted((root / folder).rglob("*")):
            if file.suffix not in (".cpp", ".hpp", ".h"):
                continue
            checked += 1
            for number, line in enumerate(file.read_text(encoding="utf-8").splitlines(), 1):
                m = INCLUDE.match(line)
                if not m or "/" not in m.group(1):
                    continue
                target = folder_of(m.group(1))
                if target != folder and target not in allowed:
                    wrong.append(f"{file.relative_to(root)}:{number}: {folder} may not include "
                                 f"{target} ({m.group(1)})")
    for line in wrong:
        print(line)
    tools_top = [f"{top}/{p.name}" for top in ("tools", "interpreter")
                 for p in (root / top).iterdir() if p.suffix in (".cpp", ".hpp")]
    if tools_top:
        print(f"source files outside the rooms of tools/ and interpreter/: {', '.join(sorted(tools_top))}")
    print(f"arrows: {checked} files checked, {len(wrong) + len(tools_top)} problems")
    return 1 if wrong or tools_top else 0


if __name__ == "__main__":
    sys.exit(main())
