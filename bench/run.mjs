// `npm run bench`: editor latency vs. the peer language servers, CLI throughput vs. the peer libraries, and our lint
// time as a multiple of a bare parse. Prints tables with ratios and writes bench/.results/latest.json.
// Options: --quick (small sizes, few edits: checks the harness), --only=latency,many,cli,floor, --edits=N, --budget=S,
// --kinds=dockerfile,kubernetes,workflow (latency and floor),
// --cli-cap=S (seconds per CLI run, default 120), --peer-budget=S (seconds per peer library, default 15; the
// in-process engine row gets 30 s).
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { build } from 'esbuild';
import { commonJsBuilds, yamlDebugSwitchesOff } from '../scripts/bundle-plugins.mjs';
import { FILE_NAMES, GENERATORS, writeRepo } from './generate.mjs';
import { kubernetesSchemaFile } from './k8s-schema.mjs';
import { measure, middleLine } from './lsp.mjs';
import { cliThroughput } from './throughput.mjs';
import { floors } from './floor.mjs';

const require = createRequire(import.meta.url);
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const CACHE = path.join(ROOT, 'bench/.cache');
const args = Object.fromEntries(process.argv.slice(2).map((a) => a.replace(/^--/, '').split('=')).map(([k, v]) => [k, v ?? true]));
if (args.help) {
  console.log('node bench/run.mjs [--quick] [--only=latency,many,cli,floor] [--edits=N] [--budget=S] [--cli-cap=S] [--peer-budget=S]\n(set SHIPSHAPE_SHARED=<dir> when ../shared/corpus is not beside the repository)');
  process.exit(0);
}
const quick = !!args.quick;
const only = new Set(String(args.only ?? 'latency,many,cli,floor').split(','));
const KINDS = String(args.kinds ?? 'dockerfile,kubernetes,workflow').split(',');
const SIZES = quick ? [100, 1000] : [100, 1000, 5000];
const EDITS = Number(args.edits ?? (quick ? 20 : 200));
/** Seconds of edits per server and document: slow peers get fewer edits (the table says how many). */
const BUDGET_S = Number(args.budget ?? (quick ? 5 : 15));
/** Seconds per CLI run (a slower run is stopped and reported as "timed out after N files") and per peer library. */
const CLI_CAP_S = Number(args['cli-cap'] ?? (quick ? 30 : 120));
const PEER_BUDGET_S = Number(args['peer-budget'] ?? (quick ? 5 : 15));
const node = process.execPath;
const started = Date.now();

const EDIT_LINES = { dockerfile: /^RUN cd \/src && make target\d+$/, kubernetes: /^ {2}name: (svc|config)-\d+$/, workflow: /^\s+run: npm run task\d+ -- --shard \d+$/ };

function docFor(kind, lines) {
  const root = path.join(CACHE, 'docs', `${kind}-${lines}`);
  const file = path.join(root, FILE_NAMES[kind]);
  const text = GENERATORS[kind](lines);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, text);
  return { root, file, text, lines: text.split('\n').length - 1, editLine: middleLine(text, EDIT_LINES[kind]) };
}

const schema = kubernetesSchemaFile();
const yamlSettings = { schemas: { [`file://${schema}`]: ['*.yaml', '*.yml'] }, validate: true, schemaStore: { enable: false }, hover: false, completion: false, format: { enable: false }, kubernetesCRDStore: { enable: false } };
const SERVERS = {
  ours: (languageId) => ({ name: 'shipshape', command: node, args: [path.join(ROOT, 'dist/server.js'), '--stdio'], languageId, settings: (s) => (s === 'shipshape' ? {} : null) }),
  dockerfile: () => ({ name: 'dockerfile-language-server', command: node, args: [path.join(ROOT, 'node_modules/dockerfile-language-server-nodejs/lib/server.js'), '--stdio'], languageId: 'dockerfile', settings: () => null }),
  yaml: () => ({ name: 'yaml-language-server + k8s schema', command: node, args: [path.join(ROOT, 'bench/yamlls-no-delay.cjs'), '--stdio'], languageId: 'yaml', settings: (s) => (s === 'yaml' ? yamlSettings : s === 'http' ? {} : null), settingsAll: { yaml: yamlSettings, http: {} } }),
  actions: () => ({ name: '@actions/languageserver', command: node, args: [path.join(ROOT, 'node_modules/@actions/languageserver/dist/cli.bundle.cjs'), '--stdio'], languageId: 'github-actions-workflow', initializationOptions: { logLevel: 3 }, settings: () => null }),
};
const PEERS = { dockerfile: ['dockerfile'], kubernetes: ['yaml'], workflow: ['actions'] };
const TARGETS = { dockerfile: { 1000: 15, 5000: 60 }, kubernetes: { 1000: 15, 5000: 30 }, workflow: { 1000: 20, 5000: 120 } };

