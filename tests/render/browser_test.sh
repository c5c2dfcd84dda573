#!/usr/bin/env bash
# The rendered HTML as a browser sees it: headless Chromium loads the Qiscus
# contract's page, takes a screenshot, and dumps the DOM it built; the DOM must
# hold the package table, the response tables and the coverage charts, with the
# accessibility the page promises. The GOV.UK Pay page, which uses the newer forms
# (targets on other calendars, a union calendar, relative deadlines, updates,
# ladders per priority), must show them as words, tables and charts too.
# Exit 77 (skipped) where Chromium is missing.
# Usage: browser_test.sh PATH/TO/sla SCREENSHOT.png   (run from the project root)
set -u
SLA=$1
shot=$2
browser=$(command -v chromium || command -v chromium-browser || true)
if [ -z "$browser" ]; then
  echo "SKIP: no chromium on PATH (scripts/setup.sh installs it; apt-get install chromium)"
  exit 77
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for c in qiscus-enterprise govuk-pay; do
  "$SLA" render "contracts/$c.sla" --format html --output "$tmp/$c.html" || {
    echo "FAIL: sla render contracts/$c.sla exited $?"
    exit 1
  }
done
run_browser() {  # PAGE, then Chromium's options
  local page=$1
  shift
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --no-first-run --hide-scrollbars \
    --user-data-dir="$tmp/profile" "$@" "file://$tmp/$page.html" 2>"$tmp/browser.err"
}
run_browser qiscus-enterprise --dump-dom >"$tmp/dom.html"
run_browser govuk-pay --dump-dom >"$tmp/govuk-dom.html"
if [ ! -s "$tmp/dom.html" ]; then
  # A browser that cannot start here (no namespaces, no /dev/shm) is an
  # environment problem, not a render bug.
  echo "SKIP: chromium could not run headless here:"
  tail -3 "$tmp/browser.err"
  exit 77
fi
rm -f "$shot"
run_browser qiscus-enterprise --screenshot="$shot" --window-size=1280,2000 >/dev/null
python3 - "$tmp/dom.html" "$shot" "$tmp/govuk-dom.html" <<'PY'
import re
import sys
from html.parser import HTMLParser

dom_path, shot_path, govuk_path = sys.argv[1], sys.argv[2], sys.argv[3]

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.headings, self.captions, self.svgs = [], [], [], []
        self.th_without_scope, self.external, self.text = 0, [], []
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self.headings.append(int(tag[1]))
        if tag == "th" and a.get("scope") not in ("col", "row"):
            self.th_without_scope += 1
        if tag == "svg":
            self.svgs.append({"labelledby": a.get("aria-labelledby", ""), "title": False, "desc": False})
        for key in ("src", "href"):
            if a.get(key, "").startswith(("http:", "https:", "//")):
                self.external.append(a[key])
        self.stack.append(tag)
    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop() == tag:
                break
    def handle_data(self, data):
        if not self.stack:
            return
        top = self.stack[-1]
        if "style" not in self.stack:
            self.text.append(data)
        if top == "caption":
            self.captions.append(data.strip())
        if top in ("title", "desc") and "svg" in self.stack and self.svgs and data.strip():
            self.svgs[-1][top] = True

problems = []
def need(ok, what):
    if not ok:
        problems.append(what)

def read(path, name):
    page = Page()
    page.feed(open(path, encoding="utf-8").read())
    need(page.headings.count(1) == 1, f"{name}: one h1, found {page.headings.count(1)}")
    previous = 1
    for level in page.headings:
        need(level <= previous + 1, f"{name}: heading h{level} after h{previous}")
        previous = level
    for i, svg in enumerate(page.svgs):
        need(svg["title"] and svg["desc"] and svg["labelledby"],
             f"{name}: chart {i + 1} has a title, a description and aria-labelledby")
    need(page.th_without_scope == 0, f"{name}: {page.th_without_scope} table headers without scope")
    need(not page.external, f"{name}: external resources: {page.external}")
    page.words = re.sub(r"\s+", " ", "".join(page.text))
    return page

page = read(dom_path, "Qiscus")
need("Packages and add-ons" in page.captions, "the package comparison table")
need(page.captions.count("Response times") >= 2, f"response tables: {page.captions.count('Response times')}")
need("Resolution times" in page.captions, "a resolution table")
need("Escalation" in page.captions, "an escalation table")
need(len(page.svgs) >= 3, f"coverage charts: {len(page.svgs)}")

govuk = read(govuk_path, "GOV.UK Pay")
for caption in ("Response times", "Updates while a ticket is open", "Escalation of P1 tickets",
                "Escalation of every other ticket"):
    need(caption in govuk.captions, f"GOV.UK Pay: a table captioned {caption!r}")
need(len(govuk.svgs) == 3, f"GOV.UK Pay: the package's and two other calendars' charts, found {len(govuk.svgs)}")
for words in ("Around the clock, on calendar around_the_clock",
              "Only the open hours of calendar waking_hours",
              "By the end of the next business day",
              "An update at least every 1 hour",
              "Support operates whenever one of its 2 calendars is open",
              "While the ticket is not resolved, even after a response",
              "Any ticket where kind is \u201cfeedback\u201d (any priority, or none)"):
    need(words in govuk.words, f"GOV.UK Pay: the page says {words!r}")
for wrong in ("names no", "no regular opening hours", "There is no update time", "Caution"):
    need(wrong not in govuk.words, f"GOV.UK Pay: the page says {wrong!r}")
with open(shot_path, "rb") as f:
    png = f.read()
need(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20000, f"a screenshot ({len(png)} bytes)")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print(f"ok: {len(page.svgs)} charts, {len(page.captions)} tables, screenshot {len(png)} bytes at {shot_path}; "
      f"GOV.UK Pay: {len(govuk.svgs)} charts, {len(govuk.captions)} tables")
PY
