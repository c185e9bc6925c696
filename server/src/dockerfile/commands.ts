// A small shell tokenizer for RUN: splits a shell-form command into simple commands (at `&&`, `||`, `;`, `|`,
// newlines, parentheses) made of words with their document offsets. Robust to quoting, escapes, line continuations,
// comment lines inside continuations and heredoc bodies. Enough for "which program runs with which arguments".
import type { Instruction } from 'dockerfile-ast';
import type { DockerfileModel } from './model';

export interface Word {
  /** Unquoted value. */
  value: string;
  start: number;
  end: number;
}

export type SimpleCommand = Word[];

/** Simple commands of a text starting at document offset `base`. */
export function splitCommands(text: string, base: number, escape = '\\'): SimpleCommand[] {
  const commands: SimpleCommand[] = [];
  let current: SimpleCommand = [];
  let word: Word | undefined;
  const endWord = () => {
    if (word) current.push(word);
    word = undefined;
  };
  const endCommand = () => {
    endWord();
    if (current.length) commands.push(current);
    current = [];
  };
  const add = (ch: string, at: number, len = 1) => {
    if (!word) word = { value: '', start: base + at, end: base + at };
    word.value += ch;
    word.end = base + at + len;
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && (text[i + 1] === '\n' || (text[i + 1] === '\r' && text[i + 2] === '\n'))) {
      i += text[i + 1] === '\r' ? 2 : 1;
      endWord();
      // Comment lines inside a continuation are dropped by the Dockerfile parser.
      while (/^[ \t]*#/.test(text.slice(i + 1, text.indexOf('\n', i + 1) < 0 ? undefined : text.indexOf('\n', i + 1)))) {
        const nl = text.indexOf('\n', i + 1);
        if (nl < 0) {
          i = text.length;
          break;
        }
        i = nl;
      }
      continue;
    }
    if (c === '\\' && i + 1 < text.length) {
      add(text[i + 1], i, 2);
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      const close = text.indexOf(c, i + 1);
      const end = close < 0 ? text.length : close;
      if (!word) word = { value: '', start: base + i, end: base + i };
      word.value += text.slice(i + 1, end);
      word.end = base + Math.min(end + 1, text.length);
      i = end;
      continue;
    }
    if (c === '#' && !word) {
      const nl = text.indexOf('\n', i);
      i = nl < 0 ? text.length : nl - 1;
      continue;
    }
    if (c === '\n' || c === ';' || c === '(' || c === ')' || c === '`') {
      endCommand();
      continue;
    }
    if (c === '&' || c === '|') {
      endCommand();
      if (text[i + 1] === c) i++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      endWord();
      continue;
    }
    add(c, i);
  }
  endCommand();
  return commands;
}

/** Simple commands of a shell-form RUN (exec form and other instructions give []). */
const commandsCache = new WeakMap<Instruction, SimpleCommand[]>();

export function runCommands(model: DockerfileModel, ins: Instruction): SimpleCommand[] {
  if (ins.getKeyword() !== 'RUN') return [];
  let cached = commandsCache.get(ins);
  if (!cached) commandsCache.set(ins, (cached = tokenizeRun(model, ins)));
  return cached;
}

function tokenizeRun(model: DockerfileModel, ins: Instruction): SimpleCommand[] {
  const range = ins.getArgumentsRange();
  if (!range) return [];
  const start = model.index.offsetAt(range.start);
  let text = model.text.slice(start, model.index.offsetAt(ins.getRange().end));
  // Skip RUN's own flags (--mount=..., --network=...).
  const flags = /^(?:--[a-z-]+(?:=(?:"[^"]*"|'[^']*'|\S)*)?\s+)*/.exec(text)?.[0] ?? '';
  text = text.slice(flags.length);
  if (text.trimStart().startsWith('[')) return [];
  return splitCommands(text, start + flags.length, model.escape);
}

/** The command's program name without a path (`/usr/bin/pip3` → `pip3`), skipping `sudo`/`env VAR=x` prefixes. */
export function program(cmd: SimpleCommand): { name: string; index: number } | undefined {
  let i = 0;
  while (i < cmd.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(cmd[i].value) || cmd[i].value === 'sudo' || cmd[i].value === 'env' || cmd[i].value === 'exec')) i++;
  if (i >= cmd.length) return undefined;
  return { name: cmd[i].value.split('/').pop()!, index: i };
}
