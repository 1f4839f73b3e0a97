#!/usr/bin/env bash
# Sign-in latency by kind of failure (issue 10, point 3): an unknown e-mail, a known account with a wrong
# password, and a locked account, 60 tries each, interleaved, against a Release build on a temporary SQLite database.
# Writes bench/signin-timing/out/summary.md. Never part of the test command.
#   bench/signin-timing/run.sh [tries]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
ROOT=$PWD
TRIES=${1:-60}
OUT=$ROOT/bench/signin-timing/out
TMP=$(mktemp -d)
mkdir -p "$OUT"
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')
DB="Data Source=$TMP/shishin.db"
PASSWORD='bench password that is long enough'
WEB_PID=
cleanup() { [[ -n $WEB_PID ]] && kill "$WEB_PID" 2>/dev/null; wait 2>/dev/null || true; rm -rf "$TMP"; }
trap cleanup EXIT

dotnet build -c Release "$ROOT/src/Shishin.Web" -o "$TMP/web" >/dev/null
dotnet build -c Release "$ROOT/src/Shishin.Cli" -o "$TMP/cli" >/dev/null
dotnet "$TMP/cli/shishin.dll" db migrate --provider Sqlite --connection "$DB" >/dev/null
for who in known locked; do
  printf '%s\n' "$PASSWORD" | dotnet "$TMP/cli/shishin.dll" admin create --provider Sqlite --connection "$DB" --email "$who@bench.example.jp" >/dev/null
done

export ASPNETCORE_ENVIRONMENT=Production Database__Provider=Sqlite ConnectionStrings__Shishin="$DB" \
  Security__RequireHttps=false RateLimiting__Enabled=false Jobs__Enabled=false Logging__LogLevel__Default=Warning \
  Shishin__PublicUrl="http://127.0.0.1:$PORT/"
(cd "$TMP" && exec dotnet "$TMP/web/Shishin.Web.dll" --urls "http://127.0.0.1:$PORT") >"$TMP/web.log" 2>&1 &
WEB_PID=$!
for _ in $(seq 1 120); do curl -fsS "http://127.0.0.1:$PORT/health/live" >/dev/null 2>&1 && break; sleep 0.5; done

python3 "$ROOT/bench/signin-timing/measure.py" "http://127.0.0.1:$PORT" "$TRIES" "$PASSWORD" | tee "$OUT/summary.md"
