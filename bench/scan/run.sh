#!/usr/bin/env bash
# The scan benchmark of docs/benchmarks.md: `shishin scan` against pa11y-ci (runner axe, axe-core pinned to the
# version Shishin bundles) on a generated site of 200 pages on loopback, at concurrency 1 and 2, on this machine,
# each tool with Debian's two builds of Chromium: the full browser and the headless shell (the one Shishin prefers).
# Usage: bench/scan/run.sh [pages]
# Needs Node 20, .NET 10, Debian's chromium (or $SHISHIN_BROWSER) and, for the headless-shell rows,
# chromium-headless-shell (or $SHISHIN_HEADLESS_SHELL); a build that is missing is left out of the tables.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pages="${1:-200}"
declare -A engines=([chromium]="${SHISHIN_BROWSER:-/usr/bin/chromium}" [headless-shell]="${SHISHIN_HEADLESS_SHELL:-/usr/bin/chromium-headless-shell}")
out="$here/out"
mkdir -p "$out"
rm -f "$out"/*.json

(cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
dotnet build "$root/src/Shishin.Cli" -c Release --nologo -v quiet
shishin="$root/src/Shishin.Cli/bin/Release/net10.0/shishin.dll"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 "$here/site.py" --pages "$pages" --port "$port" &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done

for engine in chromium headless-shell; do
  browser="${engines[$engine]}"
  if [[ ! -x $browser ]]; then
    echo "== $engine: no executable at $browser, left out" >&2
    continue
  fi
  for concurrency in 1 2; do
    run="$engine-c$concurrency"
    echo "== shishin scan, $engine, concurrency $concurrency" >&2
    python3 "$here/measure.py" "$out/shishin-$run.measure.json" -- \
      dotnet "$shishin" scan "http://127.0.0.1:$port/" --allow-private --browser "$browser" \
        --max-pages "$pages" --depth 2 --concurrency "$concurrency" --fail-on none \
        --format json --output "$out/shishin-$run.json"

    echo "== pa11y-ci, $engine, concurrency $concurrency" >&2
    cat > "$out/pa11yci-$run.config.json" <<JSON
{ "defaults": { "runners": ["axe"], "standard": "WCAG2AA", "timeout": 60000, "concurrency": $concurrency,
  "chromeLaunchConfig": { "executablePath": "$browser", "args": ["--no-sandbox", "--disable-dev-shm-usage"] } } }
JSON
    python3 "$here/measure.py" "$out/pa11y-$run.measure.json" -- \
      bash -c "cd '$here' && npx pa11y-ci --config '$out/pa11yci-$run.config.json' --sitemap 'http://127.0.0.1:$port/sitemap.xml' --json > '$out/pa11y-$run.json' || true"
  done
done

python3 "$here/summarize.py" "$out" | tee "$out/summary.md"
