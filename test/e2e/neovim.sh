#!/usr/bin/env bash
# Another LSP client: Debian's Neovim (0.7, push diagnostics) runs headless against `dist/server.js --stdio`, opens a
# faulty Dockerfile and must receive our diagnostics through vim.diagnostic.get. Needs `npm run build` and `nvim`.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
DEADLINE_S="${SHIPSHAPE_NVIM_DEADLINE_S:-30}"
command -v nvim >/dev/null || { echo "neovim.sh: nvim not found (test/e2e/setup.sh installs it)" >&2; exit 1; }
[ -f "$ROOT/dist/server.js" ] || { echo "neovim.sh: dist/server.js missing: run npm run build" >&2; exit 1; }
WS="$(mktemp -d)"
trap 'rm -rf "$WS"' EXIT
printf 'FROM node:latest\nWORKDIR /app\nCMD node server.js\n' > "$WS/Dockerfile"
cat > "$WS/init.lua" <<'LUA'
-- Minimal Neovim 0.7 set-up for Shipshape (0.8+ users can use vim.lsp.start, see the README).
local out, server, root = os.getenv('SHIPSHAPE_NVIM_OUT'), os.getenv('SHIPSHAPE_SERVER'), os.getenv('SHIPSHAPE_WS')
local deadline_ms = tonumber(os.getenv('SHIPSHAPE_NVIM_DEADLINE_MS'))
local function finish(code, text)
  local f = io.open(out, 'w')
  f:write(text)
  f:close()
  if code == 0 then vim.cmd('qall!') else vim.cmd('cquit! ' .. code) end
end
vim.api.nvim_create_autocmd('FileType', {
  pattern = { 'dockerfile', 'yaml' },
  callback = function(args)
    local id = vim.lsp.start_client({
      name = 'shipshape',
      cmd = { 'node', server, '--stdio' },
      root_dir = root,
      settings = { shipshape = { profile = 'recommended' } },
    })
    vim.lsp.buf_attach_client(args.buf, id)
  end,
})
local started = vim.loop.now()
local timer = vim.loop.new_timer()
timer:start(200, 200, vim.schedule_wrap(function()
  local diags = vim.diagnostic.get(0)
  if #diags >= 2 then
    timer:stop()
    local lines = {}
    for _, d in ipairs(diags) do
      local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code) or '?'
      table.insert(lines, string.format('%d:%d-%d:%d %s %s %s', d.lnum, d.col, d.end_lnum, d.end_col, d.source or '?', code, d.message))
    end
    table.sort(lines)
    finish(0, table.concat(lines, '\n') .. '\n')
  elseif vim.loop.now() - started > deadline_ms then
    timer:stop()
    finish(3, 'timed out waiting for diagnostics; got ' .. #diags .. '\n')
  end
end))
LUA
OUT="$WS/diagnostics.txt"
set +e
SHIPSHAPE_NVIM_OUT="$OUT" SHIPSHAPE_SERVER="$ROOT/dist/server.js" SHIPSHAPE_WS="$WS" SHIPSHAPE_NVIM_DEADLINE_MS=$((DEADLINE_S * 1000)) \
  timeout $((DEADLINE_S + 15)) nvim --headless -n -i NONE -u "$WS/init.lua" "$WS/Dockerfile" </dev/null >/dev/null 2>&1
status=$?
set -e
echo "neovim $(nvim --version | head -1 | cut -d' ' -f2) diagnostics (0-based line:col):"
cat "$OUT" 2>/dev/null || echo "(no output)"
[ "$status" = 0 ] || { echo "neovim.sh: nvim exited with $status" >&2; exit 1; }
grep -q '^0:10-0:16 shipshape dockerfile/latest-tag ' "$OUT" || { echo "neovim.sh: expected dockerfile/latest-tag on node:latest's tag" >&2; exit 1; }
grep -q '^2:4-.* shipshape dockerfile/json-args ' "$OUT" || { echo "neovim.sh: expected dockerfile/json-args on the CMD" >&2; exit 1; }
echo "neovim: ok"
