#!/usr/bin/env bash
# Runs BankingBot locally: the web chat page at http://localhost:3978/ (Web Chat talking to the bot's own
# Direct Line), the Bot Framework endpoint at http://localhost:3978/api/messages (for the Emulator), state and
# records on local disk in BankingBot/App_Data. No Azure resources are needed. Set PORT to use another port.
# The first build fetches the Web Chat bundle with npm (see BankingBot.csproj).
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v dotnet >/dev/null 2>&1; then
  echo "The .NET 10 SDK is needed: https://dotnet.microsoft.com/download" >&2
  exit 1
fi

if [ ! -f BankingBot/wwwroot/lib/webchat.js ] && ! command -v npm >/dev/null 2>&1; then
  echo "Node.js and npm are needed once, to fetch the Web Chat bundle: https://nodejs.org" >&2
  exit 1
fi

port="${PORT:-3978}"
exec dotnet run --project BankingBot -c Release --no-launch-profile -- --urls "http://localhost:${port}"
