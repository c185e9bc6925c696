#!/usr/bin/env bash
# All real-editor tests, for .ci/run (after `npm test`): set-up (idempotent, cached outside the repo), build and
# package, then code-server scenarios (Playwright + Chromium), the extension-host suite inside code-server, and Neovim.
# Every step runs even if an earlier one failed; the exit status is non-zero when any failed. Works as root, no TTY.
set -uo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$ROOT"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 DEBIAN_FRONTEND=noninteractive npm_config_fund=false npm_config_audit=false
failed=()
step() {
  local name="$1"; shift
  local t0=$SECONDS
  printf '\n--- %s\n' "$name"
  if "$@"; then printf -- '--- %s: ok (%ss)\n' "$name" $((SECONDS - t0)); else
    printf -- '--- %s: FAILED (%ss)\n' "$name" $((SECONDS - t0)); failed+=("$name"); fi
}

bash test/e2e/setup.sh || { echo "run-all: set-up failed" >&2; exit 1; }
npm run --silent build && npx tsc -p . || { echo "run-all: build failed" >&2; exit 1; }
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
VSIX="$TMP/shipshape-e2e.vsix"
npx --no-install vsce package --no-dependencies --out "$VSIX" >"$TMP/vsce.log" 2>&1 || { cat "$TMP/vsce.log" >&2; echo "run-all: packaging failed" >&2; exit 1; }

step "code-server scenarios (Playwright, Chromium)" node out/test/e2e/scenarios.js "$VSIX"
step "extension-host suite in code-server" node out/test/e2e/run-suite.js
step "Neovim LSP client" bash test/e2e/neovim.sh

if [ "${#failed[@]}" -gt 0 ]; then
  printf '\nreal-editor tests FAILED: %s\n' "${failed[*]}" >&2
  exit 1
fi
printf '\nreal-editor tests: all passed\n'
