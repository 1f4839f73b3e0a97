#!/usr/bin/env bash
# Vendors the front-end assets that Shishin serves from wwwroot/lib.
#
# The Digital Agency (デジタル庁) design tokens are fetched from the npm
# registry at a pinned version with `npm pack` (no install, no node_modules,
# no CDN), checked against a pinned integrity hash, and the CSS custom
# properties plus the licence are copied into the web project. The result is
# committed, so the app needs no Node.js at build or run time; run this script
# only to upgrade (change the version and integrity below) or to re-check.
#
# Usage: scripts/vendor-frontend.sh        (from anywhere; idempotent)
set -euo pipefail

DESIGN_TOKENS_VERSION="1.1.9"
# `npm pack --json @digital-go-jp/design-tokens@<version>` prints this value.
DESIGN_TOKENS_INTEGRITY="sha512-93zW/Gb4/pwb63W7r8RHWQdbLGap4heHt5unQQjaqP1OlPqRif146tvqtyJ2xPcot3pnndFY3ph1DC0Crwp6bg=="

DESIGN_TOKENS_PACKAGE="@digital-go-jp/design-tokens"

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
lib_dir="$repo_root/src/Shishin.Web/wwwroot/lib"
tokens_dir="$lib_dir/design-tokens"

for tool in npm node tar; do
    if ! command -v "$tool" >/dev/null 2>&1; then
        echo "vendor-frontend: '$tool' is required to regenerate the vendored files" >&2
        exit 1
    fi
done

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT

echo "vendor-frontend: fetching $DESIGN_TOKENS_PACKAGE@$DESIGN_TOKENS_VERSION"
(
    cd "$work_dir"
    # --ignore-scripts: never run package lifecycle scripts while vendoring.
    npm pack --silent --ignore-scripts "$DESIGN_TOKENS_PACKAGE@$DESIGN_TOKENS_VERSION" >/dev/null
)

tarball="$(find "$work_dir" -maxdepth 1 -name '*.tgz' -print -quit)"
if [[ -z "$tarball" ]]; then
    echo "vendor-frontend: npm pack produced no tarball" >&2
    exit 1
fi

# Verify the tarball against the pinned Subresource-Integrity style hash.
actual_integrity="sha512-$(node -e '
    const fs = require("fs"), crypto = require("crypto");
    process.stdout.write(crypto.createHash("sha512").update(fs.readFileSync(process.argv[1])).digest("base64"));
' "$tarball")"
if [[ "$actual_integrity" != "$DESIGN_TOKENS_INTEGRITY" ]]; then
    echo "vendor-frontend: integrity mismatch for $DESIGN_TOKENS_PACKAGE@$DESIGN_TOKENS_VERSION" >&2
    echo "  expected: $DESIGN_TOKENS_INTEGRITY" >&2
    echo "  actual:   $actual_integrity" >&2
    exit 1
fi

tar -xzf "$tarball" -C "$work_dir"
package_dir="$work_dir/package"

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

cat > "$lib_dir/README.md" <<README
# Vendored front-end assets

Files in this folder are third-party assets copied verbatim from the npm
registry. They are committed so that the app needs no Node.js, npm or CDN at
build or run time. Do not edit them by hand.

| Folder | Package | Version | Licence | Files |
| --- | --- | --- | --- | --- |
| \`design-tokens/\` | \`$DESIGN_TOKENS_PACKAGE\` (デジタル庁 デザインシステム design tokens) | $DESIGN_TOKENS_VERSION | MIT, see \`design-tokens/LICENSE\` | \`tokens.css\` (from \`dist/tokens.css\`), \`LICENSE\` |

Package integrity: \`$DESIGN_TOKENS_INTEGRITY\`

\`tokens.css\` defines CSS custom properties only (\`--color-*\`,
\`--font-*\`, \`--line-height-*\`, \`--border-radius-*\`, \`--elevation-*\`);
the site's own styles in \`wwwroot/css/site.css\` are loaded after it and
use those variables.

## Regenerating

Run \`scripts/vendor-frontend.sh\` from the repository root (needs \`npm\`).
To upgrade, change \`DESIGN_TOKENS_VERSION\` and \`DESIGN_TOKENS_INTEGRITY\`
at the top of the script, run it, review the diff and commit the result.
The script is idempotent: running it again with the same version leaves these
files unchanged.
README

echo "vendor-frontend: wrote $tokens_dir/{tokens.css,LICENSE} and $lib_dir/README.md"
