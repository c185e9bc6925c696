// Where the `shellcheck` program is, for the Dockerfile and workflow rules alike: a configured absolute path or a
// PATH lookup, never a relative path or one inside the workspace, and only a program that answers like ShellCheck.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceReader } from './engine/types';

const binaryCache = new Map<string, string | undefined>();

function isExecutable(p: string): boolean {
  try {
    fs.accessSync(p, fs.constants.X_OK);
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

const verified = new Map<string, boolean>();

/**
 * Whether a path is really ShellCheck: named `shellcheck` and answering `--version` like it. A configuration file in
 * a repository must not be able to make us feed RUN commands to another program (say, a shell).
 */
function isShellcheck(p: string): boolean {
  if (!/^shellcheck(?:\.exe)?$/i.test(path.basename(p)) || !isExecutable(p)) return false;
  let ok = verified.get(p);
  if (ok === undefined) {
    const r = spawnSync(p, ['--version'], { encoding: 'utf8', timeout: 5000, windowsHide: true });
    ok = !r.error && /^ShellCheck\b/m.test(r.stdout ?? '');
    verified.set(p, ok);
  }
  return ok;
}

/** An absolute `shellcheck` path: the configured one, else a PATH lookup. Never a relative or workspace path. */
export function findShellcheck(configured: unknown, workspace: WorkspaceReader): string | undefined {
  const root = workspace.root ? path.resolve(workspace.root) : undefined;
  const outsideWorkspace = (p: string) => !root || root === path.parse(root).root || path.relative(root, p).startsWith('..');
  if (typeof configured === 'string' && configured) {
    return path.isAbsolute(configured) && outsideWorkspace(configured) && isShellcheck(configured) ? configured : undefined;
  }
  const key = process.env.PATH ?? '';
  if (binaryCache.has(key)) return binaryCache.get(key);
  const found = key
    .split(path.delimiter)
    .filter((dir) => path.isAbsolute(dir) && outsideWorkspace(dir))
    .map((dir) => path.join(dir, process.platform === 'win32' ? 'shellcheck.exe' : 'shellcheck'))
    .find(isShellcheck);
  binaryCache.set(key, found);
  return found;
}
