#!/usr/bin/env bash
# Runs the whole Shishin test suite: `scripts/test.sh [extra dotnet test args]`.
#
# - Checks prerequisites: .NET SDK 10, Chromium, PostgreSQL server binaries and a
#   CJK font. When run as root on Debian/Ubuntu, missing system packages are
#   installed with apt-get; otherwise the script says what to install and exits 2.
# - Starts a throwaway PostgreSQL cluster on a free 127.0.0.1 port (removed again
#   on exit, whatever happens) with two roles, as in production (docs/postgresql.md): shishin_owner (CREATEDB; creates
#   and migrates each test database) and shishin_app (LOGIN only; the application under test). It exports
#   SHISHIN_TEST_POSTGRES (the owner) and SHISHIN_TEST_POSTGRES_APP (the application role), SHISHIN_BROWSER (the full Chromium, for the UI
#   tests) and SHISHIN_TEST_SCAN_BROWSER (Debian's chromium-headless-shell, which the scanner prefers; the axe tests run on it too).
# - Installs the test tools of tests/tools with npm ci (the SARIF multitool) and exports
#   SHISHIN_TEST_SARIF_MULTITOOL.
# - Builds Shishin.slnx once, then runs `dotnet test --no-build` on the test projects in two lanes side by side, with
#   TRX logging into ./TestResults: the browser and web tests in one, the scanner, core and CLI tests in the other, each
#   lane's projects one after another (all share the PostgreSQL server). Each output line is
#   prefixed with its project's name. Prints a per-project summary and, as the very last line,
#   `tests: N passed, N failed`. Extra arguments go to every `dotnet test` (the build is the default, Debug).
# - Exits with the first failing dotnet test's status (1 if no test executed at all).
#
# Debugging switch:
#   SHISHIN_TEST_DRY_RUN=1 scripts/test.sh [psql args]
#     only checks the PostgreSQL prerequisites, starts the throwaway cluster and
#     runs `psql "host=127.0.0.1 port=$PORT user=postgres" -c 'select version()'`
#     (plus any extra arguments, e.g. -c 'select 1/0' to see a failure) instead of
#     `dotnet test`; exits with psql's status. dotnet and Chromium are not needed.
#   SHISHIN_TEST_SERIAL=1 scripts/test.sh
#     runs the test projects one after another in one lane (slower; for a failure that might come from the load).
#
# Optional: SHISHIN_BROWSER and SHISHIN_TEST_SCAN_BROWSER may be preset to the executables to use.
set -euo pipefail

SECONDS=0
cd "$(dirname "${BASH_SOURCE[0]}")/.."
REPO_ROOT=$PWD
DRY_RUN=${SHISHIN_TEST_DRY_RUN:-0}
[[ $DRY_RUN == 0 || -z $DRY_RUN ]] && DRY_RUN=0 || DRY_RUN=1

log() { printf 'test.sh: %s\n' "$*" >&2; }
die() { local code=$1; shift; log "$*"; exit "$code"; }
is_root() { [[ $(id -u) == 0 ]]; }

# ---------------------------------------------------------------- prerequisites

find_dotnet() {
  if command -v dotnet >/dev/null 2>&1; then return 0; fi
  local d
  for d in "${DOTNET_ROOT:-}" "$HOME/.dotnet"; do
    if [[ -n $d && -x $d/dotnet ]]; then
      export DOTNET_ROOT=$d PATH="$d:$PATH"
      return 0
    fi
  done
  return 1
}

check_dotnet() {
  if find_dotnet && dotnet --list-sdks 2>/dev/null | grep -q '^10\.'; then
    return 0
  fi
  cat >&2 <<'EOF'
test.sh: the .NET 10 SDK is required, but `dotnet` was not found or `dotnet --list-sdks` lists no 10.x SDK.
Install it, for example:
  curl -sSL https://dot.net/v1/dotnet-install.sh | bash -s -- --channel 10.0
  export DOTNET_ROOT="$HOME/.dotnet" PATH="$HOME/.dotnet:$PATH"
or from your distribution / packages.microsoft.com: apt-get install dotnet-sdk-10.0
EOF
  exit 2
}

