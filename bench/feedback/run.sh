#!/usr/bin/env bash
# Throughput of the feedback intake (issue 15): accepted submissions/s and p50/p99 of POST /api/v1/services/{key}/feedback
# beside POST /bench/no-content (204, the ceiling) on the same server, on SQLite and on PostgreSQL, rate limits off.
# Usage: bench/feedback/run.sh [sqlite|postgres|both]   Env: DURATION (20s), CONNECTIONS (64), THREADS (2), SKIP_PUBLISH=1.
set -euo pipefail
. "$(dirname "$0")/common.sh"
duration="${DURATION:-20s}"; connections="${CONNECTIONS:-64}"; threads="${THREADS:-2}"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }
publish
out="$here/out"; mkdir -p "$out"
echo "| database | endpoint | answered/s | accepted (202)/s | p50 | p99 | % of ceiling |"
echo "|---|---|---:|---:|---:|---:|---:|"
for kind in $([[ ${1:-both} == both ]] && echo sqlite postgres || echo "$1"); do
  dir="$(mktemp -d)"
  prepare_db "$kind" "$dir"
  start_server "$dir" "$(free_port)"
  trap 'kill $server 2>/dev/null || true' EXIT
  key="$(service_key)"
  wrk -t"$threads" -c"$connections" -d5s -s "$here/nocontent.lua" "$base" >/dev/null  # warm-up
  KEY="$key" wrk -t"$threads" -c"$connections" -d5s -s "$here/post.lua" "$base" >/dev/null
  wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/nocontent.lua" "$base" >"$out/$kind-204.txt"
  KEY="$key" wrk -t"$threads" -c"$connections" -d"$duration" --latency -s "$here/post.lua" "$base" >"$out/$kind-feedback.txt"
  kill "$server"; wait "$server" 2>/dev/null || true
  python3 - "$kind" "$out/$kind-204.txt" "$out/$kind-feedback.txt" <<'PY'
import re, sys
kind, ceiling_log, feedback_log = sys.argv[1:]
def read(path):
    t = open(path).read()
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", t).group(1))
    p50 = float(re.search(r"p50_ms ([\d.]+)", t).group(1)); p99 = float(re.search(r"p99_ms ([\d.]+)", t).group(1))
    accepted = re.search(r"status 202: \d+ \(([\d.]+)/s\)", t)
    return rps, p50, p99, float(accepted.group(1)) if accepted else None, t
c, cp50, cp99, _, _ = read(ceiling_log)
f, fp50, fp99, acc, text = read(feedback_log)
print(f"| {kind} | 204 ceiling | {c:,.0f} | – | {cp50:.1f} ms | {cp99:.1f} ms | 100 % |")
print(f"| {kind} | feedback | {f:,.0f} | {acc or 0:,.0f} | {fp50:.1f} ms | {fp99:.1f} ms | {100 * (acc or 0) / c:.0f} % |")
for line in re.findall(r"status (\d+): (\d+)", text):
    if line[0] != "202":
        print(f"|   | (status {line[0]}: {line[1]}) | | | | | |")
PY
  drop_db "$dir"
done
