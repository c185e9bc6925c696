// The CLI's lint pipeline over many files: an indexing pass (parse + summarize) that fills the project index, then
// the lint pass reusing those parses. Runs inline for small runs, or split across worker_threads for large ones;
// results come back in input order so output stays deterministic whatever the scheduling.
import * as os from 'node:os';
import { Worker } from 'node:worker_threads';
import { domainOf, type Config } from '../engine/config';
import { Engine, type Prepared } from '../engine/lint';
import type { IndexedSummary } from '../engine/project';
import type { Registry } from '../engine/registry';
import type { Finding, Fix, Kind, Parsed, ProjectIndex, WorkspaceReader } from '../engine/types';
import { docsUrl } from '../engine/registry';
import { diskWorkspace } from '../engine/workspace';
import { createRegistry } from '../languages';
import { collectingHook, runBatches, runBatchesAsync, servingHook, setShellcheckHook, type BatchRequest, type BatchResults } from '../shellcheck-batch';

export interface LintJob {
  file: string;
  text: string;
  kind: Kind;
  /** Index into the configs array passed alongside the jobs (configs are shared by many files). */
  config: number;
  notUtf8: boolean;
  /** Repository root: reads outside it are refused. */
  root?: string;
}

export interface LintOutcome {
  kind?: Kind;
  findings: Finding[];
  /** The text the findings refer to (after --fix, the fixed text). */
  text: string;
  fixed: number;
  /** Set when --fix changed the file: the caller writes it. */
  written?: boolean;
}

export interface Summary {
  path: string;
  kind: Kind;
  summary: unknown;
}

/** Parses kept between the two passes are bounded by source size, so a huge repository cannot exhaust memory. */
const PARSE_CACHE_CHARS = 16_000_000;
/** Below this many files, threads cost more than they save. */
const FILES_PER_WORKER = 150;

/** Files whose ShellCheck scripts are gathered and checked together before they are linted. */
const SHELLCHECK_CHUNK = 500;
/** Files linted between two turns of the event loop while ShellCheck processes run. */
const LINT_SLICE = 20;

/**
 * The project index of a CLI run: filled once from the first pass and never changed, so unlike the server's
 * `MemoryProjectIndex` it keeps no change-tracking keys (a canonical JSON of every summary, per thread).
 * `summaries(kind)` is sorted by path and the same array on every call.
 */
export class FrozenProjectIndex implements ProjectIndex {
  readonly generation = 0;
  private readonly byKind = new Map<Kind, IndexedSummary[]>();

  constructor(summaries: readonly Summary[]) {
    for (const s of summaries) {
      if (s.summary === undefined) continue;
      let list = this.byKind.get(s.kind);
      if (!list) this.byKind.set(s.kind, (list = []));
      list.push({ path: s.path, summary: s.summary });
    }
    for (const list of this.byKind.values()) list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  summaries(kind: Kind): ReadonlyArray<IndexedSummary> {
    let list = this.byKind.get(kind);
    if (!list) this.byKind.set(kind, (list = []));
    return list;
  }
}

/** One process's (or one worker's) share of the work, in the two passes. */
export class JobRunner {
  /** ShellCheck many scripts per process (SHIPSHAPE_SHELLCHECK_BATCH=0: one process per file, as the server does). */
  batchShellcheck = process.env.SHIPSHAPE_SHELLCHECK_BATCH !== '0';
  private readonly engine: Engine;
  private readonly prepared = new Map<number, Prepared>();
  /** Jobs whose ShellCheck scripts were collected and are not linted yet (they wait for their batch). */
  private readonly waiting = new Set<number>();
  /** One workspace reader per repository root (making one resolves the root's real path); it remembers what it read
   * unless this run writes fixes. */
  private readonly workspaces = new Map<string | undefined, WorkspaceReader>();
  /** Source characters of the parses kept in `prepared` by the first pass and `prepareWhileWaiting`. */
  private cachedChars = 0;
  /** Set when pass 2 starts: `prepareWhileWaiting` stops. */
  private linting = false;
  /** Files `prepareWhileWaiting` parsed (for tests). */
  preparedAhead = 0;

  constructor(
    private readonly jobs: LintJob[],
    private readonly configs: Config[],
    private readonly fix: boolean,
    private readonly write: (file: string, text: string) => void,
    private readonly log: (m: string) => void,
    registry: Registry = createRegistry(),
  ) {
    this.engine = new Engine(registry, log);
  }

