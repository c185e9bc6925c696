// Per-stage derived data: the RUN commands parsed into shell commands (with their mounts), and the stage's
// ARG/ENV/SHELL/WORKDIR/USER/EXPOSE state. Built once with the model; rules only read it.
import type { Flag, Instruction, JSONInstruction, Onbuild, Run } from 'dockerfile-ast';
import type { Range } from '../engine/types';
import type { DockerfileModel, Stage } from './model';
import { execCommand, isShellProgram, parseShell, type HeredocBody, type MappedSource, type ShellScript, type ShellWord } from './shell';

/** A `RUN --mount=…` flag parsed into its fields (`type` defaults to `bind`, as in BuildKit). */
export interface Mount {
  type: string;
  target?: string;
  source?: string;
  from?: string;
  id?: string;
  options: Map<string, string>;
  range: Range;
}

export interface RunInfo {
  /** The RUN instruction (for `ONBUILD RUN`, the trigger). */
  instruction: Instruction;
  /** The wrapping ONBUILD, when the RUN is a trigger. */
  onbuild?: Instruction;
  stage: Stage;
  mounts: Mount[];
  /** JSON (exec) form: one command, no shell. */
  exec: boolean;
  /** Whether the RUN uses here-documents (`RUN <<EOF`). */
  heredoc: boolean;
  script: ShellScript;
  /** SHELL in effect for this RUN (undefined: the default `/bin/sh -c`). */
  shell?: string[];
  /**
   * Base names of every word of the script's commands (`/usr/bin/npm` → `npm`): a command named `x` (also after
   * `sudo`, `env`...) can only be there when `x` is in it. Known without moving a reused script to its new offsets.
   */
  readonly wordNames: ReadonlySet<string>;
}

export interface StageScope {
  /** ARGs declared in the stage, with their default (a redeclared global ARG takes the global default). */
  args: Map<string, string | undefined>;
  /** ENV values the stage ends with (inherited from a parent stage). */
  env: Map<string, string>;
  /** Last SHELL of the stage (or inherited), as an argv. */
  shell?: string[];
  shellInstruction?: Instruction;
  /**
   * WORKDIR in effect before each instruction of the stage: an absolute path when it resolves, else as written
   * (`$HOME/app`, or relative to an unknown directory); undefined when no WORKDIR was set (the image default).
   */
  workdirBefore: Map<Instruction, string | undefined>;
  /** WORKDIR at the end of the stage. */
  workdir?: string;
  /** Last USER of the stage, if any. */
  user?: { instruction: Instruction; value: string };
  exposes: Array<{ instruction: Instruction; value: string; range: Range }>;
}

const posixJoin = (base: string, rel: string) => {
  const parts = `${base}/${rel}`.split('/');
  const out: string[] = [];
  for (const p of parts) {
    if (!p || p === '.') continue;
    if (p === '..') out.pop();
    else out.push(p);
  }
  return '/' + out.join('/');
};

/** Resolves a WORKDIR value against the previous one; undefined when variables or the base make it unknown. */
export function resolveWorkdir(previous: string | undefined, value: string): string | undefined {
  if (value.includes('$')) return undefined;
  if (value.startsWith('/')) return posixJoin('/', value);
  if (/^[A-Za-z]:[\\/]/.test(value)) return value;
  return previous?.startsWith('/') ? posixJoin(previous, value) : undefined;
}

