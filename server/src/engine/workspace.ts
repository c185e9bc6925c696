import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceReader } from './types';

/**
 * Reads files from disk. When `root` is set, paths outside it are treated as absent, so a config or
 * manifest can never make us read elsewhere. `overlay` lets the server serve unsaved editor buffers.
 * `stable` (the CLI: files do not change during a run; the server: for a moment, see server.ts `workspaceFor`)
 * remembers where each path's symlinks lead, whether a path is inside the root and whether it exists on disk: rules
 * ask the same questions for every file of a folder (`.dockerignore` next to each Dockerfile, config files above it)
 * and on every keystroke. `cacheReads` (a CLI run that writes no fixes, the server) also remembers what `readText`
 * and `list` read from disk. The overlay is asked first on every call: it changes as documents are edited.
 */
export function diskWorkspace(root?: string, overlay?: (absPath: string) => string | undefined, stable = false, cacheReads = false): WorkspaceReader {
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
  const check = (p: string) => !resolvedRoot || (within(resolvedRoot, path.resolve(p)) && within(realRoot!, realPath(path.resolve(p))));
  const insideCache = stable ? new Map<string, boolean>() : undefined;
  const inside = (p: string) => {
    if (!insideCache) return check(p);
    let ok = insideCache.get(p);
    if (ok === undefined) insideCache.set(p, (ok = check(p)));
    return ok;
  };
  // The caches hold what is on disk; the overlay (open documents) is asked first on every call.
  const existsCache = stable ? new Map<string, boolean>() : undefined;
  const textCache = stable && cacheReads ? new Map<string, string | undefined>() : undefined;
  const listCache = stable && cacheReads ? new Map<string, string[]>() : undefined;
  const readDisk = (absPath: string): string | undefined => {
    try {
      const stat = fs.statSync(absPath);
      if (!stat.isFile() || stat.size > 8 * 1024 * 1024) return undefined;
      return fs.readFileSync(absPath, 'utf8');
    } catch {
      return undefined;
    }
  };
  const list = (absDir: string): string[] => {
    if (!inside(absDir)) return [];
    try {
      return fs.readdirSync(absDir);
    } catch {
      return [];
    }
  };
  return {
    root: resolvedRoot,
    readText(absPath) {
      if (!inside(absPath)) return undefined;
      const open = overlay?.(absPath);
      if (open !== undefined) return open;
      if (!textCache) return readDisk(absPath);
      if (textCache.has(absPath)) return textCache.get(absPath);
      const text = readDisk(absPath);
      textCache.set(absPath, text);
      return text;
    },
    exists(absPath) {
      if (!inside(absPath)) return false;
      if (overlay?.(absPath) !== undefined) return true;
      const known = existsCache?.get(absPath);
      if (known !== undefined) return known;
      const found = fs.existsSync(absPath);
      existsCache?.set(absPath, found);
      return found;
    },
    list(absDir) {
      if (!listCache) return list(absDir);
      let names = listCache.get(absDir);
      if (!names) listCache.set(absDir, (names = list(absDir)));
      return [...names];
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
