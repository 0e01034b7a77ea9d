#!/usr/bin/env bash
# The release build, as every script makes it: `swift build -c release --static-swift-stdlib` with the arguments
# given (e.g. `--product newsevents`, `--show-bin-path`). The Swift runtime and Foundation are linked into the
# binary (with the link flags Package.swift sets for release builds): it runs where no Swift toolchain is
# installed, and a start loads no Swift library (scripts/bench/startup.sh measures it). Building release without
# the flag works too, but makes a binary that needs the toolchain's libraries, and switching between the two
# rebuilds every module.
set -euo pipefail
cd "$(dirname "$0")/.."
exec swift build -c release --static-swift-stdlib "$@"
