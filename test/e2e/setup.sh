#!/usr/bin/env bash
# Installs what the real-editor tests need, idempotently and offline-friendly (only Debian packages and the npm
# registry): Debian chromium / neovim / ripgrep / libkrb5-dev, and code-server 4.100.3 (VS Code 1.100.3, the last
# line on Node 20) into a cache folder outside the repository ($CODE_SERVER_DIR, default /tmp/code-server-4.100.3).
# playwright-core comes from our devDependencies; no browser is ever downloaded (Debian's chromium is used).
# Re-running is cheap: every step is skipped when its result is present. Works as root with no TTY.
set -euo pipefail
CS_DIR="${CODE_SERVER_DIR:-/tmp/code-server-4.100.3}"
CS_VERSION=4.100.3
export DEBIAN_FRONTEND=noninteractive PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
log() { printf '[setup] %s\n' "$*"; }
SUDO=""
[ "$(id -u)" = 0 ] || SUDO="sudo -n"

# 1. Debian packages ----------------------------------------------------------------------------
missing=()
for p in chromium libkrb5-dev ripgrep neovim; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
if [ "${#missing[@]}" -gt 0 ]; then
  log "apt-get install ${missing[*]}"
  $SUDO apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
    -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
else
  log "apt packages present (chromium libkrb5-dev ripgrep neovim)"
fi
[ -x /usr/bin/chromium ] || { echo "setup: /usr/bin/chromium missing after apt" >&2; exit 1; }
command -v nvim >/dev/null || { echo "setup: nvim missing after apt" >&2; exit 1; }

# 2. code-server ----------------------------------------------------------------------------------
cs_ok() { [ -x "$CS_DIR/node_modules/.bin/code-server" ] &&
  "$CS_DIR/node_modules/.bin/code-server" --version 2>/dev/null | grep -q "^$CS_VERSION "; }
if cs_ok; then
  log "code-server $CS_VERSION already in $CS_DIR"
else
  node_major="$(node -p 'process.versions.node.split(".")[0]')"
  [ "$node_major" = 20 ] || log "WARNING: code-server $CS_VERSION's postinstall insists on Node 20 (have $(node -v))"
  # @vscode/ripgrep (pinned by VS Code 1.100) downloads rg from GitHub in postinstall: seed its cache with
  # Debian's rg so it uses the "cached download" instead of failing offline.
  CACHE="${TMPDIR:-/tmp}/vscode-ripgrep-cache-1.15.11"
  TARBALL="$CACHE/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz"
  if [ ! -s "$TARBALL" ]; then
    seed="$(mktemp -d)"; cp "$(command -v rg)" "$seed/rg"
    mkdir -p "$CACHE"; tar -C "$seed" -czf "$TARBALL" rg; rm -rf "$seed"
  fi
  mkdir -p "$CS_DIR"
  [ -f "$CS_DIR/package.json" ] || (cd "$CS_DIR" && npm init -y >/dev/null)
  log "npm install code-server@$CS_VERSION into $CS_DIR (a few minutes; log: $CS_DIR/npm-install.log)"
  # unsafe_perm: the postinstall refuses to run as root without it; yes: node-pty's `npx node-gyp` needs it without a TTY.
  (cd "$CS_DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_fund=false npm_config_audit=false \
      npm install "code-server@$CS_VERSION" --no-save --foreground-scripts </dev/null >"$CS_DIR/npm-install.log" 2>&1) || {
    tail -40 "$CS_DIR/npm-install.log" >&2; echo "setup: code-server install failed" >&2; exit 1; }
  cs_ok || { echo "setup: code-server --version is not $CS_VERSION" >&2; exit 1; }
  log "installed: $("$CS_DIR/node_modules/.bin/code-server" --version | head -1)"
fi

# 3. playwright-core from the project's devDependencies -------------------------------------------
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
[ -f "$ROOT/node_modules/playwright-core/package.json" ] || { echo "setup: run npm ci first (playwright-core missing)" >&2; exit 1; }
log "ok: code-server=$CS_DIR/node_modules/.bin/code-server chromium=/usr/bin/chromium nvim=$(command -v nvim)"
