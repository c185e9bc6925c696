// Queries over the shell commands of RUN instructions, shared by the package-manager and command rules.
import type { Fix, Range, RuleContext } from '../engine/types';
import { allStages, type DockerfileModel, type Stage } from './model';
import type { RunInfo } from './run-model';
import type { ShellCommand, ShellWord } from './shell';

export interface CommandAt {
  cmd: ShellCommand;
  run: RunInfo;
}

/** The program's base name: `/usr/bin/apt-get` → `apt-get`. */
export function programOf(cmd: ShellCommand): string {
  return cmd.name.text.replace(/^.*\//, '');
}

const commandLists = new WeakMap<DockerfileModel | Stage, readonly CommandAt[]>();

/**
 * The commands of a stage's RUNs (of every stage, the implicit one before the first FROM included, without one),
 * listed once per model: dozens of rules walk them.
 */
export function commandsOf(model: DockerfileModel, stage?: Stage): readonly CommandAt[] {
  const key = stage ?? model;
  let list = commandLists.get(key);
  if (!list) {
    list = (stage ? [stage] : allStages(model)).flatMap((s) => s.runs.flatMap((run) => run.script.commands.map((cmd) => ({ cmd, run }))));
    commandLists.set(key, list);
  }
  return list;
}

/** A command's program (base name) and arguments, looking through `sudo`, `env` and `VAR=x` prefixes. */
export interface Invoked extends CommandAt {
  name: string;
  program: ShellWord;
  args: ShellWord[];
}

/** Commands of shell-form RUNs of the image itself (not exec form, not ONBUILD triggers) whose program is one of `names`. */
export function* invocationsOf(model: DockerfileModel, names: string[], stage?: Stage): Generator<Invoked> {
  for (const run of (stage ? [stage] : allStages(model)).flatMap((s) => s.runs)) {
    // A RUN none of whose words is one of the names has no such command (and its script need not be read).
    if (run.exec || run.onbuild || !names.some((n) => run.wordNames.has(n))) continue;
    for (const cmd of run.script.commands) yield* invocation({ cmd, run }, names);
  }
}

function* invocation(at: CommandAt, names: string[]): Generator<Invoked> {
  const words = [at.cmd.name, ...at.cmd.args];
  let i = 0;
  while (i < words.length && (/^[A-Za-z_][A-Za-z0-9_]*=/.test(words[i].text) || ['sudo', 'env', 'exec'].includes(words[i].text))) i++;
  if (i >= words.length) return;
  const name = words[i].text.replace(/^.*\//, '');
  if (names.includes(name)) yield { ...at, name, program: words[i], args: words.slice(i + 1) };
}

/** Whether an argument is an option: `-x`, `--long`, but not `-` alone. */
export function isOption(arg: ShellWord): boolean {
  return arg.text.length > 1 && arg.text.startsWith('-');
}

/**
 * True when the command carries an option: a long name (`--yes`, `--yes=…`) or a short letter, also inside
 * combined short options (`-qy`). Short letters are only looked for in single-dash words.
 */
export function hasOption(cmd: ShellCommand, longs: string[], shorts = ''): boolean {
  for (const a of cmd.args) {
    const t = a.text;
    if (t === '--') break;
    if (t.startsWith('--')) {
      const name = t.slice(2).split('=')[0];
      if (longs.includes(name)) return true;
    } else if (t.startsWith('-') && shorts) {
      for (const ch of t.slice(1)) {
        if (shorts.includes(ch)) return true;
        if (!/[A-Za-z]/.test(ch)) break;
      }
    }
  }
  return false;
}

/** Arguments that are not options nor the values of options that take one (`-o value`, `--opt value`). */
export function positionals(cmd: ShellCommand, withValue: string[] = []): ShellWord[] {
  const out: ShellWord[] = [];
  let rest = false;
  for (let i = 0; i < cmd.args.length; i++) {
    const a = cmd.args[i];
    if (rest || !isOption(a)) {
      out.push(a);
      continue;
    }
    if (a.text === '--') {
      rest = true;
      continue;
    }
    if (withValue.includes(a.text)) i++;
  }
  return out;
}

/** For `tool [opts] sub [args]`: the subcommand word and the positional words after it. */
export function subcommand(cmd: ShellCommand, withValue: string[] = []): { sub?: ShellWord; operands: ShellWord[] } {
  const [sub, ...operands] = positionals(cmd, withValue);
  return { sub, operands };
}

/** A word whose value is only known at build time (`$PKGS`, `python$V`, `$(cat list)`): pin rules cannot judge it. */
export function isVariable(w: ShellWord): boolean {
  return w.text.includes('$') || w.text.includes('`');
}

export function rangeOf(model: DockerfileModel, start: number, end: number): Range {
  return model.index.range(start, end);
}

export function wordRange(model: DockerfileModel, w: ShellWord): Range {
  return model.index.range(w.start, w.end);
}

/** Range from the program name to a later word (e.g. `apt-get install`). */
export function spanRange(model: DockerfileModel, from: ShellWord, to: ShellWord | undefined): Range {
  return model.index.range(from.start, (to ?? from).end);
}

/** A fix inserting text right after a word. */
export function insertAfter(model: DockerfileModel, w: ShellWord, text: string, title: string): Fix {
  const at = model.index.positionAt(w.end);
  return { title, edits: [{ range: { start: at, end: at }, newText: text }] };
}

/** Whether any RUN command in the same RUN matches. */
export function runHas(run: RunInfo, pred: (cmd: ShellCommand) => boolean): boolean {
  return run.script.commands.some(pred);
}

/** A mount of the RUN with a `cache` or `tmpfs` type whose target is (under) one of the paths. */
export function cacheMounted(run: RunInfo, paths: RegExp): boolean {
  return run.mounts.some((m) => (m.type === 'cache' || m.type === 'tmpfs') && !!m.target && paths.test(m.target.replace(/\/+$/, '')));
}

/** Inserts a command at the end of a RUN: appended with `&&`, or as a last line of a `RUN <<EOF` script. */
export function appendToRun(model: DockerfileModel, run: RunInfo, command: string, title: string): Fix | undefined {
  if (run.exec) return undefined;
  const bodies = run.script.bodies;
  const body = bodies[bodies.length - 1];
  if (body?.script) {
    const at = model.index.positionAt(body.end);
    return { title, edits: [{ range: { start: at, end: at }, newText: `${command}${model.index.eol}` }] };
  }
  if (body) return undefined;
  const commands = run.script.commands;
  const last = commands[commands.length - 1];
  if (!last || last.nested || last.after === '&' || run.script.end < 0) return undefined;
  const at = model.index.positionAt(run.script.end);
  return { title, edits: [{ range: { start: at, end: at }, newText: ` && ${command}` }] };
}

export function report(ctx: RuleContext<DockerfileModel>, range: Range, message: string, fix?: Fix): void {
  ctx.report({ range, message, fix });
}
