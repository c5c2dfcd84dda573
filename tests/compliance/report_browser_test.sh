#!/usr/bin/env bash
# The compliance report's HTML as a browser shows and prints it: `sla report` on a
# generated month of Qiscus tickets (premium with the resolution add-on), and the
# hand-built sample report, which has every section (credits, the desk's figures,
# an at-risk queue). Headless Chromium loads each page and dumps the DOM it built:
# it must hold the report's tables (by caption) and its three charts, each an <svg
# role="img"> with a title and a description, and nothing from elsewhere. A
# screenshot of `sla report`'s page must be a PNG with something drawn on it
# (decoded here: many colours, not all white), and the sample printed to PDF must
# show every heading and caption to pdftotext, every page with its "Page N of M".
# Exit 77 (skipped) where Chromium is missing, or cannot run here.
# Usage: report_browser_test.sh PATH/TO/sla MAKE_SAMPLE SCREENSHOT.png   (from the project root)
#   MAKE_SAMPLE OUT.html writes the sample report.
set -u
SLA=$1
make_report=$2
shot=$3
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: no chromium on PATH (scripts/setup.sh installs it; apt-get install chromium)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() {
  echo "FAIL: $*"
  exit 1
}
"$make_report" "$tmp/sample.html" || fail "$make_report exited $?"
python3 tests/compliance/generate_tickets.py >"$tmp/tickets.csv" || fail "generate_tickets.py"
"$SLA" report contracts/qiscus-enterprise.sla --package premium --addon resolution \
  --from 2026-01-01 --to 2026-01-31 --as-of 2026-02-02T09:30:00+07:00 \
  --output "$tmp/report.html" "$tmp/tickets.csv" || fail "sla report exited $?"

run_browser() {  # PAGE, then Chromium's options
  local page=$1
  shift
  timeout 120 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --no-first-run --hide-scrollbars \
    --user-data-dir="$tmp/profile" "$@" "file://$tmp/$page.html" 2>"$tmp/browser.err"
}
run_browser report --dump-dom >"$tmp/dom.html"
run_browser sample --dump-dom >"$tmp/sample-dom.html"
if [ ! -s "$tmp/dom.html" ]; then
  # A browser that cannot start here (no namespaces, no /dev/shm) is an
  # environment problem, not a report bug.
  echo "SKIP: chromium could not run headless here:"
  tail -3 "$tmp/browser.err"
  exit 77
fi
rm -f "$shot"
run_browser report --screenshot="$shot" --window-size=1280,2000 >/dev/null
pdf=""
if command -v pdftotext >/dev/null; then
  run_browser sample --no-pdf-header-footer --print-to-pdf="$tmp/report.pdf" >/dev/null
  [ "$(head -c 5 "$tmp/report.pdf" 2>/dev/null)" = "%PDF-" ] || fail "no PDF printed"
  pdftotext -layout "$tmp/report.pdf" "$tmp/report.txt" || fail "pdftotext exited $?"
  pdf=$tmp/report.txt
else
  echo "note: no pdftotext on PATH (apt-get install poppler-utils): the printed PDF is not read"
fi

python3 - "$tmp/dom.html" "$tmp/sample-dom.html" "$shot" "$pdf" <<'PY'
import re
import struct
import sys
import zlib
from html.parser import HTMLParser

dom_path, sample_path, shot_path, pdf_text_path = sys.argv[1:5]
problems = []


