#!/usr/bin/env bash
# Photographs the header of a throwaway Shishin instance (fresh SQLite database, Development settings) for docs/images/.
#   scripts/screenshots/nav.sh docs/images/nav-375-after.png 375 [open]
# Not part of the tests: the browser tests check the layout; this only makes the pictures the docs show.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$(realpath -m "$1")"; width="${2:-375}"; open="${3:-}"
data="$(mktemp -d)"
port=5391
export SHISHIN_URL="http://127.0.0.1:$port/"
dotnet build "$root/src/Shishin.Web" -v q -nologo >/dev/null
ASPNETCORE_ENVIRONMENT=Development ConnectionStrings__Shishin="Data Source=$data/shishin.db" Jobs__Enabled=false \
  Shishin__PublicUrl="$SHISHIN_URL" Urls="$SHISHIN_URL" \
  bash -c 'cd "$1/src/Shishin.Web" && exec dotnet bin/Debug/net10.0/Shishin.Web.dll' _ "$root" >"$data/server.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -fsS "${SHISHIN_URL}health/live" >/dev/null 2>&1 && break; sleep 1; done
dotnet run "$root/scripts/screenshots/nav.cs" -- "$out" "$width" $open
