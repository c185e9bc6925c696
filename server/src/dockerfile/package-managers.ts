// Package-manager invocations in RUN, with what was COPYd before them (lockfiles).
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { WorkspaceReader } from '../engine/types';
import { program, runCommands, type SimpleCommand, type Word } from './commands';
import { buildContextDir } from './dockerignore';
import { stageChain } from './final-stage';
import type { DockerfileModel } from './model';
import { copySources } from './rules/copy-ignored-file';

export interface Invocation {
  instruction: Instruction;
  command: SimpleCommand;
  /** The program word and the words after it. */
  program: Word;
  args: Word[];
}

/** Every `<name> ...` command run in RUN instructions, in file order, per stage. */
export function invocations(model: DockerfileModel, names: string[]): Array<Invocation & { stageIndex: number }> {
  const out: Array<Invocation & { stageIndex: number }> = [];
  for (const stage of model.stages) {
    for (const ins of stage.instructions) {
      for (const cmd of runCommands(model, ins)) {
        const p = program(cmd);
        if (!p || !names.includes(p.name)) continue;
        out.push({ instruction: ins, command: cmd, program: cmd[p.index], args: cmd.slice(p.index + 1), stageIndex: stage.index });
      }
    }
  }
  return out;
}

/** The first argument that is not an option (the subcommand), if any. */
export function subcommand(args: Word[]): Word | undefined {
  return args.find((w) => !w.value.startsWith('-'));
}

/**
 * Whether a file matching `lockfile` reaches the stage before `before`: copied by name or glob, or with the whole
 * context (`COPY . .`) when the context holds it, or bind-mounted into the RUN.
 */
export function lockfileCopied(model: DockerfileModel, stageIndex: number, before: Instruction, lockfile: RegExp, ctx: { path: string; options: Record<string, unknown>; workspace: WorkspaceReader }): boolean {
  const stage = model.stages[stageIndex];
  const contextDir = buildContextDir(ctx.path, ctx.options);
  const inContext = () => ctx.workspace.list(contextDir).some((f) => lockfile.test(f));
  for (const ins of stageChain(stage).flatMap((s) => s.instructions)) {
    if (ins === before) break;
    const keyword = ins.getKeyword();
    if (keyword !== 'COPY' && keyword !== 'ADD') continue;
    for (const src of copySources(ins)) {
      const name = path.posix.basename(src.value.replace(/\/+$/, ''));
      if (lockfile.test(name) || (/[*?[]/.test(name) && globMatchesLockfile(name, lockfile))) return true;
      if ((src.value === '.' || src.value === './') && inContext()) return true;
    }
  }
  const mounts = before.getRawArgumentsContent() ?? '';
  return [...mounts.matchAll(/--mount=\S*(?:source|src)=([^,\s]+)/g)].some((m) => lockfile.test(path.posix.basename(m[1])));
}

function globMatchesLockfile(glob: string, lockfile: RegExp): boolean {
  const re = new RegExp('^' + glob.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.') + '$');
  return ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'requirements.txt', 'poetry.lock', 'Pipfile.lock', 'uv.lock'].some((f) => lockfile.test(f) && re.test(f));
}
