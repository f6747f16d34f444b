#!/usr/bin/env bash
# Runs BankingBot locally: the Bot Framework endpoint at http://localhost:3978/api/messages (for the
# Emulator), state and records on local disk in BankingBot/App_Data. No Azure resources are needed.
# Set PORT to use another port.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

port="${PORT:-3978}"
exec dotnet run --project BankingBot -c Release --no-launch-profile -- --urls "http://localhost:${port}"
