// Optional ShellCheck on `run:` scripts: runs the `shellcheck` binary (shellcheck-binary.ts: configured or on PATH,
// never downloaded) with an argument array, feeds the script on stdin and maps its line/column back into the YAML block scalar.
import { execFile, execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Scalar } from 'yaml';
import type { Range, Severity } from '../engine/types';
import type { ActionsModel } from './model';
import { norc, shellcheckHook } from '../shellcheck-batch';

export interface ShellcheckComment {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
}

/** Codes that only fire because of how Actions embeds scripts: placeholders, files not in the step, and `cd` failures (GitHub runs bash and sh with `-e`). */
const EXCLUDED = ['SC1091', 'SC2050', 'SC2154', 'SC2157', 'SC2164', 'SC2194'];

/** `${{ … }}` replaced by a same-length variable reference, so columns stay put and the shell sees a word. */
export function maskExpressions(script: string): string {
  return script.replace(/\$\{\{[\s\S]*?\}\}/g, (m) => (m.includes('\n') ? m.replace(/[^\n]/g, ' ') : '$' + 'X'.repeat(m.length - 1)));
}

/**
 * Where each script line starts in the document, for literal block scalars and single-line plain scalars
 * (other styles fold or unescape text, so columns would not map exactly: they are skipped).
 */
export function scriptLineOffsets(model: ActionsModel, node: Scalar): number[] | undefined {
  const [start, end] = node.range!;
  const value = String(node.value);
  if (node.type === 'PLAIN') return value.includes('\n') ? undefined : [start];
  if (node.type !== 'BLOCK_LITERAL') return undefined;
  const offsets: number[] = [];
  const lines = value.split('\n');
  let line = model.index.positionAt(start).line + 1;
  for (const text of lines) {
    if (offsets.length === lines.length - 1 && text === '') break;
    const lineStart = model.index.lineStarts[line];
    if (lineStart === undefined || lineStart > end) return undefined;
    const src = model.index.lineText(line);
    // The value line is the source line without the block's indentation.
    const col = text === '' ? src.length : src.endsWith(text) ? src.length - text.length : -1;
    if (col < 0) return undefined;
    offsets.push(lineStart + col);
    line++;
  }
  return offsets;
}

export interface MappedComment {
  range: Range;
  message: string;
  severity: Severity;
  code: string;
}

const SEVERITY: Record<ShellcheckComment['level'], Severity> = { error: 'warning', warning: 'warning', info: 'info', style: 'hint' };

/** ShellCheck's 1-based line/columns (end exclusive) → document ranges. */
export function mapComments(model: ActionsModel, offsets: number[], comments: ShellcheckComment[]): MappedComment[] {
  const out: MappedComment[] = [];
  for (const c of comments) {
    const s = offsets[c.line - 1];
    const e = offsets[c.endLine - 1];
    if (s === undefined || e === undefined) continue;
    const start = s + c.column - 1;
    const end = Math.max(e + c.endColumn - 1, start + 1);
    out.push({ range: model.index.range(start, end), message: `SC${c.code}: ${c.message}`, severity: SEVERITY[c.level] ?? 'info', code: `SC${c.code}` });
  }
  return out;
}

/** ShellCheck comments by shell and script text (least recently used go first). */
const cache = new Map<string, ShellcheckComment[]>();
/** Enough for every `run:` script of a large workspace's open workflows (entries are small). */
const CACHE_MAX = 5000;

function cached(key: string): ShellcheckComment[] | undefined {
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
  }
  return hit;
}

function remember(key: string, comments: ShellcheckComment[]): void {
  cache.delete(key);
  cache.set(key, comments);
  for (const old of cache.keys()) {
    if (cache.size <= CACHE_MAX) break;
    cache.delete(old);
  }
}

function parseOutput(stdout: string | undefined): Array<ShellcheckComment & { file: string }> {
  if (!stdout) return [];
  try {
    return (JSON.parse(stdout) as { comments?: Array<ShellcheckComment & { file: string }> }).comments ?? [];
  } catch {
    return [];
  }
}

/**
 * Background mode (the language server): scripts not in the cache are checked asynchronously and the lint goes on
 * without their findings; `onReady(path)` is called when they arrive, so the server lints the file again (now a
 * cache hit) and publishes a second time with the same findings a synchronous run gives. A 5,000-line workflow has
 * hundreds of `run:` scripts: a synchronous ShellCheck held its first diagnostics back by a second. The CLI never
 * sets this: it checks synchronously, batched across files (shellcheck-batch.ts).
 */
let background: ((path: string) => void) | undefined;
export function setShellcheckBackground(onReady: ((path: string) => void) | undefined): void {
  background = onReady;
}

