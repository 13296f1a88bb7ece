#!/usr/bin/env bash
# Refreshes the official AsyncAPI JSON Schemas the driver checks contracts against
# (Support/Driver/Contracts/Schemas), from the @asyncapi/specs npm package.
# Usage: tools/asyncapi-schemas.sh [version of @asyncapi/specs]    (default: the one named in the folder's README)
# A new AsyncAPI version also needs its line in AsyncApiSchemas.Supported.
set -euo pipefail

root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/Support/Driver/Contracts/Schemas"
specs="${1:-$(sed -n 's/^Package: @asyncapi\/specs@\([0-9.]*\).*/\1/p' "$target/README.md")}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "@asyncapi/specs@$specs" >/dev/null && tar xzf asyncapi-specs-*.tgz)

# The "-without-$id" variants hold every definition under #/definitions, the draft-07 meta-schema
# included, so they need no other schema registered.
for version in 2.0.0 2.1.0 2.2.0 2.3.0 2.4.0 2.5.0 2.6.0 3.0.0 3.1.0; do
  cp "$work/package/schemas/$version-without-\$id.json" "$target/$version.json"
done
cp "$work/package/LICENSE" "$target/LICENSE"
cp "$work/package/NOTICE" "$target/NOTICE"
sed -i "s/^Package: @asyncapi\/specs@[0-9.]*/Package: @asyncapi\/specs@$specs/" "$target/README.md"
echo "AsyncAPI schemas from @asyncapi/specs@$specs in $target"
