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

# Local services the tests start: Azurite (Blob Storage), from npm into build/node.
if [ ! -x build/node/node_modules/.bin/azurite-blob ]; then
  if ! command -v npm >/dev/null 2>&1; then
    echo "Node.js and npm are needed to install the tests' local services." >&2
    exit 1
  fi
  echo "Installing the tests' local services (npm, build/node)..."
  npm install --prefix build/node --no-audit --no-fund --loglevel=error
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
