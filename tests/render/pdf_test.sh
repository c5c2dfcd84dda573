#!/usr/bin/env bash
# The printed agreement, page by page: `sla render --format pdf` prints the Qiscus
# contract through headless Chromium, and pdftotext reads each page on its own
# (-layout -f N -l N). Every page must carry the running header (the contract's
# name) and "Page N of M"; no page may end with a table's caption or its header row
# (the rows went to the next page: an orphaned header); no chart's caption may be
# on another page than its chart, and no page may begin with a chart's caption.
# The same run checks what --format pdf promises: a PDF, written in one step, never
# over the contract, with a clear error when Chromium is missing.
# Exit 77 (skipped, with the reason) where Chromium or pdftotext is missing.
# Usage: pdf_test.sh PATH/TO/sla   (run from the project root)
set -u
SLA=$1
browser=${SLA_CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}
if [ -z "$browser" ]; then
  echo "SKIP: no chromium on PATH (scripts/setup.sh installs it; apt-get install chromium)"
  exit 77
fi
if ! command -v pdftotext >/dev/null || ! command -v pdfinfo >/dev/null; then
  echo "SKIP: no pdftotext/pdfinfo on PATH (scripts/setup.sh installs them; apt-get install poppler-utils)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}

C=contracts/qiscus-enterprise.sla
"$SLA" render "$C" --format html --output "$tmp/q.html" || fail "render --format html exited $?"
if ! timeout 150 "$SLA" render "$C" --output "$tmp/q.pdf" 2>"$tmp/err"; then
  # A browser that cannot start here (no namespaces, no /dev/shm) is an
  # environment problem, not a render bug.
  if grep -q "could not print" "$tmp/err"; then
    echo "SKIP: chromium could not print here:"
    tail -3 "$tmp/err"
    exit 77
  fi
  fail "render --output q.pdf: $(head -3 "$tmp/err")"
fi
[ "$(head -c 5 "$tmp/q.pdf")" = "%PDF-" ] || fail "q.pdf is not a PDF"
ls "$tmp" | grep -q '\.tmp' && fail "a temporary file was left beside the output"

# Never over the contract, never to a terminal, and a clear word without Chromium.
cp "$C" "$tmp/c.sla"
"$SLA" render "$tmp/c.sla" --format pdf --output "$tmp/c.sla" 2>/dev/null
[ $? -eq 2 ] && cmp -s "$C" "$tmp/c.sla" || fail "render --format pdf --output CONTRACT must refuse (exit 2) and leave it"
"$SLA" render "$C" --format pdf >/dev/null 2>"$tmp/err"
[ $? -eq 2 ] && grep -q -- "--output" "$tmp/err" || fail "--format pdf without --output must ask for one"
echo old >"$tmp/kept.pdf"
SLA_CHROMIUM=/nonexistent/chromium "$SLA" render "$C" --output "$tmp/kept.pdf" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "SLA_CHROMIUM" "$tmp/err" && [ "$(cat "$tmp/kept.pdf")" = old ] ||
  fail "a missing browser must be an error (exit 1) that leaves the old output: $(cat "$tmp/err")"
PATH=/nonexistent "$SLA" render "$C" --output "$tmp/none.pdf" 2>"$tmp/err"
[ $? -eq 1 ] && grep -q "install it" "$tmp/err" && grep -q -- "--format html" "$tmp/err" &&
  [ ! -e "$tmp/none.pdf" ] || fail "no chromium on PATH must say to install it or use --format html: $(cat "$tmp/err")"

pages=$(pdfinfo "$tmp/q.pdf" | awk '/^Pages:/ { print $2 }')
[ "${pages:-0}" -ge 5 ] || fail "the Qiscus agreement should print on several pages, got ${pages:-0}"
for n in $(seq 1 "$pages"); do
  pdftotext -layout -f "$n" -l "$n" "$tmp/q.pdf" "$tmp/page-$n.txt" || fail "pdftotext page $n"
done

python3 - "$tmp" "$pages" <<'PY'
import re
import sys
from html.parser import HTMLParser

