// Optional ShellCheck on RUN: one `shellcheck` process per Dockerfile (each RUN in its own subshell), run with an
// argument array (no shell), a timeout, and ARG/ENV names declared as set. Results map back to exact Dockerfile
// positions. Off unless the workspace is trusted and a `shellcheck` binary is found.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import type { Fix, Position, Range, Severity, WorkspaceReader } from '../engine/types';
import { norc, runBatchesAsync, shellcheckHook } from '../shellcheck-batch';
export { findShellcheck } from '../shellcheck-binary';
import { distroOf, stageChain } from './final-stage';
import type { DockerfileModel, Stage } from './model';
import { stagePart } from './parts';

/** A piece of the generated script that comes from the Dockerfile. */
export interface Segment {
  /** 1-based script line of the segment's first line. */
  scriptLine: number;
  lineCount: number;
  /** Dockerfile position of the segment's first character; later lines start at column 0. */
  docLine: number;
  docColumn: number;
}

export interface ShellcheckComment {
  line: number;
  endLine: number;
  column: number;
  endColumn: number;
  level: 'error' | 'warning' | 'info' | 'style';
  code: number;
  message: string;
  fix?: { replacements: Array<{ line: number; endLine: number; column: number; endColumn: number; replacement: string }> } | null;
}

export interface MappedComment {
  code: string;
  message: string;
  severity: Severity;
  range: Range;
  fix?: Fix;
}

const LEVELS: Record<string, Severity> = { error: 'error', warning: 'warning', info: 'info', style: 'info' };
// Each RUN is a separate process: "modification is local to a subshell" is an artefact of our wrapping.
const ALWAYS_EXCLUDED = ['SC2030', 'SC2031'];

/** Whether a 1-based script line is one of a segment's. */
const holds = (seg: Segment, line: number) => line >= seg.scriptLine && line < seg.scriptLine + seg.lineCount;

function toDoc(segments: Segment[], line: number, column: number): Position | undefined {
  const seg = segments.find((s) => holds(s, line));
  if (!seg) return undefined;
  const offset = line - seg.scriptLine;
  return { line: seg.docLine + offset, character: (offset === 0 ? seg.docColumn : 0) + column - 1 };
}

/** Maps ShellCheck's json1 output onto Dockerfile ranges; comments on generated lines are dropped. */
export function mapShellcheckOutput(json: string, segments: Segment[]): MappedComment[] {
  let parsed: { comments?: ShellcheckComment[] };
  try {
    parsed = JSON.parse(json);
  } catch {
    return [];
  }
  const out: MappedComment[] = [];
  for (const c of parsed.comments ?? []) {
    const start = toDoc(segments, c.line, c.column);
    const end = toDoc(segments, c.endLine, c.endColumn);
    if (!start || !end) continue;
    const edits = (c.fix?.replacements ?? []).map((r) => ({ start: toDoc(segments, r.line, r.column), end: toDoc(segments, r.endLine, r.endColumn), text: r.replacement }));
    const fix: Fix | undefined =
      edits.length && edits.every((e) => e.start && e.end)
        ? { title: `Apply ShellCheck's fix for SC${c.code}`, edits: edits.map((e) => ({ range: { start: e.start!, end: e.end! }, newText: e.text })), safe: false }
        : undefined;
    out.push({ code: `SC${c.code}`, message: c.message, severity: LEVELS[c.level] ?? 'info', range: { start, end }, fix });
  }
  return out;
}

/** Names ARG and ENV declare in the stage chain up to `ins` (plus global ARGs): ShellCheck treats them as set. */
function declaredNames(model: DockerfileModel, stage: Stage, ins: Instruction): string[] {
  const names = new Set<string>(model.globalArgs.keys());
  for (const i of stageChain(stage).flatMap((s) => s.instructions)) {
    if (i === ins) break;
    if (i.getKeyword() === 'ARG' || i.getKeyword() === 'ENV') for (const p of (i as PropertyInstruction).getProperties()) names.add(p.getName());
  }
  return [...names].filter((n) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(n));
}

