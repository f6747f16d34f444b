#!/usr/bin/env bash
# Runs every test of BankingBot. Installs what the tests need when it is missing, so a fresh clone needs
# nothing else: npm installs Azurite into build/node, and the .NET SDK restores the NuGet packages (the
# placeholder feed is built before restore).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

# Local services and clients the tests start, from npm into build/node: Azurite (Blob Storage), and
# playwright-core, which drives Debian's Chromium for the web chat and card tests (with adaptivecards, ajv
# and markdown-it for the cards), and the Microsoft 365 Agents Playground (a local Teams) for the Teams smoke test.
if [ ! -x build/node/node_modules/.bin/azurite-blob ] \
  || [ ! -f build/node/node_modules/playwright-core/package.json ] \
  || [ ! -f build/node/node_modules/adaptivecards/package.json ] \
  || [ ! -f build/node/node_modules/@microsoft/m365agentsplayground/cli.js ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js and npm are needed to install the tests' local services." >&2
    exit 1
  fi
  echo "Installing the tests' local services (npm, build/node)..."
  npm install --prefix build/node --no-audit --no-fund --loglevel=error
fi

# Headless Chromium for the web chat and card tests: Debian's package, never a browser that a tool downloads itself.
if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium for the web chat tests (apt)..."
  as_root=""
  if [ "$(id -u)" -ne 0 ]; then as_root="sudo"; fi
  $as_root apt-get update -q && $as_root apt-get install -y -q chromium
fi

results="$(mktemp -d)"
trap 'rm -rf "$results"' EXIT
status=0
dotnet test BankingBot.sln -c Release --logger "console;verbosity=minimal" 2>&1 | tee "$results/out.txt" || status=$?

# One plain closing line for CI: "N passed, N failed".
passed=$(grep -Eo 'Passed: +[0-9]+' "$results/out.txt" | awk '{s+=$2} END {print s+0}')
failed=$(grep -Eo 'Failed: +[0-9]+' "$results/out.txt" | awk '{s+=$2} END {print s+0}')
echo "tests: ${passed} passed, ${failed} failed"
if [ "$status" -ne 0 ] || [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then
  exit 1
fi
