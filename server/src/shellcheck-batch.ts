// ShellCheck over many scripts per process, for the CLI. Rules keep calling ShellCheck per document; while a batch
// hook is set they go through it instead: first in "collect" mode (the scripts a rule would check are recorded and
// the rule sees no findings), then, after `runBatches` checked every recorded script in processes of ~100 scripts
// each, in "serve" mode (the rule gets the batch's comments for its scripts, or runs ShellCheck itself for any the
// batch could not check). The language server sets no hook: it keeps the per-document path.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/** One json1 comment, as ShellCheck prints it (`file` names the script file). */
export type BatchComment = {
  file?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: string;
  code: number;
  message: string;
  fix?: unknown;
};

/** One script to check, with ShellCheck's options (no input file, no `-`). */
export interface BatchRequest {
  binary: string;
  args: string[];
  script: string;
}

/**
 * Called by a rule with the scripts it is about to check with one set of options: the comments per script, or
 * undefined to let the rule run ShellCheck itself.
 */
export type ShellcheckHook = (binary: string, args: string[], scripts: string[]) => BatchComment[][] | undefined;

let hook: ShellcheckHook | undefined;

export function shellcheckHook(): ShellcheckHook | undefined {
  return hook;
}

export function setShellcheckHook(h: ShellcheckHook | undefined): void {
  hook = h;
}

const groupKey = (binary: string, args: string[]) => `${binary}\u0000${args.join('\u0000')}`;

/** A hook recording every script; rules see no findings. */
export function collectingHook(into: BatchRequest[]): ShellcheckHook {
  return (binary, args, scripts) => {
    for (const script of scripts) into.push({ binary, args, script });
    return scripts.map(() => []);
  };
}

/** A hook answering from batch results; undefined (the rule runs ShellCheck itself) when a script is missing. */
export function servingHook(results: BatchResults): ShellcheckHook {
  return (binary, args, scripts) => {
    const group = results.get(groupKey(binary, args));
    const out = scripts.map((s) => group?.get(s));
    return out.every((c) => c !== undefined) ? (out as BatchComment[][]) : undefined;
  };
}

/** Comments per options group and script; a script missing from its group could not be checked in a batch. */
export type BatchResults = Map<string, Map<string, BatchComment[]>>;

export interface BatchOptions {
  /** Scripts per ShellCheck process. */
  perProcess?: number;
  /**
   * Characters of script per ShellCheck process: its time grows faster than the script's size (a 23 KB RUN took
   * 2.5 s, as long as 100 small scripts), so large scripts get processes of their own instead of holding up a batch.
   */
  charsPerProcess?: number;
  /** Per process, in ms. */
  timeoutMs?: number;
}

/**
 * Checks the scripts, ~100 per ShellCheck process: each written to its own file in a fresh temporary folder (always
 * removed, also on failure), ShellCheck run with an argument array (no shell), `--norc` when the binary knows it,
 * `-f json1`, and its comments handed back per script, positions untouched. A process that fails or times out
 * leaves its scripts out of the results.
 */
export function runBatches(requests: BatchRequest[], options: BatchOptions = {}): BatchResults {
  const results: BatchResults = new Map();
  for (const task of tasksOf(requests, options, results)) {
    for (const [script, comments] of runOne(task.binary, task.args, task.scripts, options.timeoutMs ?? 120_000)) task.done.set(script, comments);
  }
  return results;
}

/** `runBatches` with up to `concurrency` ShellCheck processes at a time, leaving the event loop free meanwhile. */
export async function runBatchesAsync(requests: BatchRequest[], options: BatchOptions & { concurrency?: number } = {}): Promise<BatchResults> {
  const results: BatchResults = new Map();
  const tasks = tasksOf(requests, options, results);
  let next = 0;
  const worker = async () => {
    while (next < tasks.length) {
      const task = tasks[next++];
      for (const [script, comments] of await runOneAsync(task.binary, task.args, task.scripts, options.timeoutMs ?? 120_000)) task.done.set(script, comments);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(options.concurrency ?? 1, tasks.length)) }, worker));
  return results;
}

interface Task {
  binary: string;
  args: string[];
  scripts: string[];
  done: Map<string, BatchComment[]>;
}

/**
 * The requests grouped by options (scripts deduplicated), cut into processes of at most `perProcess` scripts and
 * (unless one script is larger) `charsPerProcess` characters, largest scripts first; the heaviest processes come
 * first, so a long one starts early instead of ending the run alone.
 */