const fmt = (n, d = 1) => (Number.isFinite(n) ? n.toFixed(d) : '—');
const table = (head, rows) => {
  const all = [head, ...rows].map((r) => r.map(String));
  const w = head.map((_, i) => Math.max(...all.map((r) => r[i].length)));
  const numeric = (c) => /^[-\d.,×—]+( met| NOT met)?$/.test(c) || c === '';
  return all.map((r, k) => r.map((c, i) => (numeric(c) && k > 0 ? c.padStart(w[i]) : c.padEnd(w[i]))).join('  ').trimEnd() + (k === 0 ? '\n' + w.map((x) => '-'.repeat(x)).join('  ') : '')).join('\n');
};

async function timed(server, doc, opts = {}) {
  // A first pass sizes the edit count to the time budget; slow servers are measured on fewer edits.
  const probe = await measure(server, doc, { edits: 2, ...opts });
  const perEdit = Math.max(probe.p50, 1);
  const edits = Math.max(5, Math.min(EDITS, Math.floor((BUDGET_S * 1000) / perEdit)));
  return measure(server, doc, { edits, ...opts });
}

const results = { date: new Date().toISOString(), machine: `${os.cpus()[0]?.model ?? '?'} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GB, ${os.platform()} ${os.release()}, node ${process.version}`, load: os.loadavg(), quick, latency: [], cli: [], floor: [] };