def need(ok, what):
    if not ok:
        problems.append(what)


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.headings, self.captions, self.svgs = [], [], [], []
        self.external, self.scripts, self.th_without_scope = [], 0, 0
        self.heading_text = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if re.fullmatch(r"h[1-6]", tag):
            self.headings.append(int(tag[1]))
            self.heading_text.append("")
        if tag == "script":
            self.scripts += 1
        if tag == "th" and a.get("scope") not in ("col", "row"):
            self.th_without_scope += 1
        if tag == "svg":
            self.svgs.append({"role": a.get("role"), "labelledby": a.get("aria-labelledby", ""),
                              "class": a.get("class", ""), "title": "", "desc": ""})
        for key in ("src", "href", "xlink:href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        if "url(http" in a.get("style", "") or "url(//" in a.get("style", ""):
            self.external.append(a["style"])
        self.stack.append(tag)

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop() == tag:
                break

    def handle_data(self, data):
        if not self.stack:
            return
        top = self.stack[-1]
        if top == "caption":
            self.captions.append(data.strip())
        if re.fullmatch(r"h[1-6]", top):
            self.heading_text[-1] += data
        if top in ("title", "desc") and "svg" in self.stack and self.svgs:
            # The chart's own title and description, not a bar's tooltip.
            if self.stack[-2] == "svg":
                self.svgs[-1][top] += data


def read(path, name, captions):
    page = Page()
    page.feed(open(path, encoding="utf-8").read())
    need(page.headings.count(1) == 1, f"{name}: one h1, found {page.headings.count(1)}")
    previous = 1
    for level in page.headings:
        need(level <= previous + 1, f"{name}: heading h{level} after h{previous}")
        previous = level
    need(page.scripts == 0, f"{name}: {page.scripts} scripts")
    need(not page.external, f"{name}: external resources: {page.external}")
    need(page.th_without_scope == 0, f"{name}: {page.th_without_scope} table headers without scope")
    classes = [s["class"] for s in page.svgs]
    need(classes == ["compliance", "times", "trend"],
         f"{name}: the compliance, time and trend charts, found {classes}")
    for s in page.svgs:
        need(s["role"] == "img" and s["title"].strip() and s["desc"].strip() and s["labelledby"],
             f"{name}: chart {s['class']}: role=img, a title, a description and aria-labelledby")
    for c in captions:
        need(c in page.captions, f"{name}: a table captioned {c!r} (found {page.captions})")
    return page


common = ["Compliance per kind of target", "Rows read", "Tickets per priority and target",
          "Time taken per priority and target", "Tickets and compliance per week",
          "Worst breaches"]
page = read(dom_path, "sla report", common)
captions = common + ["Rows that could not be evaluated", "Targets at risk", "Credit statement",
                     "Where the desk and the contract disagree"]
sample = read(sample_path, "sample", captions)
headings = [re.sub(r"\s+", " ", h).strip() for h in sample.heading_text]

# The screenshot: a PNG of the window's size, decoded (8-bit RGB or RGBA, no
# interlace, as Chromium writes them) to see that the page was drawn.
png = open(shot_path, "rb").read()
need(png[:8] == b"\x89PNG\r\n\x1a\n", "the screenshot is a PNG")
width = height = 0
if png[:8] == b"\x89PNG\r\n\x1a\n":
    pos, idat, header = 8, b"", None
    while pos < len(png):
        length, kind = struct.unpack(">I4s", png[pos:pos + 8])
        data = png[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = struct.unpack(">IIBBBBB", data)
        elif kind == b"IDAT":
            idat += data
        pos += 12 + length
    width, height, depth, colour, _, _, interlace = header
    need((width, height) == (1280, 2000), f"a 1280x2000 screenshot, got {width}x{height}")
    if depth == 8 and colour in (2, 6) and interlace == 0:
        bpp = 3 if colour == 2 else 4
        raw = zlib.decompress(idat)
        stride = width * bpp
        colours, ink, prev = set(), 0, bytearray(stride)
        for y in range(height):
            f = raw[y * (stride + 1)]
            line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
            if f == 1:
                for i in range(bpp, stride):
                    line[i] = (line[i] + line[i - bpp]) & 0xFF
            elif f == 2:
                line = bytearray((a + b) & 0xFF for a, b in zip(line, prev))
            elif f == 3:
                for i in range(stride):
                    left = line[i - bpp] if i >= bpp else 0
                    line[i] = (line[i] + ((left + prev[i]) >> 1)) & 0xFF
            elif f == 4:
                for i in range(stride):
                    a = line[i - bpp] if i >= bpp else 0
                    b, c = prev[i], prev[i - bpp] if i >= bpp else 0
                    p = a + b - c
                    pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                    line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
            prev = line
            if y % 4:
                continue  # every fourth row is enough to see what was drawn
            for x in range(0, stride, bpp * 2):
                px = bytes(line[x:x + 3])
                colours.add(px)
                if px != b"\xff\xff\xff":
                    ink += 1
        sampled = (height // 4) * (width // 2)
        need(len(colours) >= 32, f"a drawn page has many colours, the screenshot has {len(colours)}")
        need(ink / sampled > 0.03, f"a drawn page is not all white: {ink / sampled:.1%} ink")
        print(f"screenshot: {width}x{height}, {len(colours)} colours, {ink / sampled:.1%} not white")

# The printed PDF: the headings and captions, every page numbered.
if pdf_text_path:
    text = open(pdf_text_path, encoding="utf-8").read()
    flat = re.sub(r"\s+", " ", text)
    for h in ["SLA compliance report", "Summary", "Compliance per priority and target",
              "Trend per week", "Worst offenders", "At-risk queue", "Service credits"] + captions:
        need(h in flat, f"the PDF says {h!r}")
    pages = [re.sub(r"\s+", " ", p) for p in text.split("\f") if p.strip()]
    for n, page_text in enumerate(pages, 1):
        need(f"Page {n} of {len(pages)}" in page_text,
             f"the PDF's page {n} says 'Page {n} of {len(pages)}'")
        # A chart is never split from its caption: its key and its caption on one page.
        for key, caption in (("100 %: every target met", "Compliance per priority and target: the share"),
                             ("Tickets created", "Compliance of the tickets created in each")):
            if caption in page_text:
                need(key in page_text, f"page {n}: the chart captioned {caption!r} is on another page")
    for n, raw in enumerate(text.split("\f"), 1):
        # No page ends with a table's caption (and a header row): its rows went overleaf.
        lines = [l.strip() for l in raw.split("\n") if l.strip() and "Page " not in l]
        for c in captions:
            need(not any(re.sub(r"\s+", " ", l) == c for l in lines[-3:]),
                 f"page {n} ends with the caption {c!r} and no rows")
    print(f"pdf: {len(pages)} pages")

if problems:
    print("FAIL: " + "\n  ".join(problems))
    sys.exit(1)
print(f"ok: sla report: {len(page.svgs)} charts, {len(page.captions)} tables; sample: "
      f"{len(sample.captions)} tables, headings {headings}; screenshot at {shot_path}")
PY
