#!/usr/bin/env bash
# Brings the word lists of documents (tools/wording/lang/*.po) up to date with the
# code, the way gettext projects do: every phrase the document code says through
# say("...") is extracted into tools/wording/lang/sla.pot (xgettext), then merged
# into each language's list (msgmerge): new phrases arrive with an empty msgstr for
# the translator, phrases the code no longer says are kept as obsolete (#~).
#
#   scripts/update-wording.sh           update the lists
#   scripts/update-wording.sh --check   change nothing; exit 1 naming every phrase a
#                                       list lacks (CI runs this)
# Needs gettext (scripts/setup.sh installs it).
set -euo pipefail
cd "$(dirname "$0")/.."
lang=tools/wording/lang
sources=$(find tools/document -name '*.cpp' | sort)
pot=$(mktemp --suffix=.pot)
trap 'rm -f "$pot"' EXIT
# say() is the one keyword; its first argument is the phrase. --no-location keeps
# the lists stable when code moves between lines.
xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=say:1 --no-wrap --no-location \
  --sort-output --package-name=sla --omit-header -o "$pot" $sources

if [[ "${1:-}" == "--check" ]]; then
  status=0
  for po in "$lang"/*.po; do
    # msgcmp: every msgid of the template must have a translation in the list.
    if ! out=$(msgcmp --use-untranslated "$po" "$pot" 2>&1); then
      echo "$po lacks phrases the code says (run scripts/update-wording.sh, then translate):"
      echo "$out" | grep -o 'this message is used but not defined.*\|msgid.*' | head -50
      status=1
    fi
    if ! out=$(msgcmp "$po" "$pot" 2>&1); then
      echo "$po has untranslated phrases:"
      echo "$out" | head -50
      status=1
    fi
  done
  exit $status
fi
cp "$pot" "$lang/sla.pot"
for po in "$lang"/*.po; do
  msgmerge --quiet --update --backup=none --no-wrap --no-location --sort-output "$po" "$lang/sla.pot"
done
echo "updated: $lang/sla.pot and $(ls "$lang"/*.po | wc -l) list(s)"
