#!/usr/bin/env bash
# Measures the language layer against Universal Dependencies gold syntax (../shared/data/ud/): UPOS accuracy
# and subject/object head F1 (score_syntax.py) on EWT test and GUM part B, which the tagger's tables never
# saw, and on the training files (EWT dev, GUM part A) for comparison. GUM's parts are fixed by document id
# (scripts/gen-language.py). Uses $NEWSEVENTS_BIN when set, else the release build.
#
#   scripts/release-build.sh && scripts/bench/language.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
UD=../shared/data/ud
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$UD/gum-cc-by-genres.conllu" "$work" <<'PY'
import hashlib, sys
source, work = sys.argv[1], sys.argv[2]
parts = {"A": open(f"{work}/gum-A.conllu", "w"), "B": open(f"{work}/gum-B.conllu", "w")}
part = "A"
for line in open(source, encoding="utf-8"):
    if line.startswith("# newdoc id ="):
        doc = line.split("=", 1)[1].strip()
        part = "B" if hashlib.md5(doc.encode()).hexdigest()[0] in "0123" else "A"
    parts[part].write(line)
PY
for gold in "$UD/en_ewt-ud-test.conllu" "$work/gum-B.conllu" "$UD/en_ewt-ud-dev.conllu" "$work/gum-A.conllu"; do
    name=$(basename "$gold" .conllu)
    awk -F'\t' 'BEGIN{OFS="\t"} /^#/ { if ($0 ~ /^# (sent_id|text)/) print; next }
      NF==10 { m = ($10 ~ /SpaceAfter=No/) ? "SpaceAfter=No" : "_"; $3=$4=$5=$6=$7=$8=$9="_"; $10=m } {print}' \
        "$gold" > "$work/$name.words"
    scripts/bench/language-cmd < "$work/$name.words" > "$work/$name.pred"
    case "$name" in en_ewt-ud-test|gum-B) seen="held out" ;; *) seen="training" ;; esac
    printf '%-16s %-9s %s\n' "$name" "$seen" "$(python3 "$UD/score_syntax.py" "$gold" "$work/$name.pred" | tail -1)"
done
