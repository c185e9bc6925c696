// `.dockerignore` patterns with the builder's semantics (Go filepath.Match per segment, `**` across segments,
// paths relative to the context root, a pattern also excludes everything under a matching directory).
import * as path from 'node:path';
import type { WorkspaceReader } from '../engine/types';

export interface IgnoreFile {
  path: string;
  patterns: RegExp[];
  /** `!pattern` lines: re-inclusions are too dynamic to judge statically, so CopyIgnoredFile stays quiet. */
  hasExclusions: boolean;
}

function patternToRegExp(pattern: string): RegExp {
  let re = '^';
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === '*') {
      if (pattern[i + 1] === '*') {
        i++;
        if (pattern[i + 1] === '/') {
          i++;
          re += '(?:.*/)?';
        } else re += '.*';
      } else re += '[^/]*';
    } else if (c === '?') re += '[^/]';
    else if (c === '[') {
      const end = pattern.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = pattern.slice(i + 1, end).replace(/^\^/, '!');
        re += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`;
        i = end;
      }
    } else if (c === '\\' && i + 1 < pattern.length) re += '\\' + pattern[++i];
    else re += c.replace(/[.+^${}()|\\/]/g, '\\$&');
  }
  return new RegExp(re + '$');
}

/** Normalises a path or pattern like Go's filepath.Clean, relative to the context root. */
export function cleanPath(p: string): string {
  const cleaned = path.posix.normalize(p.replace(/\\/g, '/')).replace(/\/+$/, '');
  const rel = cleaned.replace(/^\/+/, '');
  return rel === '' ? '.' : rel;
}

export function parseIgnoreFile(text: string, file: string): IgnoreFile {
  const patterns: RegExp[] = [];
  let hasExclusions = false;
  for (const rawLine of text.split(/\r?\n/)) {
    let line = rawLine.trim();
    if (!line || line.startsWith('#')) continue;
    if (line.startsWith('!')) {
      hasExclusions = true;
      line = line.slice(1).trim();
    }
    patterns.push(patternToRegExp(cleanPath(line)));
  }
  return { path: file, patterns, hasExclusions };
}

/** Ignore files found through one workspace reader (the server makes one per lint): two rules read the same. */
const foundIn = new WeakMap<WorkspaceReader, Map<string, IgnoreFile | null>>();

/** The ignore file that applies to a Dockerfile: `<Dockerfile>.dockerignore` beside it, else `<context>/.dockerignore`. */
export function findIgnoreFile(dockerfilePath: string, contextDir: string, ws: WorkspaceReader): IgnoreFile | undefined {
  let found = foundIn.get(ws);
  if (!found) foundIn.set(ws, (found = new Map()));
  const key = `${dockerfilePath}\0${contextDir}`;
  const known = found.get(key);
  if (known !== undefined) return known ?? undefined;
  let result: IgnoreFile | null = null;
  for (const candidate of [`${dockerfilePath}.dockerignore`, path.join(contextDir, '.dockerignore')]) {
    const text = ws.readText(candidate);
    if (text !== undefined) {
      result = parseIgnoreFile(text, candidate);
      break;
    }
  }
  found.set(key, result);
  return result ?? undefined;
}

const keys = new WeakMap<IgnoreFile, string>();

/** What the ignore file that applies to a Dockerfile says, as a string (for the part context): '' when there is none. */
export function ignoreFileKey(dockerfilePath: string, options: Record<string, unknown>, ws: WorkspaceReader): string {
  const ignore = findIgnoreFile(dockerfilePath, buildContextDir(dockerfilePath, options), ws);
  if (!ignore) return '';
  let key = keys.get(ignore);
  if (key === undefined) keys.set(ignore, (key = [ignore.path, ignore.hasExclusions, ...ignore.patterns.map((re) => re.source)].join('\n')));
  return key;
}

/** The build context folder: option `dockerfile.buildContext` (relative to the Dockerfile's folder) or that folder. */
export function buildContextDir(dockerfilePath: string, options: Record<string, unknown>): string {
  const dir = path.dirname(dockerfilePath);
  const configured = options.buildContext;
  return typeof configured === 'string' && configured ? path.resolve(dir, configured) : dir;
}

/** Whether a context path (or one of its parent folders) is excluded. The context root counts as excluded only
 * when a pattern excludes every top-level entry (`*`, `**`). */
export function isIgnored(ignore: IgnoreFile, source: string): boolean {
  const p = cleanPath(source);
  if (p === '.') return ignore.patterns.some((re) => re.test('any-top-level-entry'));
  const parts = p.split('/');
  for (let i = 1; i <= parts.length; i++) {
    const candidate = parts.slice(0, i).join('/');
    if (ignore.patterns.some((re) => re.test(candidate))) return true;
  }
  return false;
}