function tasksOf(requests: BatchRequest[], options: BatchOptions, results: BatchResults): Task[] {
  const perProcess = options.perProcess ?? 100;
  const charsPerProcess = options.charsPerProcess ?? 12_000;
  const groups = new Map<string, { binary: string; args: string[]; scripts: Set<string> }>();
  for (const r of requests) {
    const key = groupKey(r.binary, r.args);
    let g = groups.get(key);
    if (!g) groups.set(key, (g = { binary: r.binary, args: r.args, scripts: new Set() }));
    g.scripts.add(r.script);
  }
  const tasks: Task[] = [];
  for (const [key, g] of groups) {
    const done = new Map<string, BatchComment[]>();
    results.set(key, done);
    const scripts = [...g.scripts].sort((a, b) => b.length - a.length);
    let task: Task | undefined;
    let chars = 0;
    for (const script of scripts) {
      if (!task || task.scripts.length >= perProcess || (chars + script.length > charsPerProcess && task.scripts.length > 0)) {
        tasks.push((task = { binary: g.binary, args: g.args, scripts: [], done }));
        chars = 0;
      }
      task.scripts.push(script);
      chars += script.length;
    }
  }
  const weight = (t: Task) => t.scripts.reduce((n, s) => n + s.length, 0);
  return tasks.map((t) => ({ t, w: weight(t) })).sort((a, b) => b.w - a.w).map(({ t }) => t);
}

/** Writes each script to its own file in a fresh temporary folder; the caller removes the folder. */
function writeScripts(scripts: string[]): { dir: string; files: string[] } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scb-'));
  try {
    const files = scripts.map((script, i) => {
      const file = path.join(dir, `s${i}.sh`);
      fs.writeFileSync(file, script);
      return file;
    });
    return { dir, files };
  } catch (err) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw err;
  }
}

/** ShellCheck's json1 output split per script file (exit 1 means "found something"; anything else is a failure). */
function split(status: number | null, stdout: string, scripts: string[], files: string[]): Map<string, BatchComment[]> {
  const out = new Map<string, BatchComment[]>();
  if (status !== 0 && status !== 1) return out;
  const parsed = JSON.parse(stdout) as { comments?: BatchComment[] };
  const byFile = new Map<string, BatchComment[]>(files.map((f) => [f, []]));
  for (const c of parsed.comments ?? []) byFile.get(c.file ?? '')?.push(c);
  files.forEach((f, i) => out.set(scripts[i], byFile.get(f)!));
  return out;
}

function runOne(binary: string, args: string[], scripts: string[], timeout: number): Map<string, BatchComment[]> {
  let dir: string | undefined;
  try {
    const written = writeScripts(scripts);
    dir = written.dir;
    const argv = [...args, ...norc(binary), '--', ...written.files];
    const r = spawnSync(binary, argv, { encoding: 'utf8', timeout, maxBuffer: 256 << 20, windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] });
    return r.error ? new Map() : split(r.status, r.stdout, scripts, written.files);
  } catch {
    return new Map();
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function runOneAsync(binary: string, args: string[], scripts: string[], timeout: number): Promise<Map<string, BatchComment[]>> {
  let dir: string | undefined;
  try {
    const written = writeScripts(scripts);
    dir = written.dir;
    const argv = [...args, ...norc(binary), '--', ...written.files];
    const { status, stdout } = await new Promise<{ status: number | null; stdout: string }>((resolve) => {
      const chunks: Buffer[] = [];
      const child = spawn(binary, argv, { windowsHide: true, stdio: ['ignore', 'pipe', 'ignore'] });
      const timer = setTimeout(() => child.kill('SIGKILL'), timeout);
      child.stdout.on('data', (d: Buffer) => chunks.push(d));
      child.on('error', () => {
        clearTimeout(timer);
        resolve({ status: null, stdout: '' });
      });
      child.on('close', (code, signal) => {
        clearTimeout(timer);
        resolve({ status: signal ? null : code, stdout: Buffer.concat(chunks).toString('utf8') });
      });
    });
    return split(status, stdout, scripts, written.files);
  } catch {
    return new Map();
  } finally {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  }
}

const norcSupport = new Map<string, boolean>();

/**
 * `--norc` (ShellCheck ≥ 0.8) when the binary knows it: a `.shellcheckrc` in the temporary folder's parents or the
 * home folder must not change what a script gets, and per-document runs use it too, so both paths agree.
 */
export function norc(binary: string): string[] {
  let ok = norcSupport.get(binary);
  if (ok === undefined) {
    const r = spawnSync(binary, ['--version'], {
      encoding: 'utf8',
      timeout: 5000,
      windowsHide: true,
    });
    const m = /version:\s*v?(\d+)\.(\d+)/.exec(r.stdout ?? '');
    ok = !!m && (Number(m[1]) > 0 || Number(m[2]) >= 8);
    norcSupport.set(binary, ok);
  }
  return ok ? ['--norc'] : [];
}