BROWSER=
find_chromium() {
  if [[ -n ${SHISHIN_BROWSER:-} && -x ${SHISHIN_BROWSER} ]]; then
    BROWSER=$SHISHIN_BROWSER
  elif [[ -x /usr/bin/chromium ]]; then
    BROWSER=/usr/bin/chromium
  elif command -v chromium >/dev/null 2>&1; then
    BROWSER=$(command -v chromium)
  else
    return 1
  fi
}

SCAN_BROWSER=
find_headless_shell() {
  if [[ -n ${SHISHIN_TEST_SCAN_BROWSER:-} && -x ${SHISHIN_TEST_SCAN_BROWSER} ]]; then
    SCAN_BROWSER=$SHISHIN_TEST_SCAN_BROWSER
  elif command -v chromium-headless-shell >/dev/null 2>&1; then
    SCAN_BROWSER=$(command -v chromium-headless-shell)
  else
    return 1
  fi
}

PG_BIN=
find_postgres() {
  local d
  # A directory on PATH holding all three (same installation, so same version)...
  d=$(command -v initdb 2>/dev/null || true)
  if [[ -n $d ]]; then
    d=$(dirname "$d")
    if [[ -x $d/pg_ctl && -x $d/postgres ]]; then PG_BIN=$d; return 0; fi
  fi
  # ...otherwise the newest Debian/Ubuntu-style installation.
  while IFS= read -r d; do
    if [[ -x $d/initdb && -x $d/pg_ctl && -x $d/postgres ]]; then PG_BIN=$d; return 0; fi
  done < <(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -t/ -k5,5 -V -r)
  return 1
}

has_cjk_font() {
  if command -v fc-list >/dev/null 2>&1; then
    [[ -n $(fc-list :lang=ja 2>/dev/null || true) ]]
  else
    # No fontconfig: look for well-known CJK font files instead.
    [[ -n $(find /usr/share/fonts /usr/local/share/fonts "$HOME/.fonts" "$HOME/.local/share/fonts" \
              \( -iname '*cjk*' -o -iname '*gothic*' -o -iname '*mincho*' -o -iname 'ipa*' \) \
              -print -quit 2>/dev/null || true) ]]
  fi
}

missing_packages() {
  local pkgs=()
  if [[ $DRY_RUN == 0 ]]; then
    find_chromium || pkgs+=(chromium)
    find_headless_shell || pkgs+=(chromium-headless-shell)
    command -v npm >/dev/null 2>&1 || pkgs+=(npm)
    has_cjk_font || pkgs+=(fonts-noto-cjk)
  fi
  find_postgres || pkgs+=(postgresql)
  echo "${pkgs[*]}"
}

check_system_packages() {
  local missing
  missing=$(missing_packages)
  [[ -z $missing ]] && return 0
  if is_root && command -v apt-get >/dev/null 2>&1; then
    log "installing missing packages: $missing"
    export DEBIAN_FRONTEND=noninteractive
    # shellcheck disable=SC2086 # word splitting intended
    if ! { apt-get update </dev/null &&
           apt-get install -y --no-install-recommends $missing </dev/null; }; then
      die 2 "apt-get failed to install: $missing"
    fi
    missing=$(missing_packages)
    [[ -z $missing ]] && return 0
    die 2 "still missing after apt-get install: $missing"
  fi
  cat >&2 <<EOF
test.sh: missing system packages: $missing
Install them (Debian/Ubuntu package names), e.g. as root:
  apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing
(chromium = the Chromium browser at /usr/bin/chromium or on PATH; chromium-headless-shell = its
headless build, which the scanner prefers; npm = Node.js's package manager, for the test tools in
tests/tools; postgresql = server
binaries initdb/pg_ctl/postgres; fonts-noto-cjk = a Japanese font, checked with fc-list :lang=ja.)
EOF
  exit 2
}

if [[ $DRY_RUN == 0 ]]; then
  check_dotnet
fi
check_system_packages
# (missing_packages ran in a subshell: set PG_BIN and BROWSER here.)
find_postgres || die 2 "PostgreSQL server binaries not found"
if [[ $DRY_RUN == 0 ]]; then
  find_chromium || die 2 "Chromium not found"
  find_headless_shell || die 2 "chromium-headless-shell not found"
fi

# ---------------------------------------------------------- throwaway PostgreSQL

PG_TMP=
PG_STARTED=0

