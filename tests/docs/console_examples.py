#!/usr/bin/env python3
"""Runs every console example of README.md and docs/*.md and compares its output.

    python3 tests/docs/console_examples.py SLA_BINARY [ROOT]

ROOT (default: the current folder) is the project root. The rules, also in
docs/README.md ("Console examples run too"):

- A console example is a fenced block marked ```console. A line that starts with
  "$ " in a block marked otherwise (text, sh, none) is an error: mark the block
  console (then it is run) or drop the "$ " (then it is an instruction).
- In a console block, a line that starts with "$ " is a command (continued onto
  the next lines while a line ends with a backslash); the lines up to the next
  command or the end of the block are its output: standard output and standard
  error as a terminal shows them. The program is spelled "build/bin/sla" or "sla";
  the binary under test is run in its place. One plain command: no pipes,
  redirections, substitutions or other programs.
- The output must match line for line, after trailing blanks are stripped and
  trailing blank lines dropped, except that a line holding only "..." (indentation
  allowed) stands for any number of lines, none included.
- The exit code must be 0, unless the command line ends with a comment
  "# exit N": then it must be N.
- Commands that read the clock (sla eval, sla explain, sla report) must pin it with --as-of,
  unless they show a usage error ("# exit 2"), which stops before the clock is read.
- Each block runs in a fresh temporary folder holding a copy of the project's
  folders its commands name (contracts/, docs/, ...), so relative paths read as
  from the project root and a command that writes files never writes into the
  source tree.

A failure prints the file, line and command and a unified diff of the output shown
(expected) against the output produced (actual). Exit code 0 when every example
passes, 1 otherwise.
"""

import difflib
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile

PROGRAM_NAMES = ("build/bin/sla", "sla")
READS_THE_CLOCK = ("eval", "explain", "report")
FENCE = re.compile(r"^ {0,3}(`{3,}|~{3,})\s*([^`\s]*)")
EXIT_COMMENT = re.compile(r"\s+#\s*exit\s+(\d+)\s*$")
ELLIPSIS = "..."


class Command:
    def __init__(self, path, line, text):
        self.path, self.line, self.text = path, line, text
        self.expected = []  # output lines shown in the block
        self.exit_code = 0


class Block:
    def __init__(self, path, line):
        self.path, self.line = path, line
        self.commands = []


def documents(root):
    files = ["README.md"] + sorted(os.path.relpath(p, root) for p in glob.glob(os.path.join(root, "docs", "*.md")))
    return [f for f in files if os.path.isfile(os.path.join(root, f))]


def fenced_blocks(text):
    """(line of the opening fence, info word, body lines) for every fenced block."""
    lines = text.split("\n")
    i = 0
    while i < len(lines):
        m = FENCE.match(lines[i])
        if not m:
            i += 1
            continue
        fence, info, start = m.group(1), m.group(2), i
        i += 1
        body = []
        while i < len(lines) and not re.match(r"^ {0,3}" + re.escape(fence[0]) + "{" + str(len(fence)) + r",}\s*$", lines[i]):
            body.append(lines[i])
            i += 1
        yield start + 1, info, body
        i += 1


def parse(root, path, problems):
    blocks = []
    with open(os.path.join(root, path), encoding="utf-8") as f:
        text = f.read()
    for fence_line, info, body in fenced_blocks(text):
        if info != "console":
            for k, line in enumerate(body):
                if line.startswith("$ "):
                    problems.append(f"{path}:{fence_line + 1 + k}: a command ('$ ') in a block marked "
                                    f"'{info or '(none)'}': mark the block 'console' so that it is run, "
                                    f"or drop the '$ ' if it is an instruction")
                    break
            continue
        block = Block(path, fence_line)
        k = 0
        while k < len(body):
            line = body[k]
            if line.startswith("$ "):
                first = fence_line + 1 + k
                joined = line[2:].rstrip()
                while joined.endswith("\\") and k + 1 < len(body):
                    k += 1
                    joined = joined[:-1] + " " + body[k].strip()
                command = Command(path, first, joined.strip())
                m = EXIT_COMMENT.search(command.text)
                if m:
                    command.exit_code = int(m.group(1))
                    command.text = command.text[: m.start()].rstrip()
                block.commands.append(command)
            elif block.commands:
                block.commands[-1].expected.append(line)
            elif line.strip():
                problems.append(f"{path}:{fence_line + 1 + k}: a console block must start with a command ('$ ')")
                break
            k += 1
        if not block.commands:
            problems.append(f"{path}:{fence_line}: a console block without a command ('$ ')")
            continue
        blocks.append(block)
    return blocks


