# Sourced by the benchmark and torture scripts: sets NEWSEVENTS_BIN to the release binary (built here) unless
# the caller set it, then makes a scratch folder `$work` that is removed on exit.
if [ -z "${NEWSEVENTS_BIN:-}" ]; then
  scripts/release-build.sh --product newsevents >/dev/null
  NEWSEVENTS_BIN="$(scripts/release-build.sh --show-bin-path)/newsevents"
fi
work="$(mktemp -d)"
