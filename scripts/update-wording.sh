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
command -v xgettext >/dev/null || { echo "update-wording.sh: xgettext is missing (gettext; scripts/setup.sh installs it)" >&2; exit 2; }
pot=$(mktemp --suffix=.pot)
copies=$(mktemp -d)
trap 'rm -rf "$pot" "$copies"' EXIT
# The code writes typographic characters as escapes ("\u2019"), which xgettext does
# not decode: the phrases are read from copies with the escapes decoded to UTF-8,
# so that each msgid is the phrase the code says at run time.
for f in $(find tools/document -name '*.cpp' | sort); do
  mkdir -p "$copies/$(dirname "$f")"
  perl -CSD -pe 's/\\u([0-9a-fA-F]{4})/chr(hex($1))/ge' "$f" >"$copies/$f"
done
sources=$(cd "$copies" && find tools/document -name '*.cpp' | sort)
# say() is the one keyword; its first argument is the phrase; a "TRANSLATORS:" comment
# before it goes to the translator. --no-location keeps the lists stable when code
# moves between lines. The header stays (without it xgettext writes ASCII and drops
# every other character), less its creation date, which would change on every run.
(cd "$copies" && xgettext --language=C++ --from-code=UTF-8 --keyword= --keyword=say:1 \
  --add-comments=TRANSLATORS: --no-wrap --no-location --sort-output --package-name=sla \
  -o "$pot" $sources)
sed -i -e '/^"POT-Creation-Date:/d' -e 's/charset=CHARSET/charset=UTF-8/' "$pot"
# Every list names its language in two entries of its own (tools/wording/wording.cpp).
cat >>"$pot" <<'NAMES'

#. The language's name in English: "Indonesian".
msgid "@language-name"
msgstr ""

#. The language's name in itself: "Bahasa Indonesia".
msgid "@native-name"
msgstr ""
NAMES

if [[ "${1:-}" == "--check" ]]; then
  status=0
  for po in "$lang"/*.po; do
    # msgcmp: every msgid of the template must have a translation in the list; it
    # names each one by its line in the template, so the phrase is printed from there.
    if ! out=$(msgcmp "$po" "$pot" 2>&1); then
      echo "$po lacks the wording of phrases the code says (run scripts/update-wording.sh, then translate them):"
      # "FILE:LINE: this message is used but not defined" (FILE the template) or
      # "...: this message is untranslated" (FILE the list): the msgid is at that line.
      echo "$out" | sed -n 's/^\(.*\):\([0-9]*\): this message is \(used but not defined\|untranslated\).*/\1 \2/p' |
        while read -r file line; do sed -n "$((line > 1 ? line - 1 : 1)),${line}p" "$file" | grep "^msgid" | sed "s/^/  /"; done
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
