#!/usr/bin/env bash
# The robustness half of the scan benchmark (docs/benchmarks.md): pa11y-ci and `shishin scan` on the hostile pages of
# hostile.py, both with Debian's full Chromium, one page at a time, each tool's whole run cut off after 15 minutes.
# Usage: bench/scan/hostile.sh      (needs Node 20, .NET 10 and Chromium at $SHISHIN_BROWSER or /usr/bin/chromium)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
browser="${SHISHIN_BROWSER:-/usr/bin/chromium}"
out="$here/out"
mkdir -p "$out"
rm -f "$out"/hostile-*.json

(cd "$here" && PUPPETEER_SKIP_DOWNLOAD=1 npm install --no-audit --no-fund --silent)
dotnet build "$root/src/Shishin.Cli" -c Release --nologo -v quiet
shishin="$root/src/Shishin.Cli/bin/Release/net10.0/shishin.dll"

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
python3 "$here/hostile.py" --port "$port" &
site=$!
trap 'kill $site 2>/dev/null || true' EXIT
until curl -fs "http://127.0.0.1:$port/ok" >/dev/null; do sleep 0.2; done

paths=(/ok /redirect-loop /never-ending /alert /huge /infinite-scroll /busy-loop /broken-link /slow /ok?again)
urls=()
for path in "${paths[@]}"; do urls+=("http://127.0.0.1:$port$path"); done

echo "== shishin scan, hostile pages" >&2
python3 "$here/measure.py" "$out/hostile-shishin.measure.json" -- \
  timeout 900 dotnet "$shishin" scan "${urls[@]}" --allow-private --browser "$browser" --depth 0 --concurrency 1 \
    --fail-on none --format json --output "$out/hostile-shishin.json" || true

echo "== pa11y-ci, hostile pages" >&2
python3 - "$out/hostile-pa11yci.config.json" "$browser" "${urls[@]}" <<'PY'
import json, sys
path, browser, urls = sys.argv[1], sys.argv[2], sys.argv[3:]
json.dump({"defaults": {"runners": ["axe"], "standard": "WCAG2AA", "timeout": 30000, "concurrency": 1,
           "chromeLaunchConfig": {"executablePath": browser, "args": ["--no-sandbox", "--disable-dev-shm-usage"]}},
           "urls": urls}, open(path, "w"))
PY
python3 "$here/measure.py" "$out/hostile-pa11y.measure.json" -- \
  bash -c "cd '$here' && timeout 900 npx pa11y-ci --config '$out/hostile-pa11yci.config.json' --json > '$out/hostile-pa11y.json' || true"

python3 "$here/hostile_summary.py" "$out" "$port" | tee "$out/hostile-summary.md"
