import * as fs from 'node:fs';
import * as path from 'node:path';
import type { WorkspaceReader } from './types';

/**
 * Reads files from disk. When `root` is set, paths outside it are treated as absent, so a config or
 * manifest can never make us read elsewhere. `overlay` lets the server serve unsaved editor buffers.
 */
export function diskWorkspace(root?: string, overlay?: (absPath: string) => string | undefined): WorkspaceReader {
  const resolvedRoot = root ? path.resolve(root) : undefined;
  const inside = (p: string) => {
    if (!resolvedRoot) return true;
    const rel = path.relative(resolvedRoot, path.resolve(p));
    return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
  };
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
