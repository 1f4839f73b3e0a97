# Shared by run.sh and kill.sh: start the published app on SQLite or PostgreSQL with one public service.
# Needs: dotnet, curl, python3, psql (PostgreSQL: PGHOST/PGPORT/PGUSER of a server where that user may create databases,
# e.g. `. /work/pgenv.sh` on the shared dev machine: 127.0.0.1:55432).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pub="${PUBLISH_DIR:-$here/out/publish}"

publish() {
  if [[ -z ${SKIP_PUBLISH:-} || ! -f $pub/web/Shishin.Web.dll ]]; then
    dotnet publish "$root/src/Shishin.Web" -c Release -o "$pub/web" --nologo -v quiet
    dotnet publish "$root/src/Shishin.Cli" -c Release -o "$pub/cli" --nologo -v quiet
  fi
}

# prepare_db sqlite|postgres DIR: sets provider and connection, migrates, creates an administrator.
prepare_db() {
  local kind="$1" dir="$2"
  if [[ $kind == sqlite ]]; then
    provider=Sqlite
    connection="Data Source=$dir/shishin.db"
  else
    provider=Postgres
    local name="bench_feedback_$(date +%s)_$$"
    psql -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-55432}" -U "${PGUSER:-shishin_owner}" -d postgres -c "CREATE DATABASE $name" >/dev/null
    connection="Host=${PGHOST:-127.0.0.1};Port=${PGPORT:-55432};Username=${PGUSER:-shishin_owner};Database=$name;Maximum Pool Size=50"
    echo "$name" >"$dir/pgdb"
  fi
  dotnet "$pub/cli/shishin.dll" db migrate --provider "$provider" --connection "$connection" >/dev/null
  printf '%s\n' "bench-$(head -c 12 /dev/urandom | base64)" |
    dotnet "$pub/cli/shishin.dll" admin create --email bench@example.jp --provider "$provider" --connection "$connection" >/dev/null
  dotnet "$pub/cli/shishin.dll" demo seed --provider "$provider" --connection "$connection" >/dev/null
}

drop_db() {
  local dir="$1"
  if [[ -f $dir/pgdb ]]; then
    psql -q -h "${PGHOST:-127.0.0.1}" -p "${PGPORT:-55432}" -U "${PGUSER:-shishin_owner}" -d postgres -c "DROP DATABASE IF EXISTS $(cat "$dir/pgdb") WITH (FORCE)" >/dev/null || true
  fi
}

# start_server DIR PORT: the app with the bench endpoint on, rate limits off; sets $server (PID) and $base.
start_server() {
  local dir="$1" port="$2"
  base="http://127.0.0.1:$port"
  (cd "$pub/web" && exec env ASPNETCORE_ENVIRONMENT=Production Database__Provider="$provider" ConnectionStrings__Shishin="$connection" \
    Urls="$base" Shishin__PublicUrl="$base/" Security__RequireHttps=false Jobs__Enabled=false Uptime__Enabled=false \
    RateLimiting__Enabled=false Feedback__RateLimit__Enabled=false Feedback__DuplicateWindow=00:00:00 Bench__Endpoints=true \
    Logging__LogLevel__Default=Warning dotnet Shishin.Web.dll >>"$dir/web.log" 2>&1) &
  server=$!
  for _ in $(seq 1 600); do curl -fs "$base/health/live" >/dev/null && return 0; sleep 0.2; done
  echo "the server did not start; see $dir/web.log" >&2
  return 1
}

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# A public demo service's key (feedback is on unless a service's settings switch it off).
service_key() { curl -fs "$base/api/v1/services?public=true&pageSize=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)["items"][0]["key"])'; }