export function stageScope(model: DockerfileModel, stage: Stage): StageScope {
  const inherited = stage.parent?.scope;
  const scope: StageScope = {
    args: new Map(),
    env: new Map(inherited?.env ?? []),
    shell: inherited?.shell,
    shellInstruction: inherited?.shellInstruction,
    workdirBefore: new Map(),
    workdir: inherited?.workdir,
    user: inherited?.user,
    exposes: [],
  };
  for (const ins of stage.instructions) {
    scope.workdirBefore.set(ins, scope.workdir);
    switch (ins.getKeyword()) {
      case 'ARG':
        for (const arg of ins.getArguments()) {
          const [k, ...v] = arg.getValue().split('=');
          scope.args.set(k, v.length ? v.join('=') : model.globalArgs.get(k));
        }
        break;
      case 'ENV':
        for (const p of (ins as unknown as { getProperties(): Array<{ getName(): string; getValue(): string | null }> }).getProperties()) {
          scope.env.set(p.getName(), p.getValue() ?? '');
        }
        break;
      case 'SHELL': {
        const argv = jsonArgv(ins);
        if (argv) {
          scope.shell = argv;
          scope.shellInstruction = ins;
        }
        break;
      }
      case 'WORKDIR': {
        const value = ins.getArgumentsContent()?.trim();
        // Unresolvable values (variables, relative to an unknown directory) are kept as written: a WORKDIR was set.
        if (value) scope.workdir = resolveWorkdir(scope.workdir, unquote(value)) ?? unquote(value);
        break;
      }
      case 'USER': {
        const value = ins.getArgumentsContent()?.trim();
        if (value) scope.user = { instruction: ins, value };
        break;
      }
      case 'EXPOSE':
        for (const arg of ins.getArguments()) scope.exposes.push({ instruction: ins, value: arg.getValue(), range: arg.getRange() });
        break;
    }
  }
  return scope;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** The strings of a JSON-form instruction, or undefined when it is not valid JSON form. */
export function jsonArgv(ins: Instruction): string[] | undefined {
  const content = ins.getRawArgumentsContent()?.trim() ?? '';
  if (!content.startsWith('[')) return undefined;
  try {
    const parsed = JSON.parse(content.replace(/\\\r?\n/g, ''));
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/** The value of a JSON string token (quotes and escapes removed). */
export function jsonString(raw: string): string {
  try {
    const v = JSON.parse(raw);
    return typeof v === 'string' ? v : raw;
  } catch {
    return raw.replace(/^"(.*)"$/, '$1');
  }
}

export function parseMount(flag: Flag): Mount {
  const options = new Map<string, string>();
  for (const part of (flag.getValue() ?? '').match(/(?:[^,"]|"[^"]*")+/g) ?? []) {
    const eq = part.indexOf('=');
    const key = (eq < 0 ? part : part.slice(0, eq)).trim().toLowerCase();
    const value = eq < 0 ? 'true' : part.slice(eq + 1).trim().replace(/^"(.*)"$/, '$1');
    options.set(key, value);
  }
  return {
    type: options.get('type') ?? 'bind',
    target: options.get('target') ?? options.get('dst') ?? options.get('destination'),
    source: options.get('source') ?? options.get('src'),
    from: options.get('from'),
    id: options.get('id'),
    options,
    range: flag.getRange(),
  };
}

export function buildRuns(model: DockerfileModel, stage: Stage): RunInfo[] {
  const runs: RunInfo[] = [];
  let shell = stage.parent?.scope.shell;
  for (const ins of stage.instructions) {
    const keyword = ins.getKeyword();
    if (keyword === 'SHELL') shell = jsonArgv(ins) ?? shell;
    if (keyword === 'RUN') runs.push(runInfo(model, stage, ins as Run, shell));
    if (keyword === 'ONBUILD') {
      const trigger = (ins as Onbuild).getTriggerInstruction();
      if (trigger?.getKeyword() === 'RUN') {
        const info = runInfo(model, stage, trigger as Run, shell);
        info.onbuild = ins;
        runs.push(info);
      }
    }
  }
  return runs;
}

/**
 * `["/bin/sh", "-c", "<script>"]`: the script is read as shell when its JSON string has no escapes, so that
 * offsets inside it still map one-to-one to the Dockerfile.
 */
function shellCScript(words: ShellWord[]): ShellScript | undefined {
  const c = words.findIndex((w) => w.text === '-c');
  const script = words[c + 1];
  if (c < 1 || c + 2 !== words.length || !isShellProgram(words[0].text) || script.raw.includes('\\')) return undefined;
  if (!words.slice(1, c).every((w) => w.text.startsWith('-') || w.text === 'pipefail')) return undefined;
  const map = Array.from({ length: script.text.length }, (_, i) => script.start + 1 + i);
  return parseShell({ src: script.text, map });
}

/**
 * The shell text of a shell-form RUN starting at `start` (after its flags): the first line with Dockerfile line
 * continuations (`escape` + newline) and the comment/blank lines inside them removed, followed verbatim by the
 * rest of the instruction (here-document bodies). Offsets map back to the Dockerfile.
 */
function runSource(text: string, start: number, end: number, escape: string): MappedSource {
  let src = '';
  const map: number[] = [];
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === escape) {
      let j = i + 1;
      while (j < end && (text[j] === ' ' || text[j] === '\t')) j++;
      if (j < end && (text[j] === '\n' || text[j] === '\r')) {
        j += text[j] === '\r' && text[j + 1] === '\n' ? 2 : 1;
        // Lines that are empty or comments inside a continuation are dropped by the Dockerfile parser.
        for (;;) {
          const nl = text.indexOf('\n', j);
          const lineEnd = nl < 0 || nl > end ? end : nl;
          const line = text.slice(j, lineEnd);
          if (lineEnd < end && /^\s*(#.*)?\r?$/.test(line)) j = lineEnd + 1;
          else break;
        }
        i = j;
        continue;
      }
      if (j >= end) break;
    }
    if (c === '\n' || c === '\r') break;
    src += c;
    map.push(i);
    i++;
  }
  // Here-document bodies and anything after the first line, verbatim.
  for (; i < end; i++) {
    src += text[i] === '\r' && text[i + 1] === '\n' ? '' : text[i];
    if (!(text[i] === '\r' && text[i + 1] === '\n')) map.push(i);
  }
  return { src, map };
}

/** Offset of the first argument character after `from`, skipping blanks, line continuations and the comment or
 * empty lines inside them. */
function skipBlanks(text: string, from: number, end: number, escape: string): number {
  let i = from;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      i++;
      continue;
    }
    if (c !== escape || !/^[ \t]*\r?\n/.test(text.slice(i + 1, i + 80))) break;
    i = text.indexOf('\n', i) + 1;
    for (;;) {
      const nl = text.indexOf('\n', i);
      if (nl < 0 || nl >= end || !/^\s*(#.*)?\r?$/.test(text.slice(i, nl))) break;
      i = nl + 1;
    }
  }
  return i;
}

function runInfo(model: DockerfileModel, stage: Stage, run: Run, shell: string[] | undefined): RunInfo {
  const { text, index } = model;
  const end = index.offsetAt(run.getRange().end);
  let start = skipBlanks(text, index.offsetAt(run.getInstructionRange().end), end, model.escape);
  let mounts: Mount[] = [];
  // Asking dockerfile-ast for flags re-tokenises the instruction: only do it when there are flags.
  if (text.startsWith('--', start)) {
    mounts = run.getFlags().filter((f) => f.getName().toLowerCase() === 'mount').map(parseMount);
    const range = run.getArgumentsRange();
    start = range ? index.offsetAt(range.start) : end;
  }
  const base = { instruction: run, stage, mounts, shell };
  if (start >= end) return withWordNames({ ...base, exec: false, heredoc: false, script: execCommand([]) });
  if (text[start] === '[' && jsonArgv(run)) {
    const words: ShellWord[] = (run as JSONInstruction).getJSONStrings().map((s) => {
      const ws = index.offsetAt(s.getRange().start);
      const we = index.offsetAt(s.getRange().end);
      const raw = text.slice(ws, we);
      return { text: jsonString(raw), raw, start: ws, end: we, quoted: true };
    });
    return withWordNames({ ...base, exec: true, heredoc: false, script: shellCScript(words) ?? execCommand(words) });
  }
  return new ShellRun(run, stage, mounts, shell, text, start, end, model.escape);
}

function namesOf(script: ShellScript): Set<string> {
  const names = new Set<string>();
  for (const c of script.commands) {
    names.add(c.name.text.replace(/^.*\//, ''));
    for (const a of c.args) names.add(a.text.replace(/^.*\//, ''));
  }
  return names;
}

function withWordNames(info: Omit<RunInfo, 'wordNames'>): RunInfo {
  let names: Set<string> | undefined;
  return Object.defineProperty(info, 'wordNames', { get: () => (names ??= namesOf(info.script)), enumerable: false }) as RunInfo;
}

/**
 * A shell-form RUN whose script is read when a rule first asks for it: a reused script is moved to its new offsets
 * only then (after an edit, most RUNs of a long file are read by no rule: their findings are reused).
 */
class ShellRun implements RunInfo {
  onbuild?: Instruction;
  readonly exec = false;
  #script: ShellScript | undefined;
  readonly #text: string;
  readonly #start: number;
  readonly #end: number;
  readonly #escape: string;

  constructor(
    readonly instruction: Instruction,
    readonly stage: Stage,
    readonly mounts: Mount[],
    readonly shell: string[] | undefined,
    text: string,
    start: number,
    end: number,
    escape: string,
  ) {
    this.#text = text;
    this.#start = start;
    this.#end = end;
    this.#escape = escape;
  }

  get script(): ShellScript {
    return (this.#script ??= shellScriptOf(this.#text, this.#start, this.#end, this.#escape));
  }

  get heredoc(): boolean {
    return this.#entry().script.bodies.length > 0;
  }

  get wordNames(): ReadonlySet<string> {
    const entry = this.#entry();
    return (entry.names ??= namesOf(entry.script));
  }

  /**
   * The cached parse of this RUN's text, at whatever offset it was read. An instruction reused by the incremental
   * parse without a line shift keeps its range object (incremental.ts): that finds the parse without hashing the text.
   */
  #entry(): ShellEntry {
    if (this.#script) return { start: this.#start, script: this.#script };
    const range = this.instruction.getRange();
    let entry = entryOfRange.get(range);
    if (!entry) entryOfRange.set(range, (entry = shellEntry(this.#text, this.#start, this.#end, this.#escape)));
    return entry;
  }
}

/**
 * Shell parses of recent RUNs, by their text: while a file is edited, its unchanged RUNs are not read again (only
 * moved when the edit was before them). A script depends on nothing but the RUN's own text and the escape character.
 */
interface ShellEntry {
  start: number;
  script: ShellScript;
  names?: Set<string>;
}
const shellCache = new Map<string, ShellEntry>();
/** The shell parse of a RUN by the range object of its instruction (one per parse of that instruction's text). */
const entryOfRange = new WeakMap<object, ShellEntry>();
/**
 * Least recently used go first. While a file is edited only its edited stage's RUNs are read again (the other stages'
 * findings are reused), so a small cache serves it; a large one mostly held the RUNs of every other open Dockerfile
 * (about 8 MB with a thousand open documents).
 */
const SHELL_CACHE_MAX = 1024;

/** Forgets the cached shell parses (tests compare against reading every RUN afresh). */
export function clearShellCache(): void {
  shellCache.clear();
}

/** The cached parse of a RUN's text (read now when it is not cached), at the offset it was last read at. */
function shellEntry(text: string, start: number, end: number, escape: string): ShellEntry {
  const key = escape + text.slice(start, end);
  const hit = shellCache.get(key);
  if (hit) {
    shellCache.delete(key);
    shellCache.set(key, hit);
    return hit;
  }
  const entry: ShellEntry = { start, script: parseShell(runSource(text, start, end, escape)) };
  shellCache.set(key, entry);
  if (shellCache.size > SHELL_CACHE_MAX) shellCache.delete(shellCache.keys().next().value!);
  return entry;
}

function shellScriptOf(text: string, start: number, end: number, escape: string): ShellScript {
  const hit = shellEntry(text, start, end, escape);
  if (hit.start === start) return hit.script;
  const moved = shiftScript(hit.script, start - hit.start);
  shellCache.set(escape + text.slice(start, end), { start, script: moved, names: hit.names });
  return moved;
}

/** A copy of a script with every offset moved by `delta` (shared words and bodies stay shared). */
function shiftScript(script: ShellScript, delta: number): ShellScript {
  const words = new Map<ShellWord, ShellWord>();
  const bodies = new Map<HeredocBody, HeredocBody>();
  const word = (w: ShellWord) => {
    let out = words.get(w);
    if (!out) words.set(w, (out = { ...w, start: w.start + delta, end: w.end + delta }));
    return out;
  };
  const body = (b: HeredocBody) => {
    let out = bodies.get(b);
    if (!out) bodies.set(b, (out = { ...b, start: b.start + delta, end: b.end + delta }));
    return out;
  };
  return {
    commands: script.commands.map((c) => ({
      ...c,
      name: word(c.name),
      args: c.args.map(word),
      assignments: c.assignments.map(word),
      start: c.start + delta,
      end: c.end + delta,
      heredocs: c.heredocs.map(body),
    })),
    pipes: script.pipes.map((p) => p + delta),
    end: script.end < 0 ? script.end : script.end + delta,
    bodies: script.bodies.map(body),
  };
}
