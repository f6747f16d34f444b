#!/usr/bin/env bash
# The load command (README, "Load"; not part of the tests): builds Release into artifacts/load, starts the bot on a
# free 127.0.0.1 port with local-disk storage, and runs many banking journeys at once through it (tools/Bench/Load
# soak). Bounded in journeys and time; traffic stays on this machine.
# Usage: bash build/load.sh [concurrency=200] [journeys=5000] [seconds=300]
set -euo pipefail
cd "$(dirname "$0")/.."
concurrency="${1:-200}"
journeys="${2:-5000}"
seconds="${3:-300}"
for value in "$concurrency" "$journeys" "$seconds"; do
  if ! [[ "$value" =~ ^[1-9][0-9]{0,6}$ ]]; then
    echo "load: concurrency, journeys and seconds are whole numbers of at least 1, not '$value'." >&2
    echo "Usage: bash build/load.sh [concurrency=200] [journeys=5000] [seconds=300]" >&2
    exit 1
  fi
done
out="artifacts/load"
mkdir -p artifacts
for project in BankingBot tools/Bench/Load; do
  if ! dotnet build "$project" -c Release --artifacts-path "$out" -nologo -v quiet >"$out.build.log" 2>&1; then
    grep -E "error" "$out.build.log" | head -20 >&2
    exit 1
  fi
done
exec dotnet "$out/bin/Load/release/Load.dll" soak "$(pwd)/$out/bin/BankingBot/release/BankingBot.dll" \
  "$concurrency" "$journeys" "$seconds"