if (only.has('latency')) {
  for (const kind of KINDS) {
    for (const lines of SIZES) {
      const doc = docFor(kind, lines);
      for (const which of ['ours', ...PEERS[kind]]) {
        const server = which === 'ours' ? SERVERS.ours(kind === 'dockerfile' ? 'dockerfile' : 'yaml') : SERVERS[which]();
        try {
          const r = await timed(server, doc);
          results.latency.push({ kind, lines: doc.lines, ...r });
        } catch (err) {
          results.latency.push({ kind, lines: doc.lines, server: server.name, error: String(err.message).split('\n')[0] });
        }
        process.stderr.write(`latency ${kind} ${lines} ${server.name} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
      }
    }
  }
}
if (only.has('many')) {
  // Memory with many open documents: 1,000 documents of ~100 lines open, then edits on one more.
  const many = [];
  for (let i = 0; i < 1000; i++) {
    const kind = ['dockerfile', 'kubernetes', 'workflow'][i % 3];
    const dir = path.join(CACHE, 'docs', 'many', String(i));
    many.push({ file: path.join(dir, FILE_NAMES[kind]), text: GENERATORS[kind](100, 1000 + i), languageId: kind === 'dockerfile' ? 'dockerfile' : 'yaml' });
  }
  const doc = docFor('kubernetes', 100);
  try {
    const r = await measure(SERVERS.ours('yaml'), doc, { edits: Math.min(EDITS, 50), extraDocs: many });
    results.latency.push({ kind: 'kubernetes', lines: doc.lines, ...r, server: 'shipshape, 1,000 open documents' });
  } catch (err) {
    results.latency.push({ kind: 'kubernetes', lines: doc.lines, server: 'shipshape, 1,000 open documents', error: String(err.message) });
  }
}

if (only.has('cli') || only.has('floor')) {
  // Bundled as the server and the CLI are (scripts/bundle-plugins.mjs).
  await build({ entryPoints: [path.join(ROOT, 'bench/engine-entry.ts')], outfile: path.join(CACHE, 'engine.cjs'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'warning', plugins: [commonJsBuilds, yamlDebugSwitchesOff] });
  // @actions/workflow-parser is ESM importing JSON without import attributes, which Node 20 refuses: bundle it.
  await build({ stdin: { contents: "export * from '@actions/workflow-parser';", resolveDir: ROOT }, outfile: path.join(CACHE, 'workflow-parser.cjs'), bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
}
if (only.has('cli')) {
  const corpus = path.resolve(process.env.SHIPSHAPE_SHARED ?? path.join(ROOT, '../shared'), 'corpus');
  // Outside the repository: its .gitignore (bench/.cache/) would hide the files from the CLI's walk.
  const repo = path.join(os.tmpdir(), 'shipshape-bench-repo');
  const count = quick ? 1000 : 10000;
  if (!fs.existsSync(path.join(repo, '.complete-' + count))) {
    writeRepo(repo, count);
    fs.writeFileSync(path.join(repo, '.complete-' + count), '');
  }
  for (const [name, dir] of [['corpus', corpus], [`generated ${count} files`, repo]]) {
    if (!fs.existsSync(dir)) {
      results.cli.push({ set: name, error: `${dir} not found` });
      continue;
    }
    results.cli.push(...(await cliThroughput(name, dir, { root: ROOT, engine: path.join(CACHE, 'engine.cjs'), capS: CLI_CAP_S, peerBudgetS: PEER_BUDGET_S, log: (m) => process.stderr.write(`${m} (${Math.round((Date.now() - started) / 1000)} s)\n`) })));
    process.stderr.write(`cli ${name} done (${Math.round((Date.now() - started) / 1000)} s)\n`);
  }
}
if (only.has('floor')) {
  results.floor = floors(path.join(CACHE, 'engine.cjs'), SIZES.filter((s) => s >= 1000), quick ? 5 : 20, KINDS);
}

// The package size (the .vsix is what users download).
{
  const vsix = path.join(CACHE, 'shipshape.vsix');
  const r = spawnSync(process.execPath, [path.join(ROOT, 'node_modules/@vscode/vsce/vsce'), 'package', '--no-dependencies', '-o', vsix], { cwd: ROOT, encoding: 'utf8' });
  results.vsixKb = r.status === 0 ? fs.statSync(vsix).size / 1024 : undefined;
}

// --- report ------------------------------------------------------------------------------------------------------
const out = [];
out.push(`Shipshape benchmark — ${results.date} — ${results.machine} — load ${results.load.map((l) => l.toFixed(2)).join(' ')}${quick ? ' — QUICK RUN (harness check, not results)' : ''}`);
if (results.latency.length) {
  const rows = results.latency.map((r) => {
    const ours = results.latency.find((o) => o.kind === r.kind && o.lines === r.lines && o.server === 'shipshape');
    const target = TARGETS[r.kind]?.[r.lines >= 4000 ? 5000 : r.lines >= 900 ? 1000 : 0];
    return r.error
      ? [r.kind, r.lines, r.server, 'error: ' + r.error.slice(0, 80), '', '', '', '', '', '', '', '']
      : [r.kind, r.lines, r.server, fmt(r.initializeMs, 0), fmt(r.firstDiagnosticsMs, 0), fmt(r.p50), fmt(r.p95), fmt(r.p99), r.edits, fmt(r.peakRssMb, 0), r.server.startsWith('shipshape') || !ours ? '' : `${fmt(r.p95 / ours.p95, 1)}×`, r.server === 'shipshape' && target ? `${target} ${r.p95 <= target ? 'met' : 'NOT met'}` : ''];
  });
  out.push('\nEdit → diagnostics over stdio (ms; RSS in MB; "peer/ours" = peer p95 ÷ our p95)');
  out.push(table(['kind', 'lines', 'server', 'init', 'first', 'p50', 'p95', 'p99', 'edits', 'RSS', 'peer/ours', 'target p95'], rows));
}
if (results.cli.length) {
  out.push('\nThroughput (files/s; "ours/peer" = our rate ÷ the peer rate on the same files)');
  out.push(table(['set', 'tool', 'files', 'seconds', 'files/s', 'vs ours', 'note'], results.cli.map((r) => (r.error ? [r.set, r.tool ?? 'error', 'error: ' + r.error.slice(0, 80), '', '', '', ''] : [r.set, r.tool, r.files, fmt(r.seconds, 2), fmt(r.rate, 0), r.ratio ?? '', r.note ?? '']))));
}
if (results.floor.length) {
  out.push('\nThe floor: our lint time as a multiple of a bare parse of the same file (ms, median)');
  out.push(table(['kind', 'lines', 'parse', 'full lint', '× parse', 'lint after 1-char edit', '× parse'], results.floor.map((r) => [r.kind, r.lines, fmt(r.parseMs), fmt(r.lintMs), fmt(r.lintMs / r.parseMs, 2), fmt(r.editLintMs), fmt(r.editLintMs / r.parseMs, 2)])));
}
out.push(`\n.vsix: ${results.vsixKb ? `${results.vsixKb.toFixed(0)} KB (target ≤ 1,024 KB: ${results.vsixKb <= 1024 ? 'met' : 'NOT met'})` : 'packaging failed'}`);
out.push(`\nTotal ${Math.round((Date.now() - started) / 1000)} s. Peers: ${['dockerfile-language-server-nodejs', 'yaml-language-server', '@actions/languageserver', 'dockerfile-utils', '@actions/workflow-parser', 'kubernetes-models'].map((p) => `${p}@${JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules', p, 'package.json'), 'utf8')).version}`).join(', ')}.`);
const report = out.join('\n');
console.log(report);
fs.mkdirSync(path.join(ROOT, 'bench/.results'), { recursive: true });
fs.writeFileSync(path.join(ROOT, 'bench/.results/latest.json'), JSON.stringify(results, null, 2));
fs.writeFileSync(path.join(ROOT, 'bench/.results/latest.txt'), report + '\n');
