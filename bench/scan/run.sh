#!/usr/bin/env bash
# The scan benchmark of docs/benchmarks.md: `shishin scan` (its defaults: every check) against pa11y-ci (runner axe,
# axe-core pinned to the version Shishin bundles) on a generated site on loopback, like for like: both tools on the
# same Chromium build at the same concurrency, for each of Debian's two builds (the full browser and the headless
# shell). pa11y-ci drives the headless shell as Puppeteer needs it (`headless: "shell"`), and runs its pages in one
# shared browser context (`useIncognitoBrowserContext: false`): with its default, an incognito context per page, its
# concurrent runs close each other's contexts (pa11y/pa11y-ci#354) and it loses about half the pages at concurrency 2
# with "Protocol error (Target.closeTarget)" (measured here on 2026-12-05: 43 and 49 of 100).
#
# Usage: bench/scan/run.sh [pages]            (default 200 pages, concurrency 2)
#        CONCURRENCY="1 2" bench/scan/run.sh    (also at concurrency 1)
# Writes the raw reports and measurements to bench/scan/out/ (not committed) and the run's summary, the only source of
# the figures docs/benchmarks.md quotes, to bench/scan/results/<UTC date and time>.md (commit it).
# Needs Node 20, .NET 10, Debian's chromium (or $SHISHIN_BROWSER) and chromium-headless-shell (or
# $SHISHIN_HEADLESS_SHELL); a build that is missing is left out. Run it on a quiet machine.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
pages="${1:-200}"
concurrencies="${CONCURRENCY:-2}"
declare -A engines=([chromium]="${SHISHIN_BROWSER:-/usr/bin/chromium}" [headless-shell]="${SHISHIN_HEADLESS_SHELL:-/usr/bin/chromium-headless-shell}")
declare -A headless=([chromium]="true" [headless-shell]='"shell"')
out="$here/out"
mkdir -p "$out" "$here/results"
rm -f "$out"/*.json "$out"/*.jsonl "$out"/machine.txt

(cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
dotnet build "$root/src/Shishin.Cli" -c Release --nologo -v quiet
shishin="$root/src/Shishin.Cli/bin/Release/net10.0/shishin.dll"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 "$here/site.py" --pages "$pages" --port "$port" &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/" >/dev/null; do sleep 0.2; done

{
  echo "commit: $(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src || echo ' (with uncommitted changes)')"
  echo "cpu: $(nproc) × $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs)"
  echo "os: $(. /etc/os-release && echo "$PRETTY_NAME")"
  echo "dotnet: $(dotnet --version); node: $(node --version); pa11y-ci: $(cd "$here" && node -p 'require("pa11y-ci/package.json").version'); axe-core (pa11y-ci): $(cd "$here" && node -p 'require("axe-core/package.json").version')"
  for engine in chromium headless-shell; do
    [[ -x ${engines[$engine]} ]] && echo "$engine: ${engines[$engine]}: $("${engines[$engine]}" --version 2>/dev/null | head -1)"
  done
  echo "pages: $pages; concurrency: $concurrencies"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} > "$out/machine.txt"

for engine in chromium headless-shell; do
  browser="${engines[$engine]}"
  if [[ ! -x $browser ]]; then
    echo "== $engine: no executable at $browser, left out" >&2
    continue
  fi
  for concurrency in $concurrencies; do
    run="$engine-c$concurrency"
    echo "== shishin scan, $engine, concurrency $concurrency" >&2
    # SHISHIN_SCAN_STAGES: the time of each stage of each page, for the profile table (not part of any report).
    SHISHIN_SCAN_STAGES="$out/shishin-$run.stages.jsonl" python3 "$here/measure.py" "$out/shishin-$run.measure.json" -- \
      dotnet "$shishin" scan "http://127.0.0.1:$port/" --allow-private --browser "$browser" \
        --max-pages "$pages" --depth 2 --concurrency "$concurrency" --fail-on none \
        --format json --output "$out/shishin-$run.json" > /dev/null

    echo "== pa11y-ci, $engine, concurrency $concurrency" >&2
    cat > "$out/pa11yci-$run.config.json" <<JSON
{ "defaults": { "runners": ["axe"], "standard": "WCAG2AA", "timeout": 60000, "concurrency": $concurrency, "useIncognitoBrowserContext": false,
  "chromeLaunchConfig": { "executablePath": "$browser", "headless": ${headless[$engine]}, "args": ["--no-sandbox", "--disable-dev-shm-usage"] } } }
JSON
    python3 "$here/measure.py" "$out/pa11y-$run.measure.json" -- \
      bash -c "cd '$here' && npx pa11y-ci --config '$out/pa11yci-$run.config.json' --sitemap 'http://127.0.0.1:$port/sitemap.xml' --json > '$out/pa11y-$run.json' || true"
  done
done

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/machine.txt"
summary="$here/results/$(date -u +%Y-%m-%d-%H%M).md"
python3 "$here/summarize.py" "$out" | tee "$out/summary.md" > "$summary"
echo "== summary: $summary" >&2
