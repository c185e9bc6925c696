// What was COPYd into a stage before a RUN: lockfiles that make package-manager installs reproducible.
import * as path from 'node:path';
import type { Instruction } from 'dockerfile-ast';
import type { WorkspaceReader } from '../engine/types';
import { buildContextDir } from './dockerignore';
import { stageChain } from './final-stage';
import type { DockerfileModel, Stage } from './model';
import { copySources } from './rules/copy-ignored-file';

/** The lockfiles rules look for. */
export const LOCKFILES: readonly string[] = ['package-lock.json', 'npm-shrinkwrap.json', 'yarn.lock', 'requirements.txt', 'poetry.lock', 'Pipfile.lock', 'uv.lock'];

/** The lockfiles at the top of the build context (what `COPY . .` brings in): part of the Dockerfile's part context. */
export function contextLockfiles(dockerfilePath: string, options: Record<string, unknown>, workspace: WorkspaceReader): string[] {
  return workspace.list(buildContextDir(dockerfilePath, options)).filter((f) => LOCKFILES.includes(f)).sort();
}

/**
 * Whether a file matching `lockfile` reaches the stage before `before`: copied by name or glob, or with the whole
 * context (`COPY . .`) when the context holds it, or bind-mounted into the RUN.
 */
export function lockfileCopied(model: DockerfileModel, stage: Stage, before: Instruction, lockfile: RegExp, ctx: { path: string; options: Record<string, unknown>; workspace: WorkspaceReader }): boolean {
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
  return LOCKFILES.some((f) => lockfile.test(f) && re.test(f));
}
