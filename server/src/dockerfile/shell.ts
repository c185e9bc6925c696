// A small POSIX-shell reader for RUN commands: splits a script into simple commands with their words, through
// `&&`, `||`, `;`, `|`, `&`, newlines, subshells, `$(…)`, backticks, compound keywords and here-documents.
// It never executes or expands anything; every word keeps its exact offsets in the Dockerfile so rules can
// report precise ranges and fixes can edit in place. Unbalanced quoting ends the word at the end of the input.

/** A shell word: `text` is the value with quotes and escapes removed (expansions kept as written). */
export interface ShellWord {
  text: string;
  raw: string;
  /** Offsets in the Dockerfile text, end exclusive. */
  start: number;
  end: number;
  /** True when any part of the word was quoted. */
  quoted: boolean;
}

export type ShellOperator = '&&' | '||' | ';' | '|' | '|&' | '&' | '\n' | ';;';

export interface ShellCommand {
  /** The program, after leading `VAR=value` assignments and keywords (`if`, `then`, `!`…). */
  name: ShellWord;
  /** Words after the program, redirections excluded. */
  args: ShellWord[];
  assignments: ShellWord[];
  /** Operator that joins this command to the previous / next one in its list. */
  before?: ShellOperator;
  after?: ShellOperator;
  /** Inside a subshell, a `$(…)`/backtick substitution or a compound command body. */
  nested: boolean;
  /** Offsets of the first and past the last word (redirections included). */
  start: number;
  end: number;
  /** Here-document bodies fed to this command (only ones read as scripts are parsed into commands). */
  heredocs: HeredocBody[];
}

export interface HeredocBody {
  delimiter: string;
  /** Body start/end offsets in the Dockerfile (end excludes the delimiter line). */
  start: number;
  end: number;
  /** Whether the body was parsed as a shell script (its commands are in the script's list). */
  script: boolean;
}

export interface ShellScript {
  commands: ShellCommand[];
  /** Offsets of every `|` pipe operator (not `||`). */
  pipes: number[];
  /** Offset just past the last word of the last top-level command (where `&& more` can be appended). */
  end: number;
  /** Every here-document read, in order. */
  bodies: HeredocBody[];
}

/** Text the reader works on: `src[i]` sits at Dockerfile offset `map[i]`. */
export interface MappedSource {
  src: string;
  map: number[];
}

const SHELLS = new Set(['sh', 'bash', 'ash', 'dash', 'zsh', 'ksh', 'mksh', 'busybox']);
const KEYWORDS_BEFORE = new Set(['if', 'then', 'else', 'elif', 'do', 'while', 'until', '!', '{', 'time', 'exec']);
const KEYWORDS_ALONE = new Set(['fi', 'done', 'esac', '}']);
const ASSIGNMENT = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/;
const META = ';&|()<>\n';

