# Sourced by the benchmark and torture scripts: sets NEWSEVENTS_BIN to the release binary (built here) unless
# the caller set it, then makes a scratch folder `$work` that is removed on exit.
if [ -z "${NEWSEVENTS_BIN:-}" ]; then
  swift build -c release --product newsevents >/dev/null
  NEWSEVENTS_BIN="$(swift build -c release --show-bin-path)/newsevents"
fi
work="$(mktemp -d)"
