// Finds the files to lint under the given paths: recursive, skipping .git, node_modules and what .gitignore ignores.
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';

const ALWAYS_SKIPPED = new Set(['.git', 'node_modules', '.hg', '.svn']);

interface IgnoreScope {
  dir: string;
  rules: Ignore;
}

function gitignoreOf(dir: string): IgnoreScope | undefined {
  try {
    const text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
    return { dir, rules: ignore().add(text) };
  } catch {
    return undefined;
  }
}

function ignoredBy(scopes: IgnoreScope[], abs: string, isDir: boolean): boolean {
  for (const scope of scopes) {
    const rel = path.relative(scope.dir, abs).split(path.sep).join('/');
    if (!rel || rel.startsWith('..')) continue;
    if (scope.rules.ignores(isDir ? `${rel}/` : rel)) return true;
  }
  return false;
}

/** .gitignore files of the folders above `dir` up to the repository root (the folder holding .git). */
function parentScopes(dir: string): IgnoreScope[] {
  const scopes: IgnoreScope[] = [];
  let cur = path.dirname(dir);
  for (;;) {
    const s = gitignoreOf(cur);
    if (s) scopes.unshift(s);
    if (fs.existsSync(path.join(cur, '.git'))) break;
    const parent = path.dirname(cur);
    if (parent === cur) return [];
    cur = parent;
  }
  return scopes;
}

export class WalkError extends Error {}

/**
 * Expands paths into files. Files named explicitly are always returned; folders are walked.
 * Throws WalkError for a path that does not exist.
 */
export interface FoundFile {
  file: string;
  /** The path on the command line it was found under (itself for files named explicitly). */
  root: string;
}

export function collectFiles(paths: string[]): FoundFile[] {
  const out: FoundFile[] = [];
  const seen = new Set<string>();
  let root = '';
  const add = (f: string) => {
    if (!seen.has(f)) {
      seen.add(f);
      out.push({ file: f, root });
    }
  };
  for (const p of paths) {
    const abs = path.resolve(p);
    root = abs;
    let stat: fs.Stats;
    try {
      stat = fs.statSync(abs);
    } catch {
      throw new WalkError(`${p}: no such file or directory`);
    }
    if (stat.isFile()) add(abs);
    else if (stat.isDirectory()) walk(abs, [...parentScopes(abs)], add);
  }
  return out;
}

function walk(dir: string, scopes: IgnoreScope[], add: (f: string) => void): void {
  const own = gitignoreOf(dir);
  const active = own ? [...scopes, own] : scopes;
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch {
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const abs = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (ALWAYS_SKIPPED.has(e.name) || ignoredBy(active, abs, true)) continue;
      walk(abs, active, add);
    } else if (e.isFile() && !ignoredBy(active, abs, false)) {
      add(abs);
    }
  }
}

/**
 * The same walk as `collectFiles` for one folder, reading folders asynchronously so that a long walk (the server
 * indexing a large workspace) never holds up the event loop. Order is not guaranteed.
 */
export async function collectFilesAsync(root: string): Promise<string[]> {
  const out: string[] = [];
  const stack: Array<{ dir: string; scopes: IgnoreScope[] }> = [{ dir: path.resolve(root), scopes: parentScopes(path.resolve(root)) }];
  while (stack.length) {
    const { dir, scopes } = stack.pop()!;
    const own = gitignoreOf(dir);
    const active = own ? [...scopes, own] : scopes;
    let entries: fs.Dirent[];
    try {
      entries = await fs.promises.readdir(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (!ALWAYS_SKIPPED.has(e.name) && !ignoredBy(active, abs, true)) stack.push({ dir: abs, scopes: active });
      } else if (e.isFile() && !ignoredBy(active, abs, false)) out.push(abs);
    }
  }
  return out;
}