/** The shell a stage's RUNs use: sh by default, bash if SHELL says so, undefined for shells ShellCheck cannot read. */
function shellOf(stage: Stage): string | undefined {
  let shell = 'sh';
  for (const ins of stage.instructions) {
    if (ins.getKeyword() !== 'SHELL') continue;
    const first = /"([^"]+)"/.exec(ins.getRawArgumentsContent() ?? '')?.[1] ?? '';
    const name = first.split('/').pop()!;
    shell = /^(sh|bash|dash|ksh|ash)$/.test(name) ? (name === 'ash' ? 'sh' : name) : '';
  }
  return shell || undefined;
}

export interface Script {
  text: string;
  segments: Segment[];
  /** ShellCheck's --shell. */
  shell: string;
  /** Codes that do not apply to this dialect. */
  exclude: string[];
}

// BusyBox ash (Alpine) implements most of what ShellCheck's POSIX portability checks (SC3xxx) warn about.
const PORTABILITY_CODES = Array.from({ length: 99 }, (_, i) => `SC${3001 + i}`);

/** The dialect of a stage's RUNs: `bash` after SHELL bash, `ash` on Alpine, else `sh`; undefined for other shells. */
function dialectOf(stage: Stage): string | undefined {
  const shell = shellOf(stage);
  if (shell !== 'sh') return shell;
  return distroOf(stage) === 'alpine' ? 'ash' : 'sh';
}

/** The lines a stage adds to its dialect's script; segment lines relative to the chunk and to `firstLine`. */
interface Chunk {
  /** The lines, joined ('' for none). */
  text: string;
  lineCount: number;
  segments: Segment[];
}

/**
 * The dialect and chunk of each stage of the previous version of each recent file (by path): both follow from the
 * stage's part of the file (parts.ts: its text and the stages it builds on) and the global ARGs (names and defaults:
 * they may name the base image).
 */
const chunksBefore = new Map<string, { globalArgs: string; chunks: Map<string, { dialect: string; chunk: Chunk }> }>();

function stageChunk(model: DockerfileModel, stage: Stage, firstLine: number): Chunk {
  const lines: string[] = [];
  const segments: Segment[] = [];
  for (const ins of stage.instructions) {
    if (ins.getKeyword() !== 'RUN') continue;
    const body = runBody(model, ins);
    if (!body) continue;
    const declared = declaredNames(model, stage, ins);
    const disabled = pragmaCodes(model, ins);
    if (disabled.length) lines.push(`# shellcheck disable=${disabled.join(',')}`);
    lines.push('(');
    if (declared.length) lines.push(`export ${declared.map((n) => `${n}=x`).join(' ')}`);
    segments.push({ scriptLine: lines.length, lineCount: body.lines.length, docLine: body.line - firstLine, docColumn: body.column });
    lines.push(...body.lines, ')');
  }
  return { text: lines.join('\n'), lineCount: lines.length, segments };
}

/**
 * Builds one script per shell dialect from every shell-form RUN (heredoc bodies included), each RUN in a subshell,
 * keeping the columns of continuation lines. `key` (the file's path): stages unchanged since the previous version
 * of the file reuse their part of the scripts.
 */
