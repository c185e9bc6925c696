// The server's project index: workspace folders are indexed in the background (in small time slices, with
// `window/workDoneProgress`), then kept current from file-watch events and from open documents' edits. Open
// documents are never blocked by it: they are linted against whatever the index holds at that moment, and are
// re-validated when a kind they read changes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { collectFilesAsync } from '../cli/walk';
import { detectKind } from '../engine/detect';
import type { Engine } from '../engine/lint';
import { MemoryProjectIndex } from '../engine/project';
import type { Kind } from '../engine/types';

export interface IndexProgress {
  begin(title: string, percentage: number, message: string): void;
  report(percentage: number, message: string): void;
  done(): void;
}

export interface IndexServiceOptions {
  engine: Engine;
  /** Open documents are indexed from their buffers, not from disk. */
  isOpen(file: string): boolean;
  /** Called with the kinds whose summaries changed, and the file that changed them. */
  onChanged(kinds: Kind[], file: string): void;
  log(message: string): void;
  progress?: () => Promise<IndexProgress | undefined>;
  /** Files larger than this are not indexed (the same limit as linting). */
  maxFileBytes?: number;
}

/** Names worth reading at all: YAML files and Dockerfiles (detection by content is only needed for YAML). */
const CANDIDATE = /(?:\.ya?ml|(?:^|[./])(?:dockerfile|containerfile)(?:\.[^/]*)?)$/i;
/** Work per slice before yielding to the event loop, so edits and diagnostics are never held up for long. */
const SLICE_MS = 8;
/**
 * The crawl starts this long after it is asked to: the documents the client opens right after `initialized` are in
 * the pipe already, and a workspace file that is open is indexed from its buffer by its own lint. Started at once,
 * the crawl read and parsed such a file from disk (a 5,000-line manifest: a whole parse) while its open waited.
 * (It does not wait for a burst of opens to end: a crawl finishing after them re-validates every open document
 * that reads the index, a second lint of each.)
 */
const START_DELAY_MS = 20;

export class IndexService {
  readonly index = new MemoryProjectIndex();
  private generationOfCrawl = 0;
  private readonly summarizedKinds: Set<Kind>;

  constructor(private readonly opts: IndexServiceOptions) {
    this.summarizedKinds = new Set([...opts.engine.registry.languages.values()].filter((l) => l.summarize).map((l) => l.kind));
  }

  /** True when no language summarizes: then nothing needs indexing at all. */
  get idle(): boolean {
    return this.summarizedKinds.size === 0;
  }

  /** Indexes the folders in the background; a later call supersedes an unfinished one. Resolves when done. */
  async indexFolders(folders: string[]): Promise<void> {
    if (this.idle || !folders.length) return;
    const crawl = ++this.generationOfCrawl;
    const progress = await this.opts.progress?.().catch(() => undefined);
    progress?.begin('Shipshape: indexing workspace', 0, 'listing files');
    try {
      const files: string[] = [];
      for (const folder of folders) {
        try {
          for (const f of await collectFilesAsync(folder)) if (CANDIDATE.test(path.basename(f))) files.push(f);
        } catch (err) {
          this.opts.log(`cannot index ${folder}: ${(err as Error).message}`);
        }
        if (crawl !== this.generationOfCrawl) return;
      }
      files.sort();
      const changed = new Set<Kind>();
      await pause(START_DELAY_MS);
      let sliceStart = Date.now();
      for (let i = 0; i < files.length; i++) {
        if (crawl !== this.generationOfCrawl) return; // superseded by a newer crawl
        if (!this.opts.isOpen(files[i])) for (const k of this.indexFromDisk(files[i])) changed.add(k);
        if (Date.now() - sliceStart >= SLICE_MS) {
          progress?.report(Math.round(((i + 1) / files.length) * 100), `${i + 1}/${files.length} files`);
          await yieldToEventLoop();
          sliceStart = Date.now();
        }
      }
      if (changed.size) this.opts.onChanged([...changed], '');
    } finally {
      progress?.done();
    }
  }

  /** Applies `workspace/didChangeWatchedFiles` events (type 3 = deleted). Open documents keep their buffer's summary. */
  applyFileEvents(events: Array<{ file: string; deleted: boolean }>): void {
    for (const e of events) {
      if (this.opts.isOpen(e.file)) continue;
      const kinds = e.deleted ? this.index.delete(e.file) : this.indexFromDisk(e.file);
      if (kinds.length) this.opts.onChanged(kinds, e.file);
    }
  }

  /** Records an open document's fresh summary (from its lint), so other files see its unsaved state. */
  updateFromDocument(file: string, kind: Kind | undefined, summary: unknown): void {
    if (this.idle) return;
    const kinds = kind && summary !== undefined ? this.index.set(file, kind, summary) : this.index.delete(file);
    if (kinds.length) this.opts.onChanged(kinds, file);
  }

  /**
   * Records many open documents' summaries at once and returns, per kind that changed, the files that changed it;
   * the caller re-validates dependants once for the whole batch (`onChanged` is not called).
   */
  updateFromDocuments(updates: Iterable<{ file: string; kind: Kind | undefined; summary: unknown }>): Map<Kind, Set<string>> {
    const changed = new Map<Kind, Set<string>>();
    if (this.idle) return changed;
    for (const u of updates) {
      const kinds = u.kind && u.summary !== undefined ? this.index.set(u.file, u.kind, u.summary) : this.index.delete(u.file);
      for (const k of kinds) {
        let files = changed.get(k);
        if (!files) changed.set(k, (files = new Set()));
        files.add(u.file);
      }
    }
    return changed;
  }

  /** A document was closed: the file on disk is the truth again (or it is gone). */
  documentClosed(file: string): void {
    if (this.idle) return;
    const kinds = fs.existsSync(file) ? this.indexFromDisk(file) : this.index.delete(file);
    if (kinds.length) this.opts.onChanged(kinds, file);
  }

  forgetFolder(folder: string): void {
    const kinds = this.index.deleteUnder(folder, path.sep);
    if (kinds.length) this.opts.onChanged(kinds, folder);
  }

  private indexFromDisk(file: string): Kind[] {
    let text: string;
    try {
      const stat = fs.statSync(file);
      if (!stat.isFile() || stat.size > (this.opts.maxFileBytes ?? 2048 * 1024)) return this.index.delete(file);
      text = fs.readFileSync(file, 'utf8');
    } catch {
      return this.index.delete(file);
    }
    const kind = detectKind(file, text);
    if (!kind || !this.summarizedKinds.has(kind)) return this.index.delete(file);
    return this.index.set(file, kind, this.opts.engine.prepare({ path: file, text, kind, workspace: NO_WORKSPACE }).summary);
  }
}

/** Summaries are built from the file alone; they never read other files. */
const NO_WORKSPACE = { readText: () => undefined, exists: () => false, list: () => [] };

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}
