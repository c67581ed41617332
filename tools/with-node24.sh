#!/usr/bin/env bash
# Runs a command from the repository root with Node 24 and installed dependencies.
#
#   bash tools/with-node24.sh CMD [ARGS...]
#
# 1. If the `node` on PATH is older than 24, use Node 24.21.0 from the npm registry
#    (package node-<os>-<arch>), kept in the git-ignored .cache/node-24.21.0/.
# 2. Export NX_DAEMON=false and NX_NO_CLOUD=true.
# 3. Run `npm ci` when node_modules is missing or older than package-lock.json.
# 4. exec CMD.
set -euo pipefail

NODE_VERSION=24.21.0
NODE_MAJOR=${NODE_VERSION%%.*}

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

say() { echo "with-node24: $*" >&2; }

node_major_on_path() {
  command -v node >/dev/null 2>&1 || { echo 0; return; }
  node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0
}

node_package_name() {
  local os arch
  case "$(uname -s)" in
    Linux) os=linux ;;
    Darwin) os=darwin ;;
    *) say "no Node $NODE_MAJOR package for $(uname -s); install Node $NODE_VERSION yourself"; exit 1 ;;
  esac
  case "$(uname -m)" in
    x86_64 | amd64) arch=x64 ;;
    aarch64 | arm64) arch=arm64 ;;
    *) say "no Node $NODE_MAJOR package for $(uname -m); install Node $NODE_VERSION yourself"; exit 1 ;;
  esac
  echo "node-$os-$arch"
}

# Downloads and unpacks the Node package once; prints its folder.
fetch_node() {
  local dir="$ROOT/.cache/node-$NODE_VERSION"
  if [[ ! -x "$dir/bin/node" ]]; then
    command -v npm >/dev/null 2>&1 || { say "npm is needed to fetch Node $NODE_VERSION"; exit 1; }
    local pkg tmp
    pkg="$(node_package_name)@$NODE_VERSION"
    say "fetching Node $NODE_VERSION ($pkg) into .cache/ (once)"
    mkdir -p "$ROOT/.cache"
    tmp="$(mktemp -d "$ROOT/.cache/download.XXXXXX")"
    # Clean up a half-done download; the trap is cleared once the folder is in place.
    trap 'rm -rf "$tmp"' EXIT
    (cd "$tmp" && npm pack "$pkg" --silent >/dev/null)
    mkdir -p "$tmp/unpacked"
    tar -xzf "$tmp"/*.tgz -C "$tmp/unpacked" --strip-components=1
    rm -rf "$dir"
    mv "$tmp/unpacked" "$dir"
    rm -rf "$tmp"
    trap - EXIT
  fi
  echo "$dir"
}

if (($(node_major_on_path) < NODE_MAJOR)); then
  NODE_DIR="$(fetch_node)"
  export PATH="$NODE_DIR/bin:$PATH"
  # Native addons (node-gyp) must build against Node 24's headers, which the package carries.
  export npm_config_nodedir="$NODE_DIR"
fi

export NX_DAEMON=false
export NX_NO_CLOUD=true

# Installs node_modules from package-lock.json. `npm ci` refuses a lock file that lacks
# optional packages the registry does not have (here: other platforms' builds of some native
# modules, e.g. sass-embedded-darwin-arm64); `npm install --no-save` then installs from the
# same lock without changing package.json or package-lock.json.
install_dependencies() {
  local log=.cache/npm-ci.log
  mkdir -p .cache
  say "installing dependencies (npm ci), log in $log"
  npm ci --no-audit --no-fund >"$log" 2>&1 && return 0
  if grep -q 'EUSAGE' "$log"; then
    say "npm ci refused the lock file (optional packages missing from the registry); npm install --no-save"
    npm install --no-save --no-audit --no-fund >>"$log" 2>&1 && return 0
  fi
  tail -n 40 "$log" >&2
  say "installing dependencies failed; full log in $log"
  exit 1
}

# npm writes node_modules/.package-lock.json at the end of every install.
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  install_dependencies
fi

exec "$@"
