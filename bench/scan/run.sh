#!/usr/bin/env bash
# The scan benchmark of docs/benchmarks.md: `shishin scan` against pa11y-ci (runner axe, axe-core pinned to the
# version Shishin bundles) on a generated site of 200 pages on loopback, at concurrency 1 and 2, on this machine.
# Usage: bench/scan/run.sh [pages]     (needs Chromium at $SHISHIN_BROWSER or /usr/bin/chromium, Node 20, .NET 10)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pages="${1:-200}"
browser="${SHISHIN_BROWSER:-/usr/bin/chromium}"
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

for concurrency in 1 2; do
  echo "== shishin scan, concurrency $concurrency" >&2
  python3 "$here/measure.py" "$out/shishin-c$concurrency.measure.json" -- \
    dotnet "$shishin" scan "http://127.0.0.1:$port/" --allow-private --browser "$browser" \
      --max-pages "$pages" --depth 2 --concurrency "$concurrency" --fail-on none \
      --format json --output "$out/shishin-c$concurrency.json"

  echo "== pa11y-ci, concurrency $concurrency" >&2
  cat > "$out/pa11yci-c$concurrency.config.json" <<JSON
{ "defaults": { "runners": ["axe"], "standard": "WCAG2AA", "timeout": 60000, "concurrency": $concurrency,
  "chromeLaunchConfig": { "executablePath": "$browser", "args": ["--no-sandbox", "--disable-dev-shm-usage"] } } }
JSON
  python3 "$here/measure.py" "$out/pa11y-c$concurrency.measure.json" -- \
    bash -c "cd '$here' && npx pa11y-ci --config '$out/pa11yci-c$concurrency.config.json' --sitemap 'http://127.0.0.1:$port/sitemap.xml' --json > '$out/pa11y-c$concurrency.json' || true"
done

python3 "$here/summarize.py" "$out" | tee "$out/summary.md"
