#!/usr/bin/env bash
# The rendered HTML as a browser sees it: headless Chromium loads the Qiscus
# contract's page, takes a screenshot, and dumps the DOM it built; the DOM must
# hold the package table, the response tables and the coverage charts, with the
# accessibility the page promises. Exit 77 (skipped) where Chromium is missing.
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
"$SLA" render contracts/qiscus-enterprise.sla --format html --output "$tmp/qiscus.html" || {
  echo "FAIL: sla render exited $?"
  exit 1
}
run_browser() {
  timeout 90 "$browser" --headless --no-sandbox --disable-gpu --disable-dev-shm-usage \
    --disable-background-networking --no-first-run --hide-scrollbars \
    --user-data-dir="$tmp/profile" "$@" "file://$tmp/qiscus.html" 2>"$tmp/browser.err"
}
run_browser --dump-dom >"$tmp/dom.html"
if [ ! -s "$tmp/dom.html" ]; then
  # A browser that cannot start here (no namespaces, no /dev/shm) is an
  # environment problem, not a render bug.
  echo "SKIP: chromium could not run headless here:"
  tail -3 "$tmp/browser.err"
  exit 77
fi
rm -f "$shot"
run_browser --screenshot="$shot" --window-size=1280,2000 >/dev/null
python3 - "$tmp/dom.html" "$shot" <<'PY'
import sys
from html.parser import HTMLParser

dom_path, shot_path = sys.argv[1], sys.argv[2]

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.headings, self.captions, self.svgs = [], [], [], []
        self.th_without_scope, self.external, self.text = 0, [], {}
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
        if top == "caption":
            self.captions.append(data.strip())
        if top in ("title", "desc") and "svg" in self.stack and self.svgs and data.strip():
            self.svgs[-1][top] = True

page = Page()
page.feed(open(dom_path, encoding="utf-8").read())
problems = []
def need(ok, what):
    if not ok:
        problems.append(what)

need(page.headings.count(1) == 1, f"one h1, found {page.headings.count(1)}")
previous = 1
for level in page.headings:
    need(level <= previous + 1, f"heading h{level} after h{previous}")
    previous = level
need("Packages and add-ons" in page.captions, "the package comparison table")
need(page.captions.count("Response times") >= 2, f"response tables: {page.captions.count('Response times')}")
need("Resolution times" in page.captions, "a resolution table")
need("Escalation" in page.captions, "an escalation table")
need(len(page.svgs) >= 3, f"coverage charts: {len(page.svgs)}")
for i, svg in enumerate(page.svgs):
    need(svg["title"] and svg["desc"] and svg["labelledby"], f"chart {i + 1} has a title, a description and aria-labelledby")
need(page.th_without_scope == 0, f"{page.th_without_scope} table headers without scope")
need(not page.external, f"external resources: {page.external}")
with open(shot_path, "rb") as f:
    png = f.read()
need(png[:8] == b"\x89PNG\r\n\x1a\n" and len(png) > 20000, f"a screenshot ({len(png)} bytes)")
if problems:
    print("FAIL: " + "; ".join(problems))
    sys.exit(1)
print(f"ok: {len(page.svgs)} charts, {len(page.captions)} tables, screenshot {len(png)} bytes at {shot_path}")
PY
