#!/usr/bin/env bash
# Durability under SIGKILL (issue 15): sends feedback under load, SIGKILLs the server mid-run, restarts it, and checks
# that every id answered 202 is in the database. Prints acknowledged vs stored (they must be equal) per database.
# Usage: bench/feedback/kill.sh [sqlite|postgres|both]   Env: RUN_SECONDS (12), KILL_AFTER (8), CONNECTIONS (32), SKIP_PUBLISH=1.
set -euo pipefail
. "$(dirname "$0")/common.sh"
run_seconds="${RUN_SECONDS:-12}"; kill_after="${KILL_AFTER:-8}"; connections="${CONNECTIONS:-32}"
publish
status=0
for kind in $([[ ${1:-both} == both ]] && echo sqlite postgres || echo "$1"); do
  dir="$(mktemp -d)"
  prepare_db "$kind" "$dir"
  port="$(free_port)"
  start_server "$dir" "$port"
  key="$(service_key)"
  python3 "$here/kill_client.py" "$base" "$key" "$dir/acknowledged.txt" "$run_seconds" "$connections" >"$dir/client.json" &
  client=$!
  sleep "$kill_after"
  kill -KILL "$server"
  wait "$server" 2>/dev/null || true
  wait "$client"
  start_server "$dir" "$port"   # the restart: SQLite replays its WAL, PostgreSQL its log
  kill "$server"; wait "$server" 2>/dev/null || true
  if [[ $kind == sqlite ]]; then
    sqlite3 "$dir/shishin.db" 'SELECT lower("Id") FROM "Feedback";' >"$dir/stored.txt"
  else
    psql -qAt -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-55432}" -U "${PGUSER:-shishin_owner}" -d "$(cat "$dir/pgdb")" \
      -c 'SELECT lower("Id"::text) FROM "Feedback";' >"$dir/stored.txt"
  fi
  python3 - "$kind" "$dir/acknowledged.txt" "$dir/stored.txt" "$dir/client.json" <<'PY' || status=1
import json, sys
kind, acknowledged_path, stored_path, client_path = sys.argv[1:]
acknowledged = {l.strip().lower() for l in open(acknowledged_path) if l.strip()}
stored = {l.strip().lower() for l in open(stored_path) if l.strip()}
lost = acknowledged - stored
client = json.load(open(client_path))
print(f"{kind}: acknowledged {len(acknowledged)}, of them stored {len(acknowledged & stored)}, lost {len(lost)} "
      f"(rows in the table {len(stored)}; requests sent {client['sent']}, other answers {client['other']}, connection errors {client['errors']})")
sys.exit(1 if lost or not acknowledged else 0)
PY
  drop_db "$dir"
done
exit $status