tmp, pages = sys.argv[1], int(sys.argv[2])

class Tables(HTMLParser):
    """Each table's caption and header cells, and each chart's caption."""
    def __init__(self):
        super().__init__()
        self.tables, self.charts, self.stack, self.title = [], [], [], ""
    def handle_starttag(self, tag, attrs):
        self.stack.append(tag)
        if tag == "table":
            self.tables.append({"caption": "", "heads": []})
        if tag == "th" and "thead" in self.stack:
            self.tables[-1]["heads"].append("")
        if tag == "figcaption":
            self.charts.append("")
    def handle_endtag(self, tag):
        while self.stack and self.stack.pop() != tag:
            pass
    def handle_data(self, data):
        if "caption" in self.stack and self.tables:
            self.tables[-1]["caption"] += data
        elif "th" in self.stack and "thead" in self.stack:
            self.tables[-1]["heads"][-1] += data
        elif "figcaption" in self.stack and "span" not in self.stack:
            self.charts[-1] += data
        elif self.stack and self.stack[-1] == "title" and "head" in self.stack:
            self.title += data

page = Tables()
page.feed(open(f"{tmp}/q.html", encoding="utf-8").read())
norm = lambda s: re.sub(r"\s+", " ", s).strip()
title = norm(page.title)
tables = [{"caption": norm(t["caption"]), "heads": [norm(h) for h in t["heads"]]} for t in page.tables]
charts = [norm(c) for c in page.charts]
problems = []

def body_lines(n):
    lines = [l.rstrip() for l in open(f"{tmp}/page-{n}.txt", encoding="utf-8").read().split("\n")]
    lines = [l for l in lines if l.strip() and l.strip() != "\f"]
    return lines

def is_header_row(line):
    """A line made only of one table's header cells (pdftotext -layout parts cells by 2+ spaces)."""
    cells = [norm(c) for c in re.split(r"\s{2,}", line.strip()) if c.strip()]
    if len(cells) < 2:
        return None
    for t in tables:
        heads = t["heads"]
        # A cell may wrap: its first line is a prefix of the heading.
        if all(any(h == c or h.startswith(c + " ") for h in heads) for c in cells):
            return t
    return None

checked_charts = 0
for n in range(1, pages + 1):
    lines = body_lines(n)
    text = "\n".join(lines)
    footer = f"Page {n} of {pages}"
    if footer not in text:
        problems.append(f"page {n}: no '{footer}'")
    if title not in norm(text):
        problems.append(f"page {n}: no running header '{title}'")
    body = [l for l in lines if norm(l) not in (footer, title)]
    if not body:
        continue
    last = body[-1]
    t = is_header_row(last)
    if t:
        problems.append(f"page {n} ends with the header row of table '{t['caption']}': {norm(last)!r}")
    if any(t["caption"] and norm(last) == t["caption"] for t in tables):
        problems.append(f"page {n} ends with a table caption: {norm(last)!r}")
    first = norm(body[0])
    for c in charts:
        if c and first.startswith(c):
            problems.append(f"page {n} begins with the caption of a chart printed on the page before: {c!r}")
    # Each chart on this page: its rows (Mon ... Sun) and legend above its caption.
    for i, l in enumerate(body):
        for c in charts:
            if c and norm(l).startswith(c):
                above = [norm(x) for x in body[:i]]
                if not any(x.startswith("Mon") for x in above) or not any("Closed" in x for x in above):
                    problems.append(f"page {n}: the chart captioned {c!r} is not on the page of its caption")
                checked_charts += 1

if len(charts) < 3 or checked_charts < len(charts):
    problems.append(f"found {checked_charts} of {len(charts)} chart captions in the PDF's text")
if problems:
    print("FAIL: " + "\n  ".join(problems))
    sys.exit(1)
print(f"ok: {pages} pages, each with '{title}' and 'Page N of {pages}'; no orphaned table header "
      f"among {len(tables)} tables; {checked_charts} charts on the page of their captions")
PY
