#!/usr/bin/env bash
# The public-catalogue load benchmark of docs/benchmarks.md (issue 10, point 14): requests/s and p99 of
# /api/v1/catalog and /catalog beside a trivial endpoint of the same server (/health/live, the ceiling), with wrk at
# 32 connections, each with and without a compressed encoding.
# Usage: bench/http/catalog.sh [source-root]   (default: this checkout; give a copy of another commit to compare)
# Needs .NET 10, curl, python3 and wrk (Debian: apt-get install -y wrk).
# Env: LABEL (names the output; default: the commit), DURATION (default 20s), CONNECTIONS (32), THREADS (2), OUT (bench/http/out).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "${1:-$here/../..}" && pwd)"
duration="${DURATION:-20s}"
connections="${CONNECTIONS:-32}"
threads="${THREADS:-2}"
out="${OUT:-$here/out}"
mkdir -p "$out"
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 2; }

dotnet build "$root/src/Shishin.Web" -c Release --nologo -v quiet
dotnet build "$root/src/Shishin.Cli" -c Release --nologo -v quiet
web="$root/src/Shishin.Web/bin/Release/net10.0/Shishin.Web.dll"
cli="$root/src/Shishin.Cli/bin/Release/net10.0/shishin.dll"

tmp="$(mktemp -d)"
connection="Data Source=$tmp/shishin.db"
dotnet "$cli" db migrate --connection "$connection" >/dev/null
printf '%s\n' "bench-$(head -c 12 /dev/urandom | base64)" | dotnet "$cli" admin create --email bench@example.jp --connection "$connection" >/dev/null

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
base="http://127.0.0.1:$port"
(cd "$root/src/Shishin.Web" && exec env ASPNETCORE_ENVIRONMENT=Production ConnectionStrings__Shishin="$connection" \
  Urls="$base" Shishin__PublicUrl="$base/" Security__RequireHttps=false Jobs__Enabled=false RateLimiting__Enabled=false \
  Logging__LogLevel__Default=Warning dotnet "$web" --contentRoot "$root/src/Shishin.Web" >"$tmp/web.log" 2>&1) &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$tmp"' EXIT
for _ in $(seq 1 300); do curl -fs "$base/health/live" >/dev/null && break; sleep 0.2; done

commit="${LABEL:-$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)}"
summary="$out/summary-$commit.md"
{
  echo "commit $commit, $(date -u +%Y-%m-%dT%H:%MZ), wrk -t$threads -c$connections -d$duration --latency, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo
  echo "| path | Accept-Encoding | requests/s | p50 | p99 | % of ceiling | bytes per response | non-2xx/3xx |"
  echo "|---|---|---:|---:|---:|---:|---:|---:|"
} >"$summary"

ceiling=""
run() { # path encoding
  local path="$1" encoding="$2" name log header=()
  name="$(echo "$path-$encoding" | tr '/' '_')"
  log="$out/wrk-$commit$name.txt"
  [[ -n $encoding ]] && header=(-H "Accept-Encoding: $encoding")
  local bytes
  bytes="$(curl -s -o /dev/null -w '%{size_download}' "${header[@]}" "$base$path")"
  wrk -t"$threads" -c"$connections" -d5s "${header[@]}" "$base$path" >/dev/null # warm-up
  wrk -t"$threads" -c"$connections" -d"$duration" --latency "${header[@]}" "$base$path" | tee "$log" >&2
  python3 - "$log" "$path" "${encoding:-none}" "$bytes" "${ceiling:-0}" >>"$summary" <<'PY'
import re, sys
log, path, encoding, size, ceiling = sys.argv[1:]
text = open(log).read()
rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
p50 = re.search(r"\s50%\s+(\S+)", text).group(1)
p99 = re.search(r"\s99%\s+(\S+)", text).group(1)
bad = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
share = f"{100 * rps / float(ceiling):.0f} %" if float(ceiling) > 0 else "100 % (ceiling)"
print(f"| `{path}` | {encoding} | {rps:,.0f} | {p50} | {p99} | {share} | {size} | {bad.group(1) if bad else 0} |")
PY
}

run /health/live ""
ceiling="$(grep -oP 'Requests/sec:\s+\K[\d.]+' "$out/wrk-${commit}_health_live-.txt")"
for path in /api/v1/catalog /catalog; do
  for encoding in "" br gzip; do
    run "$path" "$encoding"
  done
done
run /health/live ""  # the ceiling again, to see drift over the run
cat "$summary"