interface Job {
  binary: string;
  options: string[];
  keyOf: (script: string) => string;
  /** The scripts each file is waiting for. */
  files: Map<string, string[]>;
}
/** Wanted runs by binary and options (one ShellCheck process per run), started once requests pause, one at a time. */
const wanted = new Map<string, Job>();
const IDLE_MS = 100;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let running = false;

function request(binary: string, options: string[], keyOf: (script: string) => string, scripts: string[], file: string): void {
  const slot = `${binary}\u0000${options.join(' ')}`;
  let job = wanted.get(slot);
  if (!job) wanted.set(slot, (job = { binary, options, keyOf, files: new Map() }));
  job.files.set(file, [...(job.files.get(file) ?? []), ...scripts]);
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    startNext();
  }, IDLE_MS);
}

function startNext(): void {
  if (running || idleTimer) return;
  const next = wanted.entries().next();
  if (next.done) return;
  const [slot, job] = next.value;
  wanted.delete(slot);
  const todo = [...new Set([...job.files.values()].flat())].filter((s) => !cache.has(job.keyOf(s)));
  const done = () => {
    running = false;
    // A file whose scripts all came back clean already had the right findings (its lint counted them as clean).
    for (const [f, scripts] of job.files) if (scripts.some((s) => cache.get(job.keyOf(s))?.length !== 0)) background?.(f);
    startNext();
  };
  if (!todo.length) return done();
  running = true;
  let dir: string | undefined;
  let files: string[];
  try {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-'));
    files = todo.map((script, i) => {
      const file = path.join(dir!, `run${i}.sh`);
      fs.writeFileSync(file, script);
      return file;
    });
  } catch {
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
    for (const script of todo) remember(job.keyOf(script), []);
    return done();
  }
  execFile(job.binary, [...job.options, ...norc(job.binary), '--', ...files], { timeout: 10000, encoding: 'utf8', maxBuffer: 32 * 1024 * 1024, windowsHide: true }, (_err, stdout) => {
    // ShellCheck exits 1 when it has findings: the JSON is still on stdout (as in the synchronous run below).
    const byFile = new Map<string, ShellcheckComment[]>(files.map((f) => [f, []]));
    for (const c of parseOutput(stdout)) byFile.get(c.file)?.push(c);
    todo.forEach((script, i) => remember(job.keyOf(script), byFile.get(files[i]) ?? []));
    fs.rm(dir!, { recursive: true, force: true }, () => undefined);
    done();
  });
}

/**
 * Runs ShellCheck on many scripts with one process (one temporary file each); results are cached by content,
 * so an editor re-lint only checks the scripts that changed. Failures and timeouts yield no comments. In background
 * mode (see `setShellcheckBackground`) scripts not checked yet get no comments until their run has finished.
 */
export function runShellcheckBatch(binary: string, scripts: string[], shell: string, file = ''): ShellcheckComment[][] {
  const options = ['--format=json1', `--shell=${shell}`, `--exclude=${EXCLUDED.join(',')}`];
  // The CLI checks the scripts of many files per ShellCheck process and hands the results in here.
  const batched = shellcheckHook()?.(binary, options, scripts);
  if (batched) return batched as ShellcheckComment[][];
  const keyOf = (script: string) => `${shell}\u0000${script}`;
  const todo = [...new Set(scripts.filter((s) => !cache.has(keyOf(s))))];
  if (todo.length && background) {
    request(binary, options, keyOf, todo, file);
    return scripts.map((s) => cached(keyOf(s)) ?? []);
  }
  if (todo.length) {
    let dir: string | undefined;
    try {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-sc-'));
      const files = todo.map((script, i) => {
        const file = path.join(dir!, `run${i}.sh`);
        fs.writeFileSync(file, script);
        return file;
      });
      let stdout: string | undefined;
      try {
        stdout = execFileSync(binary, [...options, ...norc(binary), '--', ...files], { timeout: 10000, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 32 * 1024 * 1024 });
      } catch (err) {
        // ShellCheck exits 1 when it has findings: the JSON is still on stdout.
        stdout = (err as { stdout?: string }).stdout;
      }
      const byFile = new Map<string, ShellcheckComment[]>(files.map((f) => [f, []]));
      for (const c of parseOutput(stdout)) byFile.get(c.file)?.push(c);
      todo.forEach((script, i) => remember(keyOf(script), byFile.get(files[i]) ?? []));
    } catch {
      for (const script of todo) remember(keyOf(script), []);
    } finally {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
    }
  }
  return scripts.map((s) => cached(keyOf(s)) ?? []);
}