def argv_of(command, binary):
    """The argument vector to run, or a string saying why the command cannot be run."""
    try:
        words = shlex.split(command.text, comments=False)
    except ValueError as e:
        return f"cannot split the command: {e}"
    if not words or words[0] not in PROGRAM_NAMES:
        return f"a console example runs the sla program, spelled {' or '.join(PROGRAM_NAMES)}"
    # Shell syntax outside quotes (pipes, redirections, lists, substitutions,
    # variables, comments) would not run as shown: one plain command only.
    lexer = shlex.shlex(command.text, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    try:
        bad = [t for t in lexer if set(t) <= set("();<>|&")]
    except ValueError as e:
        return f"cannot split the command: {e}"
    bad += [w for w in words if w.startswith("#") or "$" in w or "`" in w]
    if bad:
        return f"one plain command: no pipes, redirections, substitutions or comments other than a final '# exit N' ({bad[0]!r})"
    subcommand = next((w for w in words[1:] if not w.startswith("-")), "")
    if subcommand in READS_THE_CLOCK and command.exit_code != 2 and not any(w == "--as-of" or w.startswith("--as-of=") for w in words):
        return f"'sla {subcommand}' reads the clock: pin it with --as-of so the output shown stays true"
    return [binary] + words[1:]


def copy_named_folders(root, argvs, into):
    """Copies the project's top-level folders and files that the arguments name."""
    tops = set()
    for argv in argvs:
        for word in argv[1:]:
            for part in word.split("=", 1)[-1:] + [word]:
                if not part or os.path.isabs(part) or part.startswith("-"):
                    continue
                top = os.path.normpath(part).split(os.sep)[0]
                if top in ("", ".", "..") or top.startswith(".") or top.startswith("build"):
                    continue
                if os.path.exists(os.path.join(root, top)):
                    tops.add(top)
    for top in sorted(tops):
        source = os.path.join(root, top)
        if os.path.isdir(source):
            shutil.copytree(source, os.path.join(into, top), symlinks=True,
                            ignore=shutil.ignore_patterns("build*", ".git"))
        else:
            shutil.copy2(source, os.path.join(into, top))


def normalise(lines):
    out = [line.rstrip() for line in lines]
    while out and not out[-1]:
        out.pop()
    return out


def matches(expected, actual):
    """Line-by-line match where a line holding only '...' matches any run of lines."""
    n, m = len(expected), len(actual)
    # ok[i][j]: expected[i:] matches actual[j:]
    ok = [[False] * (m + 1) for _ in range(n + 1)]
    ok[n][m] = True
    for i in range(n - 1, -1, -1):
        wild = expected[i].strip() == ELLIPSIS
        for j in range(m, -1, -1):
            if wild:
                ok[i][j] = ok[i + 1][j] or (j < m and ok[i][j + 1])
            else:
                ok[i][j] = j < m and expected[i] == actual[j] and ok[i + 1][j + 1]
    return ok[0][0]


def expand(expected, actual):
    """For the diff of a failure: each '...' replaced by the actual lines it plausibly
    stands for (up to the next line shown), so the diff shows only what differs."""
    out, j = [], 0
    for i, line in enumerate(expected):
        if line.strip() != ELLIPSIS:
            out.append(line)
            if j < len(actual) and actual[j] == line:
                j += 1
            continue
        following = next((e for e in expected[i + 1:] if e.strip() != ELLIPSIS), None)
        if following is None:
            out += actual[j:]
            j = len(actual)
        elif following in actual[j:]:
            k = actual.index(following, j)
            out += actual[j:k]
            j = k
        else:
            out.append(line)
    return out


def run_block(root, binary, block, env):
    failures = []
    argvs = []
    for command in block.commands:
        argv = argv_of(command, binary)
        if isinstance(argv, str):
            failures.append(f"{command.path}:{command.line}: $ {command.text}\n  {argv}")
        argvs.append(argv)
    if failures:
        return failures
    with tempfile.TemporaryDirectory(prefix="sla-docs-") as work:
        copy_named_folders(root, argvs, work)
        for command, argv in zip(block.commands, argvs):
            try:
                done = subprocess.run(argv, cwd=work, env=env, stdin=subprocess.DEVNULL,
                                      stdout=subprocess.PIPE, stderr=subprocess.STDOUT, timeout=120)
            except subprocess.TimeoutExpired:
                failures.append(f"{command.path}:{command.line}: $ {command.text}\n  timed out")
                continue
            actual = normalise(done.stdout.decode("utf-8", "replace").split("\n"))
            expected = normalise(command.expected)
            problems = []
            if done.returncode != command.exit_code:
                problems.append(f"  exit code {done.returncode}, expected {command.exit_code}"
                                + ("" if command.exit_code else " (write '# exit N' at the end of the command line when it is not 0)"))
            if not matches(expected, actual):
                diff = difflib.unified_diff(expand(expected, actual), actual,
                                            f"expected ({command.path}:{command.line + 1})", "actual",
                                            lineterm="", n=3)
                problems.append("  output differs (each '...' of the block is shown as the lines it can stand for):\n"
                                + "\n".join("    " + d for d in diff))
            if problems:
                failures.append(f"{command.path}:{command.line}: $ {command.text}\n" + "\n".join(problems))
    return failures


def main(args):
    if len(args) not in (1, 2):
        print(__doc__.strip().split("\n\n")[1], file=sys.stderr)
        return 2
    binary = os.path.abspath(args[0])
    root = os.path.abspath(args[1] if len(args) > 1 else ".")
    if not os.access(binary, os.X_OK):
        print(f"console_examples: {binary}: not an executable", file=sys.stderr)
        return 2
    env = dict(os.environ, TZ="UTC", LC_ALL="C", NO_COLOR="1")
    problems, blocks = [], []
    for path in documents(root):
        blocks += parse(root, path, problems)
    commands = sum(len(b.commands) for b in blocks)
    for block in blocks:
        problems += run_block(root, binary, block, env)
    if not blocks:
        problems.append("no console example found in README.md and docs/*.md")
    for problem in problems:
        print(problem, end="\n\n")
    files = len({b.path for b in blocks})
    verdict = (f"{len(problems)} problem{'' if len(problems) == 1 else 's'}" if problems
               else "all pass")
    print(f"console examples: {len(blocks)} blocks, {commands} commands in {files} files: {verdict}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
