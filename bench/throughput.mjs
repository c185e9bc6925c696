// CLI throughput: our CLI (one thread, all cores) end to end, our engine in-process, and the peer libraries
// in-process on the same files of their kind.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';

const require = createRequire(import.meta.url);
// yaml's toJS warns about complex keys in some corpus files; that is noise here.
process.removeAllListeners('warning');

function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (e.name === '.git' || e.name === 'node_modules') continue;
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(p);
    }
  };
  walk(dir);
  return out;
}

function time(fn) {
  const t = performance.now();
  const n = fn();
  return { seconds: (performance.now() - t) / 1000, n };
}

/** kubernetes-models' class for an apiVersion/kind (`apps/v1` + `Deployment` → `kubernetes-models/apps/v1`, export Deployment). */
const groupCache = new Map();
async function k8sModel(apiVersion, kind) {
  if (typeof apiVersion !== 'string' || typeof kind !== 'string') return undefined;
  if (!groupCache.has(apiVersion)) groupCache.set(apiVersion, await import(`kubernetes-models/${apiVersion}`).catch(() => undefined));
  return groupCache.get(apiVersion)?.[kind];
}

/**
 * Our CLI end to end, each run capped at `capS` seconds: a slow run is stopped and reported as "timed out after N
 * files" (the CLI reports its progress with SHIPSHAPE_PROGRESS=1). "ShellCheck off" runs with no `shellcheck` on
 * PATH, as for a user without it.
 */
function cliRun(set, cli, dir, { jobs, shellcheck, capS }) {
  const args = [cli, 'lint', '--format', 'json', ...(jobs ? ['--jobs', jobs] : []), dir];
  // A private temporary folder: a run stopped at the cap cannot clean up the ShellCheck batches it had in flight.
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-bench-cli-'));
  const env = { ...process.env, TMPDIR: tmp, SHIPSHAPE_PROGRESS: '1', ...(shellcheck ? {} : { PATH: '/nonexistent' }) };
  const tool = `shipshape CLI ${jobs ? '--jobs 1' : 'all cores'}, ShellCheck ${shellcheck ? 'on' : 'off'}`;
  const t = performance.now();
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', maxBuffer: 1 << 30, env, timeout: capS * 1000, killSignal: 'SIGKILL' });
  const seconds = (performance.now() - t) / 1000;
  fs.rmSync(tmp, { recursive: true, force: true });
  if (r.error?.code === 'ETIMEDOUT' || r.signal) {
    const done = [...(r.stderr ?? '').matchAll(/progress \+(\d+)/g)].reduce((n, m) => n + Number(m[1]), 0);
    return { set, tool, files: done, seconds, rate: done / seconds, note: `timed out after ${done} files (cap ${capS} s)` };
  }
  let files;
  try {
    files = JSON.parse(r.stdout).files.length;
  } catch {
    return { set, tool, error: `no JSON output (exit ${r.status}): ${(r.stderr ?? '').split('\n').find((l) => l && !/progress/.test(l)) ?? ''}` };
  }
  return { set, tool, files, seconds, rate: files / seconds };
}

export async function cliThroughput(set, dir, { root, engine: enginePath, capS = 120, engineCapS = 30, peerBudgetS = 15, log = () => {} }) {
  const rows = [];
  const cli = path.join(root, 'dist/cli.js');
  // One thread without ShellCheck (the engine's own speed), then all cores without and with it.
  for (const [jobs, shellcheck] of [['1', false], [undefined, false], [undefined, true]]) {
    rows.push(cliRun(set, cli, dir, { jobs, shellcheck, capS }));
    log(`cli ${set}: ${rows.at(-1).tool}: ${rows.at(-1).note ?? `${rows.at(-1).files} files in ${rows.at(-1).seconds?.toFixed(1)} s`}`);
  }

  const lib = require(enginePath);
  const eng = new lib.Engine(lib.createRegistry());
  // The engine alone, as the peers are measured: no external ShellCheck (the CLI rows show it on and off).
  const config = lib.mergeConfig(lib.DEFAULT_CONFIG, { domains: { actions: { shellcheck: false }, dockerfile: { shellcheck: false } } });
  const ws = lib.memoryWorkspace({});
  const byKind = { dockerfile: [], kubernetes: [], workflow: [], action: [] };
  for (const file of listFiles(dir)) {
    let text;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    const kind = lib.detectKind(file, text);
    if (kind && byKind[kind]) byKind[kind].push({ file, text });
  }
  const ours = (files, kind) => time(() => files.reduce((n, f) => (eng.lint({ path: f.file, text: f.text, kind, config, workspace: ws }), n + 1), 0));
  const all = Object.entries(byKind).flatMap(([kind, files]) => files.map((f) => ({ ...f, kind })));
  const inproc = time(() => {
    const t = performance.now();
    let n = 0;
    for (const f of all) {
      if ((performance.now() - t) / 1000 > engineCapS) break;
      eng.lint({ path: f.file, text: f.text, kind: f.kind, config, workspace: ws });
      n++;
    }
    return n;
  });
  rows.push({ set, tool: 'shipshape engine in-process, 1 thread', files: inproc.n, seconds: inproc.seconds, rate: inproc.n / inproc.seconds, ...(inproc.n < all.length ? { note: `stopped after ${inproc.n} of ${all.length} files (cap ${engineCapS} s)` } : {}) });
  log(`cli ${set}: engine in-process done`);

  const { validate } = require('dockerfile-utils');
  const { parseWorkflow, convertWorkflowTemplate, NoOperationTraceWriter } = require(path.join(path.dirname(enginePath), 'workflow-parser.cjs'));
  const { parseAllDocuments } = require('yaml');
  const peers = [
    ['dockerfile', 'dockerfile-utils validate', (f) => validate(f.text)],
    [
      'workflow',
      '@actions/workflow-parser parse+convert',
      async (f) => {
        const parsed = parseWorkflow({ name: f.file, content: f.text }, new NoOperationTraceWriter());
        if (parsed.value) await convertWorkflowTemplate(parsed.context, parsed.value);
      },
    ],
    [
      'kubernetes',
      'kubernetes-models validate (yaml parse + per-kind model)',
      async (f) => {
        for (const doc of parseAllDocuments(f.text)) {
          const obj = doc.toJS?.();
          const Model = obj && typeof obj === 'object' && (await k8sModel(obj.apiVersion, obj.kind));
          if (!Model) continue;
          try {
            new Model(obj).validate();
          } catch {
            /* invalid: that is a finding, not a failure */
          }
        }
      },
    ],
  ];
  for (const [kind, tool, run] of peers) {
    const all = byKind[kind];
    if (!all.length) continue;
    for (const f of all.slice(0, 3)) await run(f); // warm up module loading
    // Each peer gets a time budget; ours is then timed on the same files.
    const t = performance.now();
    let done = 0;
    for (const f of all) {
      if ((performance.now() - t) / 1000 > peerBudgetS) break;
      try {
        await run(f);
      } catch {
        /* a peer throwing on a file still spent the time */
      }
      done++;
    }
    const seconds = (performance.now() - t) / 1000;
    const files = all.slice(0, done);
    const mine = ours(files, kind);
    const rate = files.length / seconds;
    const ourRate = files.length / mine.seconds;
    rows.push({ set, tool: `${tool} (${kind} files)`, files: files.length, seconds, rate, ratio: `ours ${ourRate.toFixed(0)}/s = ${(ourRate / rate).toFixed(2)}×`, ...(done < all.length ? { note: `budget ${peerBudgetS} s: ${done} of ${all.length} files` } : {}) });
    log(`cli ${set}: ${tool} done`);
  }
  return rows;
}