export function buildScripts(model: DockerfileModel, key?: string): Script[] {
  if (model.escape !== '\\') return [];
  // Per dialect: the script's pieces (joined by line breaks), its line count so far, and its segments.
  const byDialect = new Map<string, { pieces: string[]; lineCount: number; segments: Segment[] }>();
  const globalArgs = [...model.globalArgs].map(([name, value]) => (value === undefined ? name : `${name}=${value}`)).join('\0');
  const before = key === undefined ? undefined : chunksBefore.get(key);
  // By part key (parts.ts: the stage's text and that of the stages it builds on), for the same global ARGs.
  const previous = before?.globalArgs === globalArgs ? before.chunks : undefined;
  const next = new Map<string, { dialect: string; chunk: Chunk }>();
  for (const stage of model.stages) {
    const part = key === undefined ? undefined : stagePart(model, stage);
    const found = part && (next.get(part.key) ?? previous?.get(part.key));
    const dialect = found ? found.dialect : dialectOf(stage);
    if (!dialect) continue;
    // A command before the first directive keeps `# shellcheck disable=` scoped to one RUN (not the whole file).
    let script = byDialect.get(dialect);
    if (!script) byDialect.set(dialect, (script = { pieces: ['#!/bin/sh', ':'], lineCount: 2, segments: [] }));
    const firstLine = part ? model.index.positionAt(part.start).line : 0;
    const chunk = found ? found.chunk : stageChunk(model, stage, firstLine);
    if (part) next.set(part.key, { dialect, chunk });
    if (chunk.lineCount === 0) continue;
    for (const s of chunk.segments) script.segments.push({ ...s, scriptLine: script.lineCount + 1 + s.scriptLine, docLine: s.docLine + firstLine });
    script.pieces.push(chunk.text);
    script.lineCount += chunk.lineCount;
  }
  if (key !== undefined) {
    chunksBefore.delete(key);
    chunksBefore.set(key, { globalArgs, chunks: next });
    if (chunksBefore.size > 8) chunksBefore.delete(chunksBefore.keys().next().value!);
  }
  return [...byDialect]
    .filter(([, s]) => s.segments.length)
    .map(([dialect, s]) => ({
      text: s.pieces.join('\n') + '\n',
      segments: s.segments,
      shell: dialect === 'ash' ? 'sh' : dialect,
      exclude: dialect === 'ash' ? PORTABILITY_CODES : [],
    }));
}

