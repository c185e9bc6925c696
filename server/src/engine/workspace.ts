import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceReader } from './types';

/**
 * Reads files from disk. When `root` is set, paths outside it are treated as absent, so a config or
 * manifest can never make us read elsewhere. `overlay` lets the server serve unsaved editor buffers.
 * `stable` (the CLI: files do not change during a run) remembers where each path's symlinks lead.
 */
export function diskWorkspace(root?: string, overlay?: (absPath: string) => string | undefined, stable = false): WorkspaceReader {
  const resolvedRoot = root ? path.resolve(root) : undefined;
  const realPaths = stable ? new Map<string, string>() : undefined;
  const realPath = (p: string) => {
    let real = realPaths?.get(p);
    if (real === undefined) {
      real = resolveRealPath(p);
      realPaths?.set(p, real);
    }
    return real;
  };
  const realRoot = resolvedRoot ? realPath(resolvedRoot) : undefined;
  const within = (base: string, p: string) => {
    const rel = path.relative(base, p);
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
  // Both the path as written and where its symlinks lead must stay inside the root.
  const inside = (p: string) => !resolvedRoot || (within(resolvedRoot, path.resolve(p)) && within(realRoot!, realPath(path.resolve(p))));
  return {
    root: resolvedRoot,
    readText(absPath) {
      if (!inside(absPath)) return undefined;
      const open = overlay?.(absPath);
      if (open !== undefined) return open;
      try {
        const stat = fs.statSync(absPath);
        if (!stat.isFile() || stat.size > 8 * 1024 * 1024) return undefined;
        return fs.readFileSync(absPath, 'utf8');
      } catch {
        return undefined;
      }
    },
    exists(absPath) {
      if (!inside(absPath)) return false;
      if (overlay?.(absPath) !== undefined) return true;
      return fs.existsSync(absPath);
    },
    list(absDir) {
      if (!inside(absDir)) return [];
      try {
        return fs.readdirSync(absDir);
      } catch {
        return [];
      }
    },
  };
}

/**
 * The canonical path with every symlink resolved. For a path that does not exist (yet), its nearest existing
 * ancestor is resolved and the rest appended, so a missing file below a symlinked folder still counts as outside.
 */
function resolveRealPath(p: string): string {
  const rest: string[] = [];
  let cur = p;
  for (;;) {
    try {
      return path.join(fs.realpathSync.native(cur), ...rest.reverse());
    } catch {
      const parent = path.dirname(cur);
      if (parent === cur) return p;
      rest.push(path.basename(cur));
      cur = parent;
    }
  }
}

/** A workspace with only the given files (tests, stdin). */
export function memoryWorkspace(files: Record<string, string> = {}, root = '/'): WorkspaceReader {
  const norm = (p: string) => path.resolve(p);
  const map = new Map(Object.entries(files).map(([k, v]) => [norm(k), v]));
  return {
    root,
    readText: (p) => map.get(norm(p)),
    exists: (p) => map.has(norm(p)) || [...map.keys()].some((k) => k.startsWith(norm(p) + path.sep)),
    list: (dir) => {
      const d = norm(dir) + path.sep;
      const names = new Set<string>();
      for (const k of map.keys()) if (k.startsWith(d)) names.add(k.slice(d.length).split(path.sep)[0]);
      return [...names];
    },
  };
}