  private workspaceFor(root: string | undefined): WorkspaceReader {
    let ws = this.workspaces.get(root);
    if (!ws) this.workspaces.set(root, (ws = diskWorkspace(root, undefined, true, !this.fix)));
    return ws;
  }

  /** Pass 1: parse and summarize the files whose kind has summaries. */
  index(): Summary[] {
    const out: Summary[] = [];
    this.jobs.forEach((job, i) => {
      if (job.notUtf8 || !this.summarized(job)) return;
      const p = this.engine.prepare({ path: job.file, text: job.text, kind: job.kind, config: this.configs[job.config], workspace: this.workspaceFor(job.root) });
      if (p.summary !== undefined) out.push({ path: job.file, kind: job.kind, summary: p.summary });
      this.keep(i, p);
    });
    return out;
  }

  private summarized(job: LintJob): boolean {
    return !!this.engine.registry.languages.get(job.kind)?.summarize;
  }

  private keep(i: number, p: Prepared): void {
    const size = this.jobs[i].text.length;
    if (p.parsed && this.cachedChars + size <= PARSE_CACHE_CHARS) {
      this.cachedChars += size;
      this.prepared.set(i, p);
    }
  }

  /**
   * Between the passes, while the other threads finish their first pass: parses the files pass 1 left alone (kinds
   * without summaries need no index to be parsed), a few milliseconds at a time so that the message that starts
   * pass 2 is handled promptly. Pass 2 then reuses these parses; it stops this as it starts.
   */
  async prepareWhileWaiting(sliceMs = 4): Promise<void> {
    let i = 0;
    while (!this.linting) {
      // At least one file per turn of the event loop.
      const until = performance.now() + sliceMs;
      let parsed = 0;
      for (; i < this.jobs.length && (parsed === 0 || performance.now() < until); i++) {
        const job = this.jobs[i];
        if (job.notUtf8 || this.prepared.has(i) || this.summarized(job)) continue;
        if (this.cachedChars + job.text.length > PARSE_CACHE_CHARS) return;
        this.keep(i, this.engine.prepare({ path: job.file, text: job.text, kind: job.kind, config: this.configs[job.config], workspace: this.workspaceFor(job.root) }));
        this.preparedAhead++;
        parsed++;
      }
      if (i >= this.jobs.length) return;
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  /** Pass 2: lint (and fix) every file against the whole project's index. */
  lint(summaries: Summary[]): LintOutcome[] {
    this.linting = true;
    const project = new FrozenProjectIndex(summaries);
    const outcomes: LintOutcome[] = [];
    // ShellCheck runs for a chunk of files at a time: their scripts checked ~100 per process, then the files linted.
    for (const [start, end] of this.chunks()) {
      const requests = this.batchShellcheck ? this.collectShellcheck(start, end) : [];
      this.lintChunk(start, end, project, requests.length ? runBatches(requests) : undefined, outcomes);
    }
    return outcomes;
  }

  /**
   * `lint`, with the ShellCheck processes of the next chunk of files running (up to `concurrency` at a time) while
   * this thread lints the current chunk.
   */
  async lintAsync(summaries: Summary[], concurrency: number): Promise<LintOutcome[]> {
    this.linting = true;
    const project = new FrozenProjectIndex(summaries);
    const outcomes: LintOutcome[] = new Array(this.jobs.length);
    const chunks = this.chunks();
    const ahead = (k: number): Promise<BatchResults> | undefined => {
      if (!this.batchShellcheck || k >= chunks.length) return undefined;
      const requests = this.collectShellcheck(...chunks[k]);
      return requests.length ? runBatchesAsync(requests, { concurrency }) : undefined;
    };
    let pending = ahead(0);
    for (let k = 0; k < chunks.length; k++) {
      const [start, end] = chunks[k];
      const all = Array.from({ length: end - start }, (_, j) => start + j);
      let rest = all;
      if (pending) {
        // While ShellCheck checks this chunk's scripts, lint the chunk's files that have none.
        rest = all.filter((i) => this.waiting.has(i));
        await this.lintSlices(
          all.filter((i) => !this.waiting.has(i)),
          project,
          new Map(),
          outcomes,
        );
      }
      const batched = await pending;
      pending = ahead(k + 1);
      await this.lintSlices(rest, project, batched, outcomes);
      for (const i of rest) this.waiting.delete(i);
      this.progress(end - start);
    }
    return outcomes;
  }

  /**
   * Lints the jobs, a few at a time, letting the event loop run in between: ShellCheck processes in flight write
   * their output to pipes this thread must read, or they stall once a pipe is full.
   */
  private async lintSlices(indexes: number[], project: FrozenProjectIndex, batched: BatchResults | undefined, outcomes: LintOutcome[]): Promise<void> {
    for (let s = 0; s < indexes.length; s += LINT_SLICE) {
      if (s > 0) await new Promise((resolve) => setImmediate(resolve));
      if (batched) setShellcheckHook(servingHook(batched));
      try {
        for (const i of indexes.slice(s, s + LINT_SLICE)) outcomes[i] = this.lintOne(i, project);
      } finally {
        if (batched) setShellcheckHook(undefined);
      }
    }
  }

  /** For the benchmark's time cap: how far a run got (SHIPSHAPE_PROGRESS=1; workers' logs reach the main thread). */
  private progress(files: number): void {
    if (process.env.SHIPSHAPE_PROGRESS === '1') this.log(`progress +${files}`);
  }

  private chunks(): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    for (let start = 0; start < this.jobs.length; start += SHELLCHECK_CHUNK) out.push([start, Math.min(this.jobs.length, start + SHELLCHECK_CHUNK)]);
    return out;
  }

  private lintChunk(start: number, end: number, project: FrozenProjectIndex, batched: BatchResults | undefined, outcomes: LintOutcome[]): void {
    if (batched) setShellcheckHook(servingHook(batched));
    try {
      for (let i = start; i < end; i++) outcomes.push(this.lintOne(i, project));
    } finally {
      if (batched) setShellcheckHook(undefined);
    }
    this.progress(end - start);
  }

  /**
   * Runs the ShellCheck rules of jobs [start, end) in collect mode (parsing the files; lint reuses those parses):
   * the scripts ShellCheck is to check.
   */
  private collectShellcheck(start: number, end: number): BatchRequest[] {
    const requests: BatchRequest[] = [];
    const registry = this.engine.registry;
    setShellcheckHook(collectingHook(requests));
    try {
      for (let i = start; i < end; i++) {
        const job = this.jobs[i];
        const config = this.configs[job.config];
        const rules = registry.languages.get(job.kind)?.rules.filter((r) => r.id.endsWith('/shellcheck') && registry.severityFor(r, config) !== 'off');
        if (!rules?.length || job.notUtf8) continue;
        let prepared = this.prepared.get(i);
        if (!prepared) {
          prepared = this.engine.prepare({ path: job.file, text: job.text, kind: job.kind, config, workspace: this.workspaceFor(job.root) });
          if (prepared.parsed) this.prepared.set(i, prepared);
        }
        if (!prepared.parsed) continue;
        const options = config.domains[domainOf(job.kind)] ?? {};
        const before = requests.length;
        for (const rule of rules) {
          try {
            rule.check({ model: prepared.parsed.model, text: job.text, path: job.file, options, profile: config.profile, allRules: config.allRules, workspace: this.workspaceFor(job.root), report: () => {} });
          } catch {
            // the lint runs the rule again and reports the failure
          }
        }
        if (requests.length > before) this.waiting.add(i);
      }
    } finally {
      setShellcheckHook(undefined);
    }
    return requests;
  }

  private lintOne(i: number, project: FrozenProjectIndex): LintOutcome {
    const job = this.jobs[i];
    const parsed: Parsed<unknown> | undefined = this.prepared.get(i)?.parsed;
    this.prepared.delete(i);
    const request = { path: job.file, text: job.text, kind: job.kind, config: this.configs[job.config], workspace: this.workspaceFor(job.root), notUtf8: job.notUtf8, project, parsed };
    let result = this.engine.lint(request);
    if (this.fix && !job.notUtf8 && result.findings.some((f) => f.fixes.some((fx) => fx.safe !== false))) {
      const fixedRun = this.engine.fixAll({ ...request, parsed: result.parsed });
      if (fixedRun.text !== job.text) {
        this.write(job.file, fixedRun.text);
        return { kind: fixedRun.result.kind, findings: fixedRun.result.findings, text: fixedRun.text, fixed: fixedRun.applied, written: true };
      }
    }
    return { kind: result.kind, findings: result.findings, text: job.text, fixed: 0 };
  }
}

export function workerCount(files: number, requested?: number): number {
  const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
  const wanted = requested ?? cores;
  return Math.max(1, Math.min(wanted, Math.floor(files / FILES_PER_WORKER)));
}

export function lintInline(
  jobs: LintJob[],
  configs: Config[],
  fix: boolean,
  write: (f: string, t: string) => void,
  log: (m: string) => void,
  registry?: Registry,
): Promise<LintOutcome[]> {
  const runner = new JobRunner(jobs, configs, fix, write, log, registry);
  return runner.lintAsync(runner.index(), cores());
}

function cores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
}

/**
 * A finding as a worker sends it back: only what the output formats read (rule, aliases, severity, message, range,
 * whether a safe fix exists). Copying whole findings between threads (their fixes' edits, tags, docs links) cost the
 * main thread about as much as linting its share. [ruleId, aliases, severity, message, startLine, startCharacter,
 * endLine, endCharacter, fixable]
 */
type WireFinding = [string, string[], Finding['severity'], string, number, number, number, number, 0 | 1];
/** An outcome as a worker sends it back: the text only when --fix changed it (the main thread has the original). */
interface WireOutcome {
  kind?: Kind;
  findings: WireFinding[];
  text?: string;
  fixed: number;
  written?: boolean;
}

/** Stands for "has a safe fix" in findings rebuilt from the wire: the CLI's outputs never read a fix's edits. */
const SAFE_FIX_MARK: Fix = Object.freeze({ title: 'safe fix', edits: [] }) as Fix;

function toWire(o: LintOutcome): WireOutcome {
  const findings = o.findings.map((f): WireFinding => {
    const { start, end } = f.range;
    return [f.ruleId, f.aliases, f.severity, f.message, start.line, start.character, end.line, end.character, f.fixes.some((fx) => fx.safe !== false) ? 1 : 0];
  });
  return { kind: o.kind, findings, fixed: o.fixed, ...(o.written ? { text: o.text, written: true } : {}) };
}

function fromWire(w: WireOutcome, originalText: string): LintOutcome {
  const findings = w.findings.map(
    ([ruleId, aliases, severity, message, sl, sc, el, ec, fixable]): Finding => ({
      ruleId,
      aliases,
      severity,
      message,
      range: { start: { line: sl, character: sc }, end: { line: el, character: ec } },
      fixes: fixable ? [SAFE_FIX_MARK] : [],
      tags: [],
      docsUrl: docsUrl(ruleId),
    }),
  );
  return { kind: w.kind, findings, text: w.text ?? originalText, fixed: w.fixed, ...(w.written ? { written: true } : {}) };
}

type ToMain =
  | { type: 'summaries'; items: Summary[] }
  | { type: 'results'; items: WireOutcome[] }
  | { type: 'log'; message: string }
  | { type: 'failed'; message: string };
type ToWorker = { type: 'jobs'; jobs: LintJob[]; configs: Config[]; fix: boolean; shellcheckProcesses: number } | { type: 'index'; items: Summary[] };

export interface WorkerData {
  shipshapeWorker: true;
}

/**
 * Lint threads started early: each loads the bundle and builds its rule registry while the main thread is still
 * reading the files, then waits for its share.
 */
export class WorkerPool {
  readonly workers: Worker[];
  /** Why a thread stopped before it was given work (reported when the work is handed out). */
  readonly early = new Map<Worker, Error>();