export function isShellProgram(name: string): boolean {
  return SHELLS.has(name.replace(/^.*\//, ''));
}

interface Pending {
  delimiter: string;
  stripTabs: boolean;
  owner: { words: ShellWord[] };
  heredocs: HeredocBody[];
}

class Reader {
  readonly commands: ShellCommand[] = [];
  readonly pipes: number[] = [];
  readonly bodies: HeredocBody[] = [];
  topEnd = -1;

  constructor(
    private readonly src: string,
    private readonly map: number[],
  ) {}

  private at(i: number): number {
    return i < this.map.length ? this.map[i] : (this.map[this.map.length - 1] ?? -1) + 1;
  }

  /** Reads a command list from `i` until `close` (`)` or a backtick) or the end; returns the index after it. */
  list(i: number, close: string | undefined, nested: boolean, limit = this.src.length): number {
    const src = this.src;
    let words: ShellWord[] = [];
    let heredocs: HeredocBody[] = [];
    let start = -1;
    let end = -1;
    let before: ShellOperator | undefined;
    let pending: Pending[] = [];
    const finish = (op: ShellOperator | undefined) => {
      const cmd = words.length ? this.command(words, nested, start, end, before, op, heredocs) : undefined;
      if (cmd) {
        this.commands.push(cmd);
        if (!nested) this.topEnd = end;
      }
      before = op ?? (words.length ? undefined : before);
      words = [];
      heredocs = [];
      start = -1;
    };
    while (i < limit) {
      const c = src[i];
      if (c === ' ' || c === '\t' || c === '\r') {
        i++;
        continue;
      }
      if (c === '\\' && src[i + 1] === '\n') {
        i += 2;
        continue;
      }
      if (close && c === close) {
        finish(undefined);
        return i + 1;
      }
      if (c === '#') {
        while (i < limit && src[i] !== '\n') i++;
        continue;
      }
      if (c === '\n') {
        finish('\n');
        i++;
        if (pending.length) {
          i = this.heredocBodies(i, limit, pending, nested);
          pending = [];
        }
        continue;
      }
      if (c === ';' || c === '&' || c === '|') {
        const two = src.slice(i, i + 2);
        let op: ShellOperator;
        if (two === '&&' || two === '||' || two === ';;' || two === '|&') op = two as ShellOperator;
        else if (c === '&' && src[i + 1] === '>') {
          i = this.redirection(i, limit, pending, words, heredocs);
          continue;
        } else op = c as ShellOperator;
        if (op === '|') this.pipes.push(this.at(i));
        finish(op);
        i += op.length;
        continue;
      }
      if (c === '(') {
        if (words.length) {
          // `name() {` function definitions: skip the parentheses.
          i = src[i + 1] === ')' ? i + 2 : i + 1;
          continue;
        }
        finish(undefined);
        i = this.list(i + 1, ')', true, limit);
        continue;
      }
      if (c === ')') {
        // A stray `)` (a `case` pattern): ends the current command.
        finish(undefined);
        i++;
        continue;
      }
      if (c === '<' || c === '>' || (/[0-9]/.test(c) && this.isRedirectAhead(i))) {
        if (start < 0) start = this.at(i);
        i = this.redirection(i, limit, pending, words, heredocs);
        end = this.endOf(i);
        continue;
      }
      const w = this.word(i, limit, nested);
      if (start < 0) start = w.word.start;
      end = w.word.end;
      words.push(w.word);
      i = w.next;
    }
    finish(undefined);
    if (pending.length) this.heredocBodies(i, limit, pending, nested);
    return i;
  }

  private endOf(i: number): number {
    return this.at(i - 1) + 1;
  }

  private isRedirectAhead(i: number): boolean {
    let j = i;
    while (/[0-9]/.test(this.src[j] ?? '')) j++;
    return (this.src[j] === '<' || this.src[j] === '>') && (i === 0 || /[\s;&|(]/.test(this.src[i - 1]));
  }

  /** Skips a redirection operator and its target word; `<<` registers a pending here-document. */
  private redirection(i: number, limit: number, pending: Pending[], words: ShellWord[], heredocs: HeredocBody[]): number {
    const src = this.src;
    while (/[0-9]/.test(src[i])) i++;
    const op = /^(<<<|<<-|<<|<>|<&|>&|>>|>\||&>>|&>|<|>)/.exec(src.slice(i, i + 3))?.[0] ?? src[i];
    i += op.length;
    if ((op === '>&' || op === '<&') && /[0-9-]/.test(src[i])) {
      while (i < limit && /[0-9-]/.test(src[i])) i++;
      return i;
    }
    while (src[i] === ' ' || src[i] === '\t') i++;
    if (i >= limit || META.includes(src[i])) return i;
    const target = this.word(i, limit, true, false);
    if (op === '<<' || op === '<<-') {
      pending.push({ delimiter: target.word.text, stripTabs: op === '<<-', owner: { words }, heredocs });
    }
    return target.next;
  }

  /** Reads here-document bodies line by line after the line that opened them. */
  private heredocBodies(i: number, limit: number, pending: Pending[], nested: boolean): number {
    const src = this.src;
    for (const p of pending) {
      const bodyStart = i;
      let bodyEnd = limit;
      let next = limit;
      while (i < limit) {
        let nl = src.indexOf('\n', i);
        if (nl < 0 || nl > limit) nl = limit;
        let line = src.slice(i, nl).replace(/\r$/, '');
        if (p.stripTabs) line = line.replace(/^\t+/, '');
        if (line === p.delimiter) {
          bodyEnd = i;
          next = Math.min(nl + 1, limit);
          break;
        }
        i = nl + 1;
      }
      if (i >= limit) next = limit;
      i = next;
      const owner = p.owner.words.filter((w) => !ASSIGNMENT.test(w.raw));
      const body = src.slice(bodyStart, bodyEnd);
      const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(body);
      const interpreter = shebang ? (shebang[1].endsWith('/env') ? shebang[2] ?? '' : shebang[1]) : undefined;
      const ownerIsShell = owner.length === 0 || (isShellProgram(owner[0].text) && !owner.some((w) => w.text === '-c'));
      const script = ownerIsShell && (interpreter === undefined || isShellProgram(interpreter));
      const heredoc = { delimiter: p.delimiter, start: this.at(bodyStart), end: this.at(bodyEnd), script };
      p.heredocs.push(heredoc);
      this.bodies.push(heredoc);
      if (script) this.list(bodyStart, undefined, nested, bodyEnd);
    }
    return i;
  }

  /** Reads one word from `i`; nested substitutions are read as command lists. */
  private word(i: number, limit: number, nested: boolean, scan = true): { word: ShellWord; next: number } {
    const src = this.src;
    const first = i;
    let text = '';
    let quoted = false;
    while (i < limit) {
      const c = src[i];
      if (c === ' ' || c === '\t' || c === '\r' || META.includes(c)) break;
      if (c === '\\') {
        if (src[i + 1] === '\n') i += 2;
        else {
          text += src[i + 1] ?? '';
          i += 2;
          quoted = true;
        }
        continue;
      }
      if (c === "'") {
        const close = src.indexOf("'", i + 1);
        const stop = close < 0 || close >= limit ? limit : close;
        text += src.slice(i + 1, stop);
        i = stop + 1;
        quoted = true;
        continue;
      }
      if (c === '"') {
        quoted = true;
        i++;
        while (i < limit && src[i] !== '"') {
          if (src[i] === '\\' && i + 1 < limit) {
            if ('"\\$`'.includes(src[i + 1])) text += src[i + 1];
            else if (src[i + 1] !== '\n') text += src[i] + src[i + 1];
            i += 2;
          } else if (src[i] === '$' || src[i] === '`') {
            const s = this.substitution(i, limit, scan);
            text += src.slice(i, s);
            i = s;
          } else text += src[i++];
        }
        i++;
        continue;
      }
      if (c === '$' || c === '`') {
        const s = this.substitution(i, limit, scan);
        text += src.slice(i, s);
        i = s;
        continue;
      }
      text += c;
      i++;
    }
    const end = Math.min(i, limit);
    void nested;
    return {
      word: { text, raw: src.slice(first, end), start: this.at(first), end: this.endOf(end), quoted },
      next: end,
    };
  }

  /** Skips `$name`, `${…}`, `$((…))`, `$(…)` or a backtick substitution, reading commands inside the last two. */
  private substitution(i: number, limit: number, scan: boolean): number {
    const src = this.src;
    if (src[i] === '`') {
      let j = i + 1;
      while (j < limit && src[j] !== '`') j += src[j] === '\\' ? 2 : 1;
      if (scan) this.list(i + 1, undefined, true, Math.min(j, limit));
      return Math.min(j + 1, limit);
    }
    const n = src[i + 1];
    if (n === '(' && src[i + 2] === '(') return this.balanced(i + 1, limit, '(', ')');
    if (n === '(') {
      if (!scan) return this.balanced(i + 1, limit, '(', ')');
      return this.list(i + 2, ')', true, limit);
    }
    if (n === '{') return this.balanced(i + 1, limit, '{', '}');
    let j = i + 1;
    if (/[@*#?$!0-9-]/.test(src[j] ?? '')) return j + 1;
    while (j < limit && /[A-Za-z0-9_]/.test(src[j])) j++;
    return j;
  }

  private balanced(i: number, limit: number, open: string, close: string): number {
    let depth = 0;
    for (let j = i; j < limit; j++) {
      const c = this.src[j];
      if (c === '\\') j++;
      else if (c === "'") {
        const q = this.src.indexOf("'", j + 1);
        j = q < 0 ? limit : q;
      } else if (c === open) depth++;
      else if (c === close && --depth === 0) return j + 1;
    }
    return limit;
  }

  private command(
    all: ShellWord[],
    nested: boolean,
    start: number,
    end: number,
    before: ShellOperator | undefined,
    after: ShellOperator | undefined,
    heredocs: HeredocBody[],
  ): ShellCommand | undefined {
    let k = 0;
    let inner = nested;
    const assignments: ShellWord[] = [];
    for (; k < all.length; k++) {
      const w = all[k];
      if (!w.quoted && KEYWORDS_BEFORE.has(w.raw)) {
        inner = true;
        continue;
      }
      if (ASSIGNMENT.test(w.raw)) {
        assignments.push(w);
        continue;
      }
      break;
    }
    if (k >= all.length) return undefined;
    const name = all[k];
    if (!name.quoted && (KEYWORDS_ALONE.has(name.raw) || name.raw === 'for' || name.raw === 'case' || name.raw === 'select' || name.raw === 'function')) {
      return undefined;
    }
    return { name, args: all.slice(k + 1), assignments, before, after, nested: inner, start, end, heredocs };
  }
}

/** Parses shell text given with its Dockerfile offsets. */
export function parseShell(source: MappedSource): ShellScript {
  const reader = new Reader(source.src, source.map);
  reader.list(0, undefined, false);
  return { commands: reader.commands, pipes: reader.pipes, end: reader.topEnd, bodies: reader.bodies };
}

/** Words of an exec-form (JSON array) command as one command. */
export function execCommand(words: ShellWord[]): ShellScript {
  if (!words.length) return { commands: [], pipes: [], end: -1, bodies: [] };
  const [name, ...args] = words;
  const command: ShellCommand = { name, args, assignments: [], nested: false, start: name.start, end: words[words.length - 1].end, heredocs: [] };
  return { commands: [command], pipes: [], end: command.end, bodies: [] };
}
