// Preloaded (`node --require`) into the CLI and the server by security.test: every way to reach the network or run
// a program is replaced by a trap that reports the call on stderr (and fails it), so a test can assert none happened.
'use strict';
const report = (what) => {
  process.stderr.write(`SHIPSHAPE-TRAP ${what}\n`);
  throw new Error(`blocked by test trap: ${what}`);
};
const trap = (modName, fns) => {
  const mod = require(modName);
  for (const fn of fns) if (typeof mod[fn] === 'function') mod[fn] = () => report(`${modName}.${fn}`);
};
trap('net', ['connect', 'createConnection', 'createServer']);
trap('tls', ['connect', 'createServer']);
trap('http', ['request', 'get', 'createServer']);
trap('https', ['request', 'get', 'createServer']);
trap('http2', ['connect', 'createServer', 'createSecureServer']);
trap('dgram', ['createSocket']);
trap('dns', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
trap('dns/promises', ['lookup', 'resolve', 'resolve4', 'resolve6', 'resolveAny']);
// Programs: only ShellCheck, by absolute path, with an argument array and no shell (issue #7: external tools only by
// absolute path with argument arrays). Anything else — a shell, a relative name, workspace content — is reported.
{
  const cp = require('child_process');
  trap('child_process', ['exec', 'execSync', 'fork']);
  for (const fn of ['spawn', 'spawnSync', 'execFile', 'execFileSync']) {
    const original = cp[fn];
    cp[fn] = function (file, args, options) {
      const opts = Array.isArray(args) ? options : args;
      const allowed = typeof file === 'string' && require('path').isAbsolute(file) && /^shellcheck(\.exe)?$/.test(require('path').basename(file)) && (args === undefined || Array.isArray(args)) && !(opts && opts.shell);
      if (!allowed) report(`child_process.${fn} ${JSON.stringify(file)} ${JSON.stringify(args)}`);
      return original.apply(this, arguments);
    };
  }
}
const net = require('net');
net.Socket.prototype.connect = () => report('net.Socket.connect');
globalThis.fetch = () => report('fetch');
if (globalThis.WebSocket) globalThis.WebSocket = function () { report('WebSocket'); };