  constructor(script: string, count: number) {
    const data: WorkerData = { shipshapeWorker: true };
    this.workers = Array.from({ length: count }, () => new Worker(script, { workerData: data }));
    for (const w of this.workers) {
      w.on('error', (err) => this.early.set(w, this.early.get(w) ?? err));
      w.on('exit', (code) => this.early.set(w, this.early.get(w) ?? new Error(`a lint worker exited with code ${code}`)));
    }
  }

  /** Stops every thread (the run did not need them, or it is over). */
  close(): void {
    for (const w of this.workers) void w.terminate();
  }
}

/**
 * Splits the jobs round-robin over the main thread and `n - 1` threads of `pool` (extra ones are stopped): every
 * participant parses and summarizes its share, the summaries are gathered into one index (in input order) and sent
 * back, every participant lints its share, and the outcomes are reassembled in input order. The main thread takes a
 * share too, so one thread fewer loads the bundle and warms up.
 */
export function lintInWorkers(
  pool: WorkerPool,
  n: number,
  jobs: LintJob[],
  configs: Config[],
  fix: boolean,
  write: (file: string, text: string) => void,
  log: (m: string) => void,
  registry?: Registry,
): Promise<LintOutcome[]> {
  const workers = pool.workers.slice(0, n - 1);
  for (const extra of pool.workers.slice(n - 1)) void extra.terminate();
  const shares: number[][] = Array.from({ length: n }, () => []);
  jobs.forEach((_, i) => shares[i % n].push(i));
  const [mine, ...theirs] = shares;
  const outcomes: LintOutcome[] = new Array(jobs.length);
  const order = new Map(jobs.map((j, i) => [j.file, i]));
  const summaries: Summary[] = [];
  const shellcheckProcesses = Math.max(1, Math.ceil(cores() / n));
  let summarized = 0;
  let finished = 0;
  let failed = false;
  return new Promise<LintOutcome[]>((resolve, reject) => {
    const fail = (err: Error) => {
      if (failed) return;
      failed = true;
      pool.close();
      reject(err);
    };
    const done = () => {
      if (++finished === n) {
        pool.close();
        resolve(outcomes);
      }
    };
    const runner = new JobRunner(
      mine.map((i) => jobs[i]),
      configs,
      fix,
      write,
      log,
      registry,
    );
    const indexed = (items: Summary[]) => {
      summaries.push(...items);
      if (++summarized < n) return;
      summaries.sort((a, b) => order.get(a.path)! - order.get(b.path)!);
      for (const w of workers) w.postMessage({ type: 'index', items: summaries } satisfies ToWorker);
      runner.lintAsync(summaries, shellcheckProcesses).then((items) => {
        items.forEach((o, k) => (outcomes[mine[k]] = o));
        done();
      }, fail);
    };
    workers.forEach((worker, w) => {
      const share = theirs[w];
      const early = pool.early.get(worker);
      if (early) return fail(early);
      worker.on('error', fail);
      worker.on('exit', (code) => {
        if (finished < n) fail(new Error(`a lint worker exited with code ${code}`));
      });
      worker.on('message', (msg: ToMain) => {
        if (failed) return;
        if (msg.type === 'log') log(msg.message);
        else if (msg.type === 'failed') fail(new Error(msg.message));
        else if (msg.type === 'summaries') indexed(msg.items);
        else if (msg.type === 'results') {
          msg.items.forEach((o, k) => (outcomes[share[k]] = fromWire(o, jobs[share[k]].text)));
          done();
        }
      });
      worker.postMessage({ type: 'jobs', jobs: share.map((i) => jobs[i]), configs, fix, shellcheckProcesses } satisfies ToWorker);
    });
    // The workers now parse their shares while this thread parses its own; whoever is done first parses its files of
    // pass 2 while it waits.
    try {
      indexed(runner.index());
      if (summarized < n) runner.prepareWhileWaiting().catch(fail);
    } catch (err) {
      fail(err as Error);
    }
  });
}

/** The worker side: build the registry, wait for a share, pass 1, wait for the whole index, pass 2. */
export function runWorker(port: { postMessage(m: ToMain): void; on(ev: 'message', cb: (m: ToWorker) => void): void }, write: (f: string, t: string) => void): void {
  let registry: Registry;
  let runner: JobRunner | undefined;
  let shellcheckProcesses = 1;
  const log = (message: string) => port.postMessage({ type: 'log', message });
  try {
    registry = createRegistry();
  } catch (err) {
    port.postMessage({ type: 'failed', message: failureMessage(err) });
    return;
  }
  port.on('message', (msg) => {
    try {
      if (msg.type === 'jobs') {
        shellcheckProcesses = msg.shellcheckProcesses;
        runner = new JobRunner(msg.jobs, msg.configs, msg.fix, write, log, registry);
        port.postMessage({ type: 'summaries', items: runner.index() });
        runner.prepareWhileWaiting().catch((err) => port.postMessage({ type: 'failed', message: failureMessage(err) }));
      } else if (msg.type === 'index' && runner) {
        runner.lintAsync(msg.items, shellcheckProcesses).then(
          (items) => port.postMessage({ type: 'results', items: items.map(toWire) }),
          (err) => port.postMessage({ type: 'failed', message: failureMessage(err) }),
        );
      }
    } catch (err) {
      port.postMessage({ type: 'failed', message: failureMessage(err) });
    }
  });
}

/** I/O failures keep their one-line message (the CLI prints it as is); anything else carries its stack. */
function failureMessage(err: unknown): string {
  const message = (err as Error)?.message ?? String(err);
  return /^cannot (read|write) /.test(message) ? message : ((err as Error)?.stack ?? message);
}
