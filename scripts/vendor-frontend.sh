#!/usr/bin/env bash
# Vendors the front-end assets that Shishin serves from wwwroot/lib.
#
# The Digital Agency (デジタル庁) design tokens and Apache ECharts are fetched
# from the npm registry at pinned versions with `npm pack` (no install, no
# node_modules, no CDN), checked against pinned integrity hashes, and the files
# Shishin serves plus their licences are copied into the web project. The result is
# committed, so the app needs no Node.js at build or run time; run this script
# only to upgrade (change the version and integrity below) or to re-check.
#
# Usage: scripts/vendor-frontend.sh        (from anywhere; idempotent)
set -euo pipefail

DESIGN_TOKENS_VERSION="1.1.9"
# `npm pack --json @digital-go-jp/design-tokens@<version>` prints this value.
DESIGN_TOKENS_INTEGRITY="sha512-93zW/Gb4/pwb63W7r8RHWQdbLGap4heHt5unQQjaqP1OlPqRif146tvqtyJ2xPcot3pnndFY3ph1DC0Crwp6bg=="

DESIGN_TOKENS_PACKAGE="@digital-go-jp/design-tokens"

# Apache ECharts for the scan trend charts: the "common" build (line, bar, pie,
# scatter; aria, legend, grid, dataset; canvas and SVG renderers). Unlike the
# full build it has no `new Function` (the full build's GeoJSON fallback), so the
# CSP needs neither unsafe-eval nor unsafe-inline.
ECHARTS_VERSION="6.1.0"
ECHARTS_INTEGRITY="sha512-q0yaFPggC9FUdsWH4blavRWFmxdrIodbkoKNAjJudAI6CA9gNPxHtV2RcZNEepZVlk4yvBYkOkbk6HIVpIyHZA=="
ECHARTS_PACKAGE="echarts"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib_dir="$repo_root/src/Shishin.Web/wwwroot/lib"
tokens_dir="$lib_dir/design-tokens"
echarts_dir="$lib_dir/echarts"

for tool in npm node tar; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "vendor-frontend: '$tool' is required to regenerate the vendored files" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

# fetch PACKAGE VERSION INTEGRITY DIR: npm pack into DIR, check the pinned
# Subresource-Integrity style hash, unpack to DIR/package.
fetch() {
    local package="$1" version="$2" integrity="$3" dir="$4"
    mkdir -p "$dir"
    echo "vendor-frontend: fetching $package@$version"
    (
        cd "$dir"
        # --ignore-scripts: never run package lifecycle scripts while vendoring.
        npm pack --silent --ignore-scripts "$package@$version" >/dev/null
    )
    local tarball
    tarball="$(find "$dir" -maxdepth 1 -name '*.tgz' -print -quit)"
    if [[ -z "$tarball" ]]; then
        echo "vendor-frontend: npm pack produced no tarball for $package" >&2
        exit 1
    fi
    local actual
    actual="sha512-$(node -e '
        const fs = require("fs"), crypto = require("crypto");
        process.stdout.write(crypto.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"));
    ' "$tarball")"
    if [[ "$actual" != "$integrity" ]]; then
        echo "vendor-frontend: integrity mismatch for $package@$version" >&2
        echo "  expected: $integrity" >&2
        echo "  actual:   $actual" >&2
        exit 1
    fi
    tar -xzf "$tarball" -C "$dir"
}

fetch "$DESIGN_TOKENS_PACKAGE" "$DESIGN_TOKENS_VERSION" "$DESIGN_TOKENS_INTEGRITY" "$work_dir/tokens"
package_dir="$work_dir/tokens/package"

# dist/tokens.css holds every token as CSS custom properties on :root
# (colours, font families/sizes/weights, line heights, radii, elevation);
# dist/tokens-simple.css is only a subset.
for required in dist/tokens.css LICENSE; do
    if [[ ! -f "$package_dir/$required" ]]; then
        echo "vendor-frontend: $required missing from the package" >&2
        exit 1
    fi
done

# Replace the target folder wholesale so removed upstream files do not linger.
rm -rf "$tokens_dir"
mkdir -p "$tokens_dir"
cp "$package_dir/dist/tokens.css" "$tokens_dir/tokens.css"
cp "$package_dir/LICENSE" "$tokens_dir/LICENSE"

fetch "$ECHARTS_PACKAGE" "$ECHARTS_VERSION" "$ECHARTS_INTEGRITY" "$work_dir/echarts"
echarts_package="$work_dir/echarts/package"
for required in dist/echarts.common.min.js LICENSE NOTICE; do
    if [[ ! -f "$echarts_package/$required" ]]; then
        echo "vendor-frontend: $required missing from $ECHARTS_PACKAGE" >&2
        exit 1
    fi
done
if grep -q "new Function" "$echarts_package/dist/echarts.common.min.js"; then
    echo "vendor-frontend: echarts.common.min.js uses new Function, which the CSP forbids" >&2
    exit 1
fi
rm -rf "$echarts_dir"
mkdir -p "$echarts_dir"
cp "$echarts_package/dist/echarts.common.min.js" "$echarts_dir/echarts.common.min.js"
cp "$echarts_package/LICENSE" "$echarts_dir/LICENSE"
cp "$echarts_package/NOTICE" "$echarts_dir/NOTICE"

cat > "$lib_dir/README.md" <<README
# Vendored front-end assets

Files in this folder are third-party assets copied verbatim from the npm
registry. They are committed so that the app needs no Node.js, npm or CDN at
build or run time. Do not edit them by hand.

| Folder | Package | Version | Licence | Files |
| --- | --- | --- | --- | --- |
| \`design-tokens/\` | \`$DESIGN_TOKENS_PACKAGE\` (デジタル庁 デザインシステム design tokens) | $DESIGN_TOKENS_VERSION | MIT, see \`design-tokens/LICENSE\` | \`tokens.css\` (from \`dist/tokens.css\`), \`LICENSE\` |
| \`echarts/\` | \`$ECHARTS_PACKAGE\` (Apache ECharts, the scan trend charts) | $ECHARTS_VERSION | Apache-2.0, see \`echarts/LICENSE\` and \`echarts/NOTICE\` | \`echarts.common.min.js\` (from \`dist/\`), \`LICENSE\`, \`NOTICE\` |

Package integrity: \`$DESIGN_TOKENS_INTEGRITY\` ($DESIGN_TOKENS_PACKAGE),
\`$ECHARTS_INTEGRITY\` ($ECHARTS_PACKAGE)

\`tokens.css\` defines CSS custom properties only (\`--color-*\`,
\`--font-*\`, \`--line-height-*\`, \`--border-radius-*\`, \`--elevation-*\`);
the site's own styles in \`wwwroot/css/site.css\` are loaded after it and
use those variables.

## Regenerating

Run \`scripts/vendor-frontend.sh\` from the repository root (needs \`npm\`).
To upgrade, change a \`*_VERSION\` and its \`*_INTEGRITY\`
at the top of the script, run it, review the diff and commit the result.
The script is idempotent: running it again with the same version leaves these
files unchanged.
README

echo "vendor-frontend: wrote $tokens_dir/{tokens.css,LICENSE}, $echarts_dir/{echarts.common.min.js,LICENSE,NOTICE} and $lib_dir/README.md"
