#!/usr/bin/env bash
# The development sets split by a fixed rule into a tuning part A and a check part B, each scored on its own,
# so that a rule can be kept only when B does not drop. The rule: part B holds the records whose id's MD5
# starts with a hex digit 8-f (the article id for the entity and cyber sets, the sentence id for the PLOVER
# sentences). Uses $NEWSEVENTS_BIN when set, else the release build.
#
#   scripts/release-build.sh && scripts/bench/ab.sh            # all four sets
#   scripts/bench/ab.sh events | entities | cyber | dates     # one set
set -euo pipefail
cd "$(dirname "$0")/../.."
BENCH=../shared/benchmarks
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
split() { # split GOLD.jsonl into $work/NAME-A.jsonl and $work/NAME-B.jsonl by the id's MD5
    python3 - "$1" "$work/$2" <<'PY'
import hashlib, json, sys
source, prefix = sys.argv[1], sys.argv[2]
parts = {"A": open(prefix + "-A.jsonl", "w"), "B": open(prefix + "-B.jsonl", "w")}
for line in open(source, encoding="utf-8"):
    if line.strip():
        record = json.loads(line)
        key = str(record.get("id") or record.get("article_id") or record.get("doc_id"))
        parts["B" if hashlib.md5(key.encode()).hexdigest()[0] in "89abcdef" else "A"].write(line)
PY
}
sets=("${@:-events entities cyber dates}")
for set in ${sets[@]}; do
    case "$set" in
    events)
        split "$BENCH/events/dev.jsonl" events
        for part in A B; do
            n=$(wc -l < "$work/events-$part.jsonl")
            python3 "$BENCH/events/score.py" --gold "$work/events-$part.jsonl" --cmd scripts/bench/events-cmd --jobs 2 \
                --json "$work/events-$part.json" > /dev/null
            python3 - "$work/events-$part.json" "$part" "$n" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
def get(*names):
    for name in names:
        if name in m: return m[name]
    return float("nan")
print(f"events   part {sys.argv[2]} ({sys.argv[3]} sentences): type {get('type_accuracy'):.3f} dyad {get('dyad_accuracy'):.3f} "
      f"full {get('full_accuracy'):.3f} precision {json.dumps(get('event_precision'))}")
PY
        done ;;
    entities|cyber)
        dir="$BENCH/$set"
        gold="$dir/gold_dev.jsonl"
        [ "$set" = entities ] && score="$dir/score.py" || score="$BENCH/entities/score.py"
        python3 "$score" input "$gold" "$dir/texts" > "$work/$set-input.jsonl"
        scripts/bench/entities-cmd < "$work/$set-input.jsonl" > "$work/$set-pred.jsonl"
        split "$gold" "$set"
        for part in A B; do
            n=$(wc -l < "$work/$set-$part.jsonl")
            python3 "$score" "$work/$set-$part.jsonl" "$work/$set-pred.jsonl" --json "$work/$set-$part.json" > /dev/null
            python3 - "$work/$set-$part.json" "$set" "$part" "$n" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))["scores"]
def f(name):
    v = m[name]
    return f"{name} F1 {v['f1']:.3f} (P {v['precision']:.3f} R {v['recall']:.3f})"
print(f"{sys.argv[2]:8} part {sys.argv[3]} ({sys.argv[4]} articles): " + "; ".join(f(k) for k in ("events_strict_root", "groups", "officials", "officials_affiliation", "countries", "dates")))
PY
        done ;;
    dates)
        # The hand-made sentences of the benchmark and our own newswire-style ones (Tests/Data: the set the rules
        # were written against, and the check set written after them), each split in two.
        for source in "$BENCH/dates/handmade.jsonl" Tests/Data/dates-newswire.jsonl Tests/Data/dates-newswire-check.jsonl; do
            name=$(basename "$source" .jsonl)
            split "$source" "$name"
            for part in A B; do
                n=$(wc -l < "$work/$name-$part.jsonl")
                python3 "$BENCH/dates/score.py" "$work/$name-$part.jsonl" --cmd scripts/bench/dates-cmd --jobs 2 \
                    --json "$work/$name-$part.json" > /dev/null
                python3 - "$work/$name-$part.json" "$name" "$part" "$n" <<'PY'
import json, sys
m = json.load(open(sys.argv[1]))
a, d = m["all"], m["date"]
print(f"dates    {sys.argv[2]} part {sys.argv[3]} ({sys.argv[4]} sentences): value F1 {a['value_f1']:.3f} "
      f"(strict F1 {a['strict_f1']:.3f}, relaxed {a['relaxed_f1']:.3f}, type acc {a['type_acc']:.3f}); "
      f"DATE value F1 {d['value_f1']:.3f}, relaxed {d['relaxed_f1']:.3f}")
PY
            done
        done ;;
    *) echo "ab.sh: unknown set '$set' (events, entities, cyber, dates)" >&2; exit 64 ;;
    esac
done
