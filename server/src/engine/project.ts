// The project index: one small summary per workspace file, grouped by kind, for cross-file rules.
// The CLI fills it in a first pass; the server fills it in the background and keeps it current from file events.
import type { Kind, Language, ProjectIndex } from './types';

export interface IndexedSummary {
  path: string;
  summary: unknown;
}

/** An in-memory index. `summaries(kind)` is sorted by path so rules see a deterministic order. */
export class MemoryProjectIndex implements ProjectIndex {
  private readonly files = new Map<string, { kind: Kind; summary: unknown; key: string }>();
  private readonly sorted = new Map<Kind, IndexedSummary[]>();
  /** Bumped on every change that alters a summary; lets callers cache per index state. */
  generation = 0;

  summaries(kind: Kind): ReadonlyArray<IndexedSummary> {
    let list = this.sorted.get(kind);
    if (!list) {
      list = [];
      for (const [path, e] of this.files) if (e.kind === kind) list.push({ path, summary: e.summary });
      list.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
      this.sorted.set(kind, list);
    }
    return list;
  }

  /**
   * Records a file's summary (undefined: the file has none, e.g. its kind does not summarize).
   * Returns the kinds whose summaries changed (empty when nothing did), so callers re-validate only dependants.
   */
  set(path: string, kind: Kind, summary: unknown): Kind[] {
    const previous = this.files.get(path);
    if (summary === undefined) return this.delete(path);
    const key = stableKey(summary);
    if (previous && previous.kind === kind && previous.key === key) return [];
    this.files.set(path, { kind, summary, key });
    const changed = previous && previous.kind !== kind ? [previous.kind, kind] : [kind];
    for (const k of changed) this.sorted.delete(k);
    this.generation++;
    return changed;
  }

  /** Forgets a file (deleted, or no longer of a summarized kind). Returns the kinds that changed. */
  delete(path: string): Kind[] {
    const previous = this.files.get(path);
    if (!previous) return [];
    this.files.delete(path);
    this.sorted.delete(previous.kind);
    this.generation++;
    return [previous.kind];
  }

  /** Forgets every file under a folder (a workspace folder was removed). */
  deleteUnder(dir: string, sep = '/'): Kind[] {
    const prefix = dir.endsWith(sep) ? dir : dir + sep;
    const changed = new Set<Kind>();
    for (const path of [...this.files.keys()]) if (path.startsWith(prefix)) for (const k of this.delete(path)) changed.add(k);
    return [...changed];
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  get size(): number {
    return this.files.size;
  }
}

/**
 * A view of an index in which one file has a fresh summary (the document being linted, whose text may be newer than
 * what was indexed). It also records which kinds a rule asked for, so the server knows what the document depends on.
 */
export class OverlayProjectIndex implements ProjectIndex {
  readonly kindsRead = new Set<Kind>();
  /** One merged list per kind for the whole lint: every rule asking gets the same array. */
  private readonly merged = new Map<Kind, ReadonlyArray<IndexedSummary>>();

  constructor(
    private readonly base: ProjectIndex,
    private readonly path: string,
    private readonly kind: Kind,
    private readonly summary: unknown,
  ) {}

  summaries(kind: Kind): ReadonlyArray<IndexedSummary> {
    this.kindsRead.add(kind);
    let merged = this.merged.get(kind);
    if (!merged) this.merged.set(kind, (merged = this.merge(kind)));
    return merged;
  }

  /**
   * The shared index under this view, for callers that cache what they derive from it per index state (see
   * `generation`) and put the linted file's own data in themselves. Records the read like `summaries(kind)`.
   */
  underlying(kind: Kind): ProjectIndex {
    this.kindsRead.add(kind);
    return this.base;
  }

  private merge(kind: Kind): ReadonlyArray<IndexedSummary> {
    const list = this.base.summaries(kind);
    const others = list.some((s) => s.path === this.path) ? list.filter((s) => s.path !== this.path) : list;
    if (kind !== this.kind || this.summary === undefined) return others;
    const own = { path: this.path, summary: this.summary };
    const at = others.findIndex((s) => s.path > this.path);
    return at < 0 ? [...others, own] : [...others.slice(0, at), own, ...others.slice(at)];
  }
}

/** A language's summary of a parsed model, or undefined when the language has none or summarizing failed. */
export function summarizeModel(language: Language, model: unknown, path: string, log?: (m: string) => void): unknown {
  if (!language.summarize) return undefined;
  try {
    return language.summarize(model, path);
  } catch (err) {
    log?.(`summarize for ${language.kind} failed on ${path}: ${(err as Error)?.stack ?? err}`);
    return undefined;
  }
}

/** A JSON key independent of property order, to tell whether a summary really changed. */
function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v,
  );
}