/** SC codes named by `# hadolint ignore=` or `# shellcheck disable=` comments directly above an instruction. */
function pragmaCodes(model: DockerfileModel, ins: Instruction): string[] {
  const codes: string[] = [];
  for (let line = ins.getRange().start.line - 1; line >= 0; line--) {
    const text = model.index.lineText(line);
    if (!/^\s*#/.test(text)) break;
    const m = /^\s*#\s*(?:hadolint\s+ignore|shellcheck\s+disable)\s*=\s*([A-Za-z0-9,\s]+)/.exec(text);
    if (m) codes.push(...m[1].split(/[\s,]+/).filter((c) => /^SC\d+$/i.test(c)).map((c) => c.toUpperCase()));
  }
  return codes;
}

/** The shell text of a RUN and where it starts; undefined for exec form. */
function runBody(model: DockerfileModel, ins: Instruction): { lines: string[]; line: number; column: number } | undefined {
  const range = ins.getArgumentsRange();
  if (!range) return undefined;
  const startOffset = model.index.offsetAt(range.start);
  const text = model.text.slice(startOffset, model.index.offsetAt(ins.getRange().end));
  const flags = /^(?:--[a-z-]+(?:=(?:"[^"]*"|'[^']*'|\S)*)?\s+)*/.exec(text)?.[0] ?? '';
  const command = text.slice(flags.length);
  if (command.trimStart().startsWith('[')) return undefined;
  const start = model.index.positionAt(startOffset + flags.length);
  const heredoc = /^<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]*)\2[ \t]*(?:\r?\n)/.exec(command);
  if (heredoc) {
    // `RUN <<EOF` with only the heredoc: the body is the script.
    const bodyLines = command.slice(heredoc[0].length).split(/\r?\n/);
    const end = bodyLines.findIndex((l) => (heredoc[1] ? l.trimStart() : l) === heredoc[3]);
    if (end < 0 || /^#!(?!.*\b(?:ba|da|k)?sh\b)/.test(bodyLines[0] ?? '')) return undefined;
    return { lines: bodyLines.slice(0, end).map((l) => l.replace(/\t/g, ' ')), line: start.line + 1, column: 0 };
  }
  if (/<<-?["']?[A-Za-z_]/.test(command)) return undefined;
  const lines = command.replace(/\r/g, '').split('\n');
  // Comment lines inside a continuation are removed by the Dockerfile parser; keep the line, blank, continued.
  // So are empty lines (NoEmptyContinuation): keep them as blank continued lines too.
  for (let i = 1; i < lines.length; i++) {
    if (/^\s*(#.*)?$/.test(lines[i]) && /\\\s*$/.test(lines[i - 1]) && i < lines.length - 1) lines[i] = ' '.repeat(lines[i].length) + ' \\';
  }
  // The Dockerfile parser also continues a line whose `\` is followed by blanks.
  return { lines: lines.map((l) => l.replace(/\t/g, ' ').replace(/\\[ ]+$/, '\\')), line: start.line, column: start.character };
}

const resultCache = new Map<string, string>();

function remember(key: string, output: string): void {
  if (resultCache.size > 200) resultCache.delete(resultCache.keys().next().value!);
  resultCache.set(key, output);
}

/**
 * Background mode (the language server): a cache miss starts ShellCheck asynchronously and the lint goes on without
 * its findings; `onReady(path)` is called when results for that file arrive, so the server lints it again (a cache
 * hit) and publishes a second time. On a 5,000-line Dockerfile ShellCheck takes seconds: a synchronous run would
 * hold every diagnostic back that long on each keystroke. The CLI never sets this and runs ShellCheck synchronously.
 */
let background: ((path: string) => void) | undefined;
export function setShellcheckBackground(onReady: ((path: string) => void) | undefined): void {
  background = onReady;
}

interface Job {
  key: string;
  binary: string;
  /** ShellCheck's options (no `--norc`, no input): jobs with the same binary and options can share a process. */
  options: string[];
  args: string[];
  input: string;
  path: string;
}

/** Waiting jobs checked by one ShellCheck process together (as the CLI does): with many Dockerfiles open, one process per file took tens of seconds. */
const BATCH_SCRIPTS = 50;
const BATCH_CHARS = 12_000;
/**
 * The latest wanted run per file and argument list (older wanted versions are dropped), run one at a time, once the
 * file has not changed for a moment: while the user types, ShellCheck does not compete with the lint for the CPU. A
 * run whose file changed meanwhile is stopped (its result would be for a version nobody sees).
 */
const wanted = new Map<string, Job>();
const IDLE_MS = 300;
let idleTimer: ReturnType<typeof setTimeout> | undefined;
let current: { slot: string; key: string; stop(): void } | undefined;

function request(slot: string, job: Job): void {
  if (current?.key === job.key) return; // already running
  wanted.delete(slot); // re-insert: the newest request of a file goes last
  wanted.set(slot, job);
  if (idleTimer) clearTimeout(idleTimer);
  idleTimer = setTimeout(() => {
    idleTimer = undefined;
    startNext();
  }, IDLE_MS);
  if (current?.slot === slot) current.stop();
}

function startNext(): void {
  if (current || idleTimer) return;
  const next = wanted.entries().next();
  if (next.done) return;
  const [slot, job] = next.value;
  wanted.delete(slot);
  if (resultCache.has(job.key)) {
    if (hasComments(resultCache.get(job.key)!)) background?.(job.path);
    startNext();
    return;
  }
  const batch = batchWith(job);
  if (batch.length > 1) {
    runBatch(batch);
    return;
  }
  let stdout = '';
  let settled = false;
  const finish = (output: string | undefined) => {
    if (settled) return;
    settled = true;
    clearTimeout(timer);
    current = undefined;
    if (output !== undefined) {
      // A failure is remembered as an empty output (no findings), so that it is not retried on every lint.
      remember(job.key, output);
      // A clean result changes nothing the first publish showed: no second lint (with many Dockerfiles open, most are).
      if (hasComments(output)) background?.(job.path);
    }
    startNext();
  };
  const child = spawn(job.binary, job.args, { windowsHide: true, stdio: ['pipe', 'pipe', 'ignore'] });
  current = {
    slot,
    key: job.key,
    stop() {
      child.kill();
      finish(undefined);
    },
  };
  const timer = setTimeout(() => {
    child.kill();
    finish('');
  }, 10_000);
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (d: string) => {
    stdout += d;
    if (stdout.length > 16 << 20) child.kill();
  });
  child.on('error', () => finish(''));
  child.on('close', (code) => finish(code === 0 || code === 1 ? stdout : ''));
  child.stdin.on('error', () => undefined);
  child.stdin.end(job.input);
}

/** `first` and other waiting jobs it can share a process with (same binary and options, small scripts). */
function batchWith(first: Job): Job[] {
  const batch = [first];
  if (first.input.length >= BATCH_CHARS) return batch;
  let chars = first.input.length;
  const key = first.options.join('\0');
  for (const [slot, job] of wanted) {
    if (batch.length >= BATCH_SCRIPTS) break;
    if (job.binary !== first.binary || job.options.join('\0') !== key || chars + job.input.length > BATCH_CHARS) continue;
    if (resultCache.has(job.key)) continue;
    wanted.delete(slot);
    batch.push(job);
    chars += job.input.length;
  }
  return batch;
}

/** One ShellCheck process for several waiting jobs. Not stopped when a file changes meanwhile: its results stay useful for the others. */
function runBatch(batch: Job[]): void {
  current = { slot: '', key: '', stop: () => undefined };
  void runBatchesAsync(
    batch.map((j) => ({ binary: j.binary, args: j.options, script: j.input })),
    { perProcess: batch.length, charsPerProcess: Infinity, timeoutMs: 10_000 * batch.length },
  ).then(
    (results) => {
      const comments = [...results.values()][0];
      current = undefined;
      for (const job of batch) {
        const found = comments?.get(job.input);
        // A failure is remembered as no findings, as for a single run.
        const output = found ? JSON.stringify({ comments: found.map(({ file: _file, ...c }) => ({ file: '-', ...c })) }) : '';
        remember(job.key, output);
        if (found?.length) background?.(job.path);
      }
      startNext();
    },
    () => {
      current = undefined;
      startNext();
    },
  );
}

function hasComments(json1: string): boolean {
  try {
    return ((JSON.parse(json1) as { comments?: unknown[] }).comments?.length ?? 0) > 0;
  } catch {
    return false;
  }
}

/** Files linted at least once in background mode (see `deferFirstRun`); bounded, a path costs little. */
const seenInBackground = new Set<string>();

/** Deferred first runs (see `deferFirstRun`), done by `runDeferred` once the diagnostics are written. */
let deferred: Array<() => void> = [];
let deferredTimer: ReturnType<typeof setTimeout> | undefined;
/**
 * When nobody calls `runDeferred` (a pull-mode client: the diagnostics are a response), this long after the lint.
 * Long enough not to come before the publish it follows when the connection's writer is still busy with an
 * earlier message (a timer due during a long lint fires before the write otherwise).
 */
const DEFERRED_FALLBACK_MS = 1000;

/**
 * Background mode: the first lint of a file leaves ShellCheck aside and `run` does its part (find the binary, build
 * the scripts, ask for the runs) once that lint's diagnostics are written (the server calls `runDeferred`). A run
 * takes longer than a lint, so its findings are never part of a file's first publish anyway; building the scripts
 * and probing the binary (two `--version` processes in a new server) only held that publish back. `run` returns true
 * when results were already cached with findings (a file with the same scripts): the file is then linted again at
 * once, as when a run ends. Later lints of the file (its edits, the lint after the results) do it all in the lint.
 */
export function deferFirstRun(file: string, run: () => boolean): boolean {
  if (!background || !file || seenInBackground.has(file)) return false;
  if (seenInBackground.size >= 10_000) seenInBackground.clear();
  seenInBackground.add(file);
  deferred.push(() => {
    if (run()) background?.(file);
  });
  deferredTimer ??= setTimeout(runDeferred, DEFERRED_FALLBACK_MS);
  return true;
}

/** Runs the deferred first runs (the server: after it wrote a publish). */
export function runDeferred(): void {
  if (deferredTimer) clearTimeout(deferredTimer);
  deferredTimer = undefined;
  const todo = deferred;
  deferred = [];
  for (const run of todo) run();
}

/** The last complete ShellCheck output of each file and shell, with the script it was for (background mode). */
const lastComplete = new Map<string, { text: string; segments: Segment[]; output: string }>();
const LAST_COMPLETE_FILES = 64;

/**
 * Background mode: the script's own output, or, while its run is pending, what the file's last complete run found in
 * the RUN bodies that are still there word for word, moved to where those bodies are now. Typing in one RUN then
 * leaves the other RUNs' ShellCheck findings in place until the new run ends, instead of all of them disappearing.
 * (They are the last known findings: an edit elsewhere that changes them shows once the run ends.)
 */
export function outputOrCarried(file: string, script: Script, output: string | undefined): string | undefined {
  if (!background || !file) return output;
  const key = `${file}\0${script.shell}`;
  if (output !== undefined) {
    lastComplete.delete(key);
    lastComplete.set(key, { text: script.text, segments: script.segments, output });
    if (lastComplete.size > LAST_COMPLETE_FILES) lastComplete.delete(lastComplete.keys().next().value!);
    return output;
  }
  const last = lastComplete.get(key);
  if (!last || !hasComments(last.output)) return undefined;
  const lines = script.text.split('\n');
  const lastLines = last.text.split('\n');
  const body = (from: string[], seg: Segment) => from.slice(seg.scriptLine - 1, seg.scriptLine - 1 + seg.lineCount).join('\n');
  // The n-th old body with some text goes to the n-th current body with the same text.
  const current = new Map<string, Segment[]>();
  for (const seg of script.segments) {
    const text = body(lines, seg);
    current.set(text, [...(current.get(text) ?? []), seg]);
  }
  const target = new Map<Segment, Segment>();
  for (const seg of last.segments) {
    const same = current.get(body(lastLines, seg));
    if (same?.length) target.set(seg, same.shift()!);
  }
  let comments: ShellcheckComment[];
  try {
    comments = (JSON.parse(last.output) as { comments?: ShellcheckComment[] }).comments ?? [];
  } catch {
    return undefined;
  }
  const carried: ShellcheckComment[] = [];
  for (const c of comments) {
    const from = last.segments.find((seg) => holds(seg, c.line) && holds(seg, c.endLine));
    const to = from && target.get(from);
    if (!from || !to) continue;
    const by = to.scriptLine - from.scriptLine;
    const replacements = c.fix?.replacements ?? [];
    const fix = replacements.every((r) => holds(from, r.line) && holds(from, r.endLine)) ? { replacements: replacements.map((r) => ({ ...r, line: r.line + by, endLine: r.endLine + by })) } : null;
    carried.push({ ...c, line: c.line + by, endLine: c.endLine + by, fix });
  }
  return JSON.stringify({ comments: carried });
}

/** Whether ShellCheck json1 output holds any comment. */
export function hasShellcheckComments(json1: string | undefined): boolean {
  return json1 !== undefined && hasComments(json1);
}

/**
 * Runs ShellCheck on a script (cached by content), returning its json1 output or undefined on failure. In background
 * mode a cache miss returns undefined at once and the run happens later (see setShellcheckBackground).
 */
export function runShellcheck(binary: string, script: Script, exclude: string[], file = ''): string | undefined {
  const excluded = [...new Set([...ALWAYS_EXCLUDED, ...script.exclude, ...exclude])].map((c) => c.replace(/^SC/i, '')).join(',');
  const options = ['--format=json1', `--shell=${script.shell}`, `--exclude=${excluded}`];
  // The CLI checks the scripts of many files per ShellCheck process and hands the results in here.
  const batched = shellcheckHook()?.(binary, options, [script.text]);
  if (batched) return JSON.stringify({ comments: batched[0] });
  const args = [...options, ...norc(binary), '-'];
  const key = `${binary}\0${args.join(' ')}\0${script.text}`;
  const cached = resultCache.get(key);
  if (cached !== undefined) return cached;
  if (background) {
    request(`${file}\0${binary}\0${args.join(' ')}`, { key, binary, options, args, input: script.text, path: file });
    return undefined;
  }
  const r = spawnSync(binary, args, { input: script.text, encoding: 'utf8', timeout: 10_000, maxBuffer: 16 << 20, windowsHide: true });
  if (r.error || (r.status !== 0 && r.status !== 1)) return undefined;
  remember(key, r.stdout);
  return r.stdout;
}
