#!/usr/bin/env bash
# Vendors axe-core's official Japanese locale into the scanner.
#
# The scanner runs the axe-core that Deque.AxeCore.Commons embeds (see Directory.Packages.props); that package
# carries no locale files, so the Japanese one is copied from the npm package of the same axe-core version, checked
# against a pinned integrity hash. The scanner embeds it and passes it to axe.configure({ locale }) when a scan runs
# in Japanese (ScanOptions.Language). Run this script only when the axe-core version changes: set the version and the
# integrity (`npm pack --json axe-core@<version>` prints it) below, run it, review the diff and commit.
set -euo pipefail

AXE_VERSION="4.14.0"
AXE_INTEGRITY="sha512-9WTZxEjsZ7b13TH8JPmbV2z8CHbl80/2hm3XPEG4JgNdQLK81IBRXmSxHfMAOkSqQeRxT/0dwNDz2GOm3zzpcQ=="

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
target="$repo_root/src/Shishin.Scanning/Checks/Locales"

work_dir="$(mktemp -d)"
trap 'rm -rf "$work_dir"' EXIT
(cd "$work_dir" && npm pack --silent --ignore-scripts "axe-core@$AXE_VERSION" >/dev/null)
tarball="$(find "$work_dir" -maxdepth 1 -name '*.tgz' -print -quit)"
actual="sha512-$(node -e 'process.stdout.write(require("crypto").createHash("sha512").update(require("fs").readFileSync(process.argv[1])).digest("base64"))' "$tarball")"
if [[ "$actual" != "$AXE_INTEGRITY" ]]; then
    echo "vendor-axe-locale: integrity mismatch for axe-core@$AXE_VERSION: $actual" >&2
    exit 1
fi

tar -xzf "$tarball" -C "$work_dir"
mkdir -p "$target"
cp "$work_dir/package/locales/ja.json" "$target/axe-core-ja.json"
cp "$work_dir/package/LICENSE" "$target/axe-core-LICENSE"
echo "vendor-axe-locale: wrote $target/axe-core-ja.json (axe-core $AXE_VERSION, MPL-2.0, see axe-core-LICENSE)"