# Runs a command as the user owning the cluster (postgres refuses to run as root).
as_pg() {
  if is_root; then
    if command -v runuser >/dev/null 2>&1; then
      (cd "$PG_TMP" && runuser -u postgres -- "$@")
    else
      (cd "$PG_TMP" && su postgres -s /bin/sh -c "$(printf '%q ' "$@")")
    fi
  else
    (cd "$PG_TMP" && "$@")
  fi
}

cleanup() {
  if [[ $PG_STARTED == 1 ]]; then
    as_pg "$PG_BIN/pg_ctl" -D "$PG_TMP/data" -m immediate -w -t 30 stop >/dev/null 2>&1 ||
      log "warning: could not stop the test PostgreSQL cluster (data: $PG_TMP/data)"
    PG_STARTED=0
  fi
  if [[ -n $PG_TMP && -d $PG_TMP ]]; then
    rm -rf -- "$PG_TMP" || log "warning: could not remove $PG_TMP"
  fi
  PG_TMP=
}
LANE_PIDS=()
stop_lanes() { # a lane still running when the script is interrupted: its dotnet test first, then the lane
  local pid
  for pid in "${LANE_PIDS[@]}"; do
    if kill -0 "$pid" 2>/dev/null; then
      command -v pkill >/dev/null 2>&1 && pkill -TERM -P "$pid" 2>/dev/null
      kill "$pid" 2>/dev/null || true
    fi
  done
  LANE_PIDS=()
}
on_exit() {
  local rc=$?
  trap - EXIT
  stop_lanes
  cleanup
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

if is_root; then
  # The cluster must be owned by an unprivileged user; the Debian package creates it.
  if ! id -u postgres >/dev/null 2>&1; then
    log "creating system user postgres"
    useradd --system --user-group --no-create-home --home-dir /nonexistent \
      --shell /usr/sbin/nologin postgres ||
      die 2 "could not create the postgres OS user"
  fi
  # Under /tmp so the postgres user can reach it even if TMPDIR is private to root.
  PG_TMP=$(mktemp -d /tmp/shishin-pg.XXXXXX)
  chown postgres: "$PG_TMP"
else
  PG_TMP=$(mktemp -d "${TMPDIR:-/tmp}/shishin-pg.XXXXXX")
  # Unix socket paths are limited to ~107 bytes.
  if (( ${#PG_TMP} > 80 )); then
    rm -rf -- "$PG_TMP"
    PG_TMP=$(mktemp -d /tmp/shishin-pg.XXXXXX)
  fi
fi
chmod 700 "$PG_TMP"
PG_DATA=$PG_TMP/data
PG_LOG=$PG_TMP/postgres.log

run_initdb() {
  as_pg "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust -E UTF8 "$@" \
    >"$PG_TMP/initdb.log" 2>&1
}
if ! run_initdb --locale=C.UTF-8; then
  as_pg rm -rf "$PG_DATA" 2>/dev/null || true
  if ! run_initdb --locale=C; then
    cat "$PG_TMP/initdb.log" >&2
    die 2 "initdb failed"
  fi
fi

port_is_free() {
  local p=$1
  if command -v ss >/dev/null 2>&1; then
    [[ -z $(ss -Htan "( sport = :$p )" 2>/dev/null || true) ]] || return 1
  fi
  # Something accepting connections there means it is taken.
  ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null
}

pick_port() {
  local p
  if command -v python3 >/dev/null 2>&1; then
    p=$(python3 -c 'import socket
s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()' 2>/dev/null || true)
    if [[ $p =~ ^[0-9]+$ ]] && port_is_free "$p"; then echo "$p"; return 0; fi
  fi
  local start=$(( 20000 + (RANDOM * 32768 + RANDOM) % 30000 )) i
  for (( i = 0; i < 500; i++ )); do
    p=$(( start + i ))
    if port_is_free "$p"; then echo "$p"; return 0; fi
  done
  return 1
}

PORT=
for attempt in 1 2 3; do
  PORT=$(pick_port) || die 2 "could not find a free TCP port on 127.0.0.1"
  if as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$PG_LOG" -w -t 60 \
       -o "-c listen_addresses=127.0.0.1 -c port=$PORT -k '$PG_TMP' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
       start >/dev/null 2>&1; then
    PG_STARTED=1
    break
  fi
  # Make sure nothing half-started is left behind before retrying or giving up.
  as_pg "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate stop >/dev/null 2>&1 || true
  if (( attempt < 3 )) && grep -qiE 'could not (bind|create listen)|address already in use' "$PG_LOG" 2>/dev/null; then
    log "port $PORT was taken, retrying with another one"
    continue
  fi
  log "PostgreSQL failed to start ($PG_BIN/pg_ctl); server log:"
  cat "$PG_LOG" >&2 2>/dev/null || true
  exit 2
done
log "PostgreSQL $("$PG_BIN/postgres" -V | awk '{print $3}') running on 127.0.0.1:$PORT ($PG_BIN)"

PSQL=$PG_BIN/psql
[[ -x $PSQL ]] || PSQL=$(command -v psql) || die 2 "psql not found"

# The owner creates, migrates and drops the test databases (pg_signal_backend lets DROP DATABASE … WITH (FORCE)
# end the application's sessions); the application role owns nothing, so the tests show it can neither alter the
# schema nor switch the audit log's triggers off.
"$PSQL" -X -q -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$PORT user=postgres dbname=postgres" \
  -c 'CREATE ROLE shishin_owner LOGIN CREATEDB' \
  -c 'CREATE ROLE shishin_app LOGIN' \
  -c 'GRANT pg_signal_backend TO shishin_owner' </dev/null ||
  die 2 "could not create the test roles shishin_owner and shishin_app"

export SHISHIN_TEST_POSTGRES="Host=127.0.0.1;Port=$PORT;Username=shishin_owner;Include Error Detail=true"
export SHISHIN_TEST_POSTGRES_APP="Host=127.0.0.1;Port=$PORT;Username=shishin_app;Include Error Detail=true"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
[[ -n $BROWSER ]] && export SHISHIN_BROWSER=$BROWSER
[[ -n $SCAN_BROWSER ]] && export SHISHIN_TEST_SCAN_BROWSER=$SCAN_BROWSER

elapsed() { printf '%dm%02ds' $((SECONDS / 60)) $((SECONDS % 60)); }

if [[ $DRY_RUN == 1 ]]; then
  rc=0
  "$PSQL" -X -v ON_ERROR_STOP=1 "host=127.0.0.1 port=$PORT user=postgres" -c 'select version()' "$@" </dev/null || rc=$?
  cleanup
  echo "dry run: psql exited with status $rc (elapsed $(elapsed))"
  exit "$rc"
fi

# ------------------------------------------------------------------- the tests

# Command-line tools the tests run, pinned by tests/tools/package-lock.json (the SARIF multitool).
log "installing the test tools: npm ci --prefix tests/tools"
npm ci --prefix "$REPO_ROOT/tests/tools" --no-audit --no-fund --loglevel=error </dev/null ||
  die 2 "npm ci failed in tests/tools"
MULTITOOL=$REPO_ROOT/tests/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
# npm 11 does not run the package's own postinstall (chmod u+x) unless approved.
chmod u+x "$MULTITOOL"
export SHISHIN_TEST_SARIF_MULTITOOL=$MULTITOOL

RESULTS=$REPO_ROOT/TestResults
rm -rf -- "$RESULTS"
mkdir -p "$RESULTS"

rc=0
log "building: dotnet build Shishin.slnx"
dotnet build Shishin.slnx --nologo </dev/null || rc=$?

# Runs the test projects named in $1 one after another; returns the first failing status.
run_lane() {
  local project status=0 lane_rc=0
  for project in $1; do
    log "running: dotnet test tests/$project --no-build --logger trx;LogFilePrefix=$project --results-directory $RESULTS $TEST_ARGS_TEXT"
    # The project name as a prefix, so that the two lanes' lines can be told apart.
    if dotnet test "tests/$project/$project.csproj" --no-build --logger "trx;LogFilePrefix=$project" \
         --results-directory "$RESULTS" "${TEST_ARGS[@]}" </dev/null 2>&1 | sed -u "s/^/[$project] /"; then
      status=0
    else
      status=${PIPESTATUS[0]}
      (( status != 0 )) || status=1
    fi
    if (( status != 0 && lane_rc == 0 )); then lane_rc=$status; fi
  done
  return "$lane_rc"
}

# Test hosts (web apps, workers) watch their settings and content files; with inotify each watcher is an instance, and a
# whole run outgrows Linux's default limit of 128 per user. Polling watchers use none.
export DOTNET_USE_POLLING_FILE_WATCHER=true

if (( rc == 0 )); then
  TEST_ARGS=("$@")
  TEST_ARGS_TEXT="$*"
  # Two lanes side by side, each using the time the other spends waiting (Chromium launches, page loads, database
  # round trips). On CI on 2026-12-05 the projects took: browser 15, scanning 14, web 4, CLI 2.5 and core 2.5 minutes;
  # the lanes are balanced on those figures (about 19 minutes each).
  BROWSER_LANE="Shishin.BrowserTests Shishin.Web.Tests"
  OTHER_LANE="Shishin.Scanning.Tests Shishin.Core.Tests Shishin.Cli.Tests"
  if [[ -n ${SHISHIN_TEST_SERIAL:-} && ${SHISHIN_TEST_SERIAL} != 0 ]]; then
    run_lane "$OTHER_LANE $BROWSER_LANE" || rc=$?
  else
    run_lane "$BROWSER_LANE" & browser_pid=$!
    run_lane "$OTHER_LANE" & other_pid=$!
    LANE_PIDS=("$browser_pid" "$other_pid")
    wait "$other_pid" || rc=$?
    browser_rc=0
    wait "$browser_pid" || browser_rc=$?
    LANE_PIDS=()
    if (( rc == 0 )); then rc=$browser_rc; fi
  fi
fi

# Stop the database now so nothing is printed after the summary below.
cleanup

# The <Counters .../> element of a TRX file, e.g.
#   <Counters total="3" executed="3" passed="2" failed="1" error="0" timeout="0" aborted="0" ... />
counter() { # $1 = Counters element, $2 = attribute
  local v
  v=$(sed -n "s/.*[[:space:]]$2=\"\([0-9]*\)\".*/\1/p" <<<"$1")
  echo "${v:-0}"
}
project_name() { # best effort: the test assembly's name, else the file name
  local f=$1 n
  n=$(grep -o -m1 'codeBase="[^"]*"' "$f" 2>/dev/null | head -n1 | sed 's/^codeBase="//; s/"$//' || true)
  [[ -z $n ]] && n=$(grep -o -m1 'storage="[^"]*"' "$f" 2>/dev/null | head -n1 | sed 's/^storage="//; s/"$//' || true)
  if [[ -n $n ]]; then
    n=${n##*[/\\]}
    n=${n%.dll}
    # TRX "storage" paths are lower-cased; recover the project's real spelling.
    local proj
    proj=$(find "$REPO_ROOT/tests" "$REPO_ROOT/src" -maxdepth 2 -iname "$n.csproj" -print -quit 2>/dev/null || true)
    [[ -n $proj ]] && n=$(basename "$proj" .csproj)
    echo "$n"
  else
    basename "$f" .trx
  fi
}

total_passed=0 total_failed=0 total_executed=0 files=0
echo
echo "Test results ($RESULTS):"
while IFS= read -r -d '' trx; do
  files=$((files + 1))
  counters=$(grep -o -m1 '<Counters[^>]*>' "$trx" | head -n1 || true)
  if [[ -z $counters ]]; then
    echo "  $(project_name "$trx"): no <Counters> element in $(basename "$trx")"
    continue
  fi
  passed=$(counter "$counters" passed)
  executed=$(counter "$counters" executed)
  failed=$(( $(counter "$counters" failed) + $(counter "$counters" error) \
           + $(counter "$counters" timeout) + $(counter "$counters" aborted) ))
  echo "  $(project_name "$trx"): $passed passed, $failed failed"
  total_passed=$((total_passed + passed))
  total_failed=$((total_failed + failed))
  total_executed=$((total_executed + executed))
done < <(find "$RESULTS" -type f -name '*.trx' -print0 2>/dev/null | sort -z)
(( files == 0 )) && echo "  (no .trx files were produced)"

if (( rc == 0 && total_failed > 0 )); then rc=1; fi
echo "dotnet test exit status: $rc; elapsed: $(elapsed)"
if (( total_executed == 0 )); then
  echo "ERROR: no tests were executed (build failure, or no tests found)"
  rc=1
fi
echo "tests: $total_passed passed, $total_failed failed"
exit "$rc"
