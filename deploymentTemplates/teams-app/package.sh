#!/usr/bin/env bash
# Builds the Teams app package: the manifest with the bot's Microsoft Entra app id (MicrosoftAppId) in place of
# {{BOT_APP_ID}}, and the two icons, zipped flat as Teams wants them.
#   bash deploymentTemplates/teams-app/package.sh <bot-app-id> [output.zip]
# The default output is artifacts/teams-app/bankingbot-teams.zip. Upload it in Teams (Apps > Manage your apps >
# Upload an app), or have an admin publish it to the organisation in the Teams admin center.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
app_id="${1:-}"
if ! [[ "$app_id" =~ ^[0-9a-fA-F]{8}-([0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}$ ]]; then
  echo "usage: package.sh <bot-app-id (a GUID)> [output.zip]" >&2
  exit 2
fi
out="${2:-$here/../../artifacts/teams-app/bankingbot-teams.zip}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
sed "s/{{BOT_APP_ID}}/$app_id/g" "$here/manifest.json" > "$work/manifest.json"
cp "$here/color.png" "$here/outline.png" "$work/"
mkdir -p "$(dirname "$out")"
out="$(cd "$(dirname "$out")" && pwd)/$(basename "$out")"
rm -f "$out"
if command -v zip >/dev/null 2>&1; then
  (cd "$work" && zip -q -X "$out" manifest.json color.png outline.png)
else
  (cd "$work" && python3 -c 'import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    [z.write(name) for name in ("manifest.json", "color.png", "outline.png")]' "$out")
fi
echo "$out"
