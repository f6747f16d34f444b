#!/usr/bin/env bash
# The performance benchmark (not part of the tests; README, "Performance"). In one run: builds Release into its
# own folder, installs the Node.js echo bot's packages when missing, then measures, one server at a time and each
# pinned to core 1, the stock C# Bot Framework echo bot, the same echo bot on Node.js botbuilder, and BankingBot
# running full flows, all driven by one load generator pinned to core 0 (tools/Bench/Load). Then the intent
# recognizer's latency. Everything listens on 127.0.0.1 only; every run stops by itself (time and turn limits).
# Options are passed to the load generator, e.g. `bash build/bench.sh --seconds 3 --idle 1000` for a short run.
# Exit code: 0 when every target is met, 2 when one is not, 1 when something failed.
set -euo pipefail
cd "$(dirname "$0")/.."

for tool in dotnet node npm taskset; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "bench: $tool is needed (.NET 10 SDK, Node.js 20 with npm, util-linux)." >&2
    exit 1
  fi
done
if [ "$(nproc --all)" -lt 2 ]; then
  echo "bench: two cores are needed (servers on core 1, the load generator on core 0)." >&2
  exit 1
fi

# Its own build output (artifacts/ is ignored by git), so that it never races another build of the tree.
out="artifacts/bench"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ ! -f tools/Bench/node-echo/node_modules/botbuilder/package.json ]; then
  echo "Installing the Node.js echo bot's packages (npm, tools/Bench/node-echo)..."
  npm install --prefix tools/Bench/node-echo --no-package-lock --no-audit --no-fund --loglevel=error
fi

echo "Building Release into $out (BankingBot, tools/Bench/EchoBot, tools/Bench/Load, tools/IntentTraining)..."
for project in BankingBot tools/Bench/EchoBot tools/Bench/Load tools/IntentTraining; do
  if ! dotnet build "$project" -c Release --artifacts-path "$out" -nologo -v quiet >"$work/build.log" 2>&1; then
    grep -E "error|Error" "$work/build.log" | head -20 >&2
    echo "bench: the build of $project failed." >&2
    exit 1
  fi
done

status=0
taskset -c 0 dotnet "$out/bin/Load/release/Load.dll" bench \
  --bot "$out/bin/BankingBot/release/BankingBot.dll" \
  --stock "$out/bin/EchoBot/release/EchoBot.dll" \
  --node tools/Bench/node-echo/echo.js \
  --data "$work/bot-data" --server-core 1 "$@" || status=$?
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then
  echo "bench: the load generator failed (exit code $status)." >&2
  exit 1
fi

# The recognizer alone, on the servers' core now that they are stopped: the training tool's own benchmark
# (the shipped model on the BANKING77 test split; see tools/IntentTraining/README.md).
echo
echo "== Intent recognition (tools/IntentTraining bench, pinned to core 1) =="
if taskset -c 1 dotnet "$out/bin/IntentTraining/release/IntentTraining.dll" bench >"$work/intents.txt" 2>&1 \
  || [ -s "$work/intents.txt" ]; then
  grep -E -A1 "^Latency per utterance" "$work/intents.txt" || true
  grep -E "^(Model load|Process start to first|Accuracy|All targets|Some targets)" "$work/intents.txt" || true
else
  echo "bench: the intent benchmark failed." >&2
  status=1
fi
echo "Load average at the very end: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
