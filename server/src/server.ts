// LSP wiring: capabilities, open documents, settings → the engine. No rule logic lives here.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DocumentDiagnosticReportKind,
  FileChangeType,
  LSPErrorCodes,
  ProposedFeatures,
  ResponseError,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type MessageReader,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, findConfigFile, mergeConfig, parseConfigText, type Config, type ConfigLayer } from './engine/config';
import { findToolConfigs, readToolConfigs } from './engine/tool-config';
import { Engine, type LintResult } from './engine/lint';
import { diskWorkspace } from './engine/workspace';
import type { Kind, WorkspaceReader } from './engine/types';
import { createRegistry } from './languages';
import { FIX_ALL_KIND, minimalEdit, quickFixes } from './lsp/actions';
import { FEATURE_CAPABILITIES, registerFeatures } from './lsp/features';
import { toDiagnostic } from './lsp/convert';
import { cachingStdoutWriter, routeConsoleToClient } from './lsp/encode';
import { settingsLayer, type ShipshapeSettings } from './lsp/settings';
import { IndexService } from './lsp/index-service';
import { recordingWorkspace, ValidationQueue } from './lsp/scheduler';
import { afterLint, betweenBackgroundLints, burstSettled, noteBusy } from './lsp/memory';
import { runDeferred as runDeferredShellcheck, setShellcheckBackground } from './dockerfile/shellcheck';
import { setShellcheckBackground as setRunScriptShellcheckBackground } from './actions/shellcheck';

// Over stdio, outgoing messages use an encoder that re-uses the JSON of unchanged diagnostics (lsp/encode.ts). stdin
// stays a stream (the library then exits when it closes); the typings only offer stream+stream or reader+writer.
const stdio = process.argv.includes('--stdio');
const connection: Connection = stdio
  ? createConnection(ProposedFeatures.all, process.stdin as unknown as MessageReader, cachingStdoutWriter())
  : createConnection(ProposedFeatures.all);
if (stdio) routeConsoleToClient(connection);
const documents = new TextDocuments(TextDocument);
const registry = createRegistry();
const engine = new Engine(registry, (m) => connection.console.error(m));
// Fault injection for the resilience test: the named rule throws, to prove one failing rule costs only its findings.
const faultyRule = process.env.SHIPSHAPE_TEST_FAULTY_RULE;
if (faultyRule) {
  for (const rule of registry.rules) if (rule.id === faultyRule && 'check' in rule) (rule as { check: () => void }).check = () => { throw new Error('injected fault'); };
}

let pullDiagnostics = false;
let configurationRequests = false;
let progressSupport = false;
let folderChangeSupport = false;
let workspaceFolders: string[] = [];

/**
 * Last lint of each open document, keyed by URI, for code actions, hover and re-use of the parse. `generation` is
 * the project index's state it saw (it is stale when a kind it read changed); `touched` the files its rules read;
 * `projectKinds` the kinds of project summaries they read. `result` (findings, parse) is kept for the most recently
 * linted documents only (see `keepParsed`): with 1,000 documents open their findings would dominate memory, and the
 * rest of the entry is enough to tell whether a document is current.
 */
interface LintEntry {
  version: number;
  result: LintResult | undefined;
  configKey: string;
  generation: number;
  touched: string[];
  projectKinds: Kind[] | undefined;
  resultId: string;
}
const results = new Map<string, LintEntry>();
let lintCount = 0;
/** Open documents by path (a path may be open under several URIs): rules and the index read their buffers. */
const openPaths = new Map<string, Set<string>>();
const settingsCache = new Map<string, Promise<ShipshapeSettings>>();
const configFileCache = new Map<string, ConfigLayer>();
const toolFormats = registry.toolConfigFormats();
/** `.shipshape.yaml` and the other tools' config files we honour. */
const CONFIG_FILE_URI = /\/\.(shipshape|hadolint|kube-linter)\.ya?ml$/;
/** Documents whose diagnostics should reflect the saved state only (`shipshape.run: onSave`). */
const savedText = new Map<string, string>();

function uriToPath(uri: string): string {
  try {
    return uri.startsWith('file:') ? fileURLToPath(uri) : decodeURIComponent(uri.replace(/^[a-z-]+:\/\/[^/]*/, ''));
  } catch {
    return uri;
  }
}

function rootFor(file: string): string | undefined {
  return workspaceFolders.filter((f) => file === f || file.startsWith(f + path.sep)).sort((a, b) => b.length - a.length)[0];
}

/**
 * What lints read from disk (config files, `.dockerignore`, the build context, local actions) is remembered for up to
 * {@link DISK_READS_KEPT_MS} and forgotten at once on a file event: while typing, each keystroke's lint would
 * otherwise stat, read and resolve the same files again. Open documents are always read from the editor.
 */
const DISK_READS_KEPT_MS = 2000;
const readersByRoot = new Map<string, { reader: WorkspaceReader; madeAt: number }>();
function workspaceFor(file: string): WorkspaceReader {
  const root = rootFor(file);
  const key = root ?? '';
  const kept = readersByRoot.get(key);
  if (kept && Date.now() - kept.madeAt < DISK_READS_KEPT_MS) return kept.reader;
  const reader = diskWorkspace(root, (abs) => {
    const uris = openPaths.get(abs);
    if (uris) for (const uri of uris) return documents.get(uri)?.getText();
    return undefined;
  }, true, true);
  readersByRoot.set(key, { reader, madeAt: Date.now() });
  return reader;
}

async function settingsFor(uri: string): Promise<ShipshapeSettings> {
  if (!configurationRequests) return globalSettings;
  let p = settingsCache.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'shipshape' })
      .then((s) => (s ?? {}) as ShipshapeSettings, () => ({}));
    settingsCache.set(uri, p);
  }
  return p;
}
let globalSettings: ShipshapeSettings = {};
let workspaceTrusted = true;

/**
 * Defaults ← `.shipshape.yaml` ← editor settings. Trust decides whether external programs (ShellCheck) may run:
 * trusted workspaces allow it by default; untrusted ones forbid it whatever the workspace's own files say.
 */
function effectiveConfig(fileLayers: ConfigLayer[], settings: ShipshapeSettings): Config {
  const trusted: ConfigLayer = { domains: { dockerfile: { trusted: true }, actions: { workspaceTrusted: true } } };
  const untrusted: ConfigLayer = {
    domains: { dockerfile: { trusted: false, shellcheck: false }, actions: { workspaceTrusted: false, shellcheck: false } },
  };
  return workspaceTrusted
    ? mergeConfig(DEFAULT_CONFIG, trusted, ...fileLayers, settingsLayer(settings))
    : mergeConfig(DEFAULT_CONFIG, ...fileLayers, settingsLayer(settings), untrusted);
}

/** Layers from files: other tools' configs (`.hadolint.yaml`...) first, then `.shipshape.yaml`, which wins. */
function configFileLayers(file: string, ws: WorkspaceReader): { layers: ConfigLayer[]; key: string } {
  const layers: ConfigLayer[] = [];
  const sources: string[] = [];
  for (const found of findToolConfigs(file, ws, toolFormats)) {
    let layer = configFileCache.get(found.file);
    if (!layer) configFileCache.set(found.file, (layer = readToolConfigs([found], ws, registry.rules).layer));
    layers.push(layer);
    sources.push(found.file);
  }
  const source = findConfigFile(file, ws);
  if (source) {
    let layer = configFileCache.get(source);
    if (!layer) {
      const text = ws.readText(source) ?? '';
      layer = { ...parseConfigText(text).layer, baseDir: path.dirname(source) };
      configFileCache.set(source, layer);
    }
    layers.push(layer);
    sources.push(source);
  }
  return { layers, key: sources.join('\0') };
}

const projectIndex = new IndexService({
  engine,
  isOpen: (file) => openPaths.has(file),
  onChanged: (kinds, file) => revalidateDependants((entry, uri) => uriToPath(uri) !== file && !!entry.projectKinds?.some((k) => kinds.includes(k))),
  log: (m) => connection.console.error(m),
  progress: async () => {
    if (!progressSupport) return undefined;
    const p = await connection.window.createWorkDoneProgress();
    return { begin: (t, pct, m) => p.begin(t, pct, m), report: (pct, m) => p.report(pct, m), done: () => p.done() };
  },
});

/** Re-validates open documents whose last lint depended on something that changed (in the background). */
function revalidateDependants(depends: (entry: LintEntry, uri: string) => boolean): void {
  let any = false;
  for (const [uri, entry] of results) {
    if (!depends(entry, uri)) continue;
    results.delete(uri);
    any = true;
    if (!pullDiagnostics) queue.schedule(uri, false);
  }
  if (any && pullDiagnostics) scheduleRefresh();
}

/**
 * ShellCheck runs in the background (Dockerfile RUN instructions, workflow `run:` scripts): a first publish does not
 * wait for it, and when its results arrive the open documents of that file are linted again (reusing their parse
 * when kept) and published a second time.
 */
function shellcheckReady(file: string): void {
  let any = false;
  for (const uri of openPaths.get(file) ?? []) {
    const entry = results.get(uri);
    if (!entry) continue;
    entry.configKey = '\0shellcheck-ready'; // not fresh any more; the same text keeps its parse
    any = true;
    if (!pullDiagnostics) queue.schedule(uri, false);
  }
  if (any && pullDiagnostics) scheduleRefresh();
}
setShellcheckBackground(shellcheckReady);
setRunScriptShellcheckBackground(shellcheckReady);

let refreshTimer: ReturnType<typeof setTimeout> | undefined;
function scheduleRefresh(): void {
  if (refreshTimer) return;
  refreshTimer = setTimeout(() => {
    refreshTimer = undefined;
    connection.languages.diagnostics.refresh();
  }, 50);
}

/**
 * Lint results (findings and parse) are kept for the documents being edited and the last few linted only: with 1,000
 * documents open they would dominate memory, and only the documents being edited need them at hand (a publish, a
 * code action or a hover on another document lints it again; its entry still tells whether it is current). Keeping
 * them for every document that merely passes through (opening many, re-validating dependants) costs more than the
 * memory they hold: each lives just long enough to be promoted to the old generation, which then grows with garbage.
 */
const KEEP_EDITED = 16;
const KEEP_RECENT = 4;
/** Documents the user changed, least recently changed first: they keep their results and the engine's reuse state. */
const edited = new Set<string>();
const recentlyLinted = new Set<string>();
function keepParsed(uri: string): void {
  recentlyLinted.delete(uri);
  recentlyLinted.add(uri);
  for (const old of recentlyLinted) {
    if (recentlyLinted.size <= KEEP_RECENT) break;
    recentlyLinted.delete(old);
    if (!edited.has(old)) dropResult(old);
  }
}

function noteEdited(uri: string): void {
  edited.delete(uri);
  edited.add(uri);
  for (const old of edited) {
    if (edited.size <= KEEP_EDITED) break;
    edited.delete(old);
    if (!recentlyLinted.has(old)) dropResult(old);
    engine.forgetFile(uriToPath(old));
  }
}

function dropResult(uri: string): void {
  const entry = results.get(uri);
  if (entry) entry.result = undefined;
}

/** A config file's path (any event on one re-validates every document: `onDidChangeWatchedFiles`). */
const CONFIG_FILE_PATH = /[\\/]\.(shipshape|hadolint|kube-linter)\.ya?ml$/;

/**
 * One string per distinct path across the entries' `touched` lists (each lint builds its own copies). The config
 * files a lint probed are left out: a change to one refreshes everything anyway, and they were most of each list
 * (six names in every folder up to the root: 46 of 48 paths for a document nine folders deep).
 */
const internedPaths = new Map<string, string>();
function internPaths(paths: Iterable<string>): string[] {
  if (internedPaths.size > 20000) internedPaths.clear();
  const out: string[] = [];
  for (const p of paths) {
    if (CONFIG_FILE_PATH.test(p)) continue;
    let kept = internedPaths.get(p);
    if (kept === undefined) internedPaths.set(p, (kept = p));
    out.push(kept);
  }
  return out;
}

/**
 * Project-index updates from open documents' lints are applied together once editing pauses: no document opened or
 * changed for `INDEX_SETTLE_MS` and no lint waiting. Each keystroke in a manifest changes its summary; applying it at
 * once re-validated every open document reading that kind, per keystroke (work proportional to the open documents,
 * issue #7). The edited document itself always sees its own fresh summary (the engine overlays it); the others see
 * it after the pause, in one re-validation pass for the whole batch.
 */
interface PendingIndexUpdate {
  file: string;
  kind: Kind;
  summary: unknown;
  entry: LintEntry;
}
const pendingIndexUpdates = new Map<string, PendingIndexUpdate>();
const INDEX_SETTLE_MS = 200;
let indexTimer: ReturnType<typeof setTimeout> | undefined;

function armIndexTimer(restart: boolean): void {
  if (indexTimer && !restart) return;
  if (indexTimer) clearTimeout(indexTimer);
  indexTimer = setTimeout(() => {
    indexTimer = undefined;
    // Lints still queued (an open burst, re-validations): their updates join this batch.
    if (!queue.idle) armIndexTimer(false);
    else applyIndexUpdates();
  }, INDEX_SETTLE_MS);
}

/** User activity (an open, an edit): the batch waits for the next pause. */
function noteActivity(): void {
  noteBusy();
  if (pendingIndexUpdates.size || indexTimer) armIndexTimer(true);
}

function applyIndexUpdates(): void {
  if (!pendingIndexUpdates.size) return;
  const batch = [...pendingIndexUpdates.entries()];
  pendingIndexUpdates.clear();
  const changed = projectIndex.updateFromDocuments(batch.map(([, u]) => u));
  if (!changed.size) return;
  // A document depends on the batch when a kind it read changed in a file other than its own.
  const dependsOn = (entry: LintEntry, uri: string) => {
    if (!entry.projectKinds?.length) return false;
    const own = uriToPath(uri);
    return entry.projectKinds.some((k) => {
      const files = changed.get(k);
      return !!files && (files.size > 1 || !files.has(own));
    });
  };
  revalidateDependants(dependsOn);
  // The documents that made the updates already saw their own summaries: they stay current.
  for (const [uri, u] of batch) if (results.get(uri) === u.entry) u.entry.generation = projectIndex.index.generation;
}

/** Lints a document (or returns the cached lint of this version); `needModel` when the caller reads the parse. */
async function lintDocument(doc: TextDocument, needModel = false): Promise<LintResult | undefined> {
  const settings = await settingsFor(doc.uri);
  if (settings.enable === false) return undefined;
  const file = uriToPath(doc.uri);
  const { workspace: ws, touched } = recordingWorkspace(workspaceFor(file));
  const fromFile = configFileLayers(file, ws);
  const config: Config = effectiveConfig(fromFile.layers, settings);
  const text = settings.run === 'onSave' ? (savedText.get(doc.uri) ?? doc.getText()) : doc.getText();
  const version = settings.run === 'onSave' ? -1 : doc.version;
  const configKey = `${fromFile.key}|${JSON.stringify(settings)}`;
  const cached = results.get(doc.uri);
  const sameText = cached && cached.version === version && version !== -1;
  const fresh = sameText && cached.configKey === configKey && (!cached.projectKinds?.length || cached.generation === projectIndex.index.generation);
  if (fresh && cached.result && (!needModel || cached.result.parsed || !cached.result.kind)) {
    return cached.result;
  }
  const parsed = sameText ? cached.result?.parsed : undefined;
  try {
    const project = projectIndex.idle ? undefined : projectIndex.index;
    // Findings are reused across versions of the documents being edited (a document linted once has no use for it).
    const result = engine.lint({ path: file, text, languageId: doc.languageId, config, workspace: ws, parsed, project, reuseFindings: edited.has(doc.uri) });
    afterLint();
    const entry: LintEntry = { version, result, configKey, generation: projectIndex.index.generation, touched: internPaths(touched), projectKinds: result.projectKinds, resultId: fresh ? cached.resultId : String(++lintCount) };
    results.set(doc.uri, entry);
    keepParsed(doc.uri);
    // Other files see this document's unsaved state once editing pauses (see `applyIndexUpdates`).
    if (result.kind && version !== -1) {
      pendingIndexUpdates.set(doc.uri, { file, kind: result.kind, summary: result.summary, entry });
      armIndexTimer(false);
    }
    return result;
  } catch (err) {
    // The engine isolates rules; reaching here means a bug in the engine itself. Keep the server alive.
    connection.console.error(`lint failed for ${doc.uri}: ${(err as Error)?.stack ?? err}`);
    return undefined;
  }
}

// --- push mode: one queue, the edited document first, so an edit never waits behind other documents' work ------
/**
 * The lint last published per document (its result id, not its findings: those are not kept for every open
 * document): the same lint of the same version is not sent twice (an open schedules two).
 */
const published = new Map<string, { version: number; resultId: string | undefined }>();
const queue = new ValidationQueue(
  async (uri) => {
    const current = documents.get(uri);
    if (!current) return;
    const version = current.version;
    const result = await lintDocument(current);
    // Stale: the document changed while we were linting; the newer version is queued ahead of everything else.
    if (documents.get(uri)?.version !== version) return;
    const resultId = result ? results.get(uri)?.resultId : undefined;
    const last = published.get(uri);
    if (resultId !== undefined && last?.version === version && last.resultId === resultId) return;
    published.set(uri, { version, resultId });
    // Work a lint left for after its publish (a Dockerfile's first ShellCheck request) starts once it is written.
    void connection.sendDiagnostics({ uri, version, diagnostics: (result?.findings ?? []).map(toDiagnostic) }).then(runDeferredShellcheck, runDeferredShellcheck);
  },
  (err) => connection.console.error(`validation failed: ${(err as Error)?.stack ?? err}`),
  // Bursts of lints (many documents opened at once) collect garbage between lints rather than grow the heap (lsp/memory.ts).
  // Not right before an edit's lint: the user waits for that one.
  { betweenRuns: (next) => void (edited.has(next) || betweenBackgroundLints()), burstOver: burstSettled },
);

function schedulePush(doc: TextDocument): void {
  if (pullDiagnostics) return;
  queue.schedule(doc.uri, true);
}

function refreshAll(): void {
  results.clear();
  if (pullDiagnostics) connection.languages.diagnostics.refresh();
  else for (const doc of documents.all()) schedulePush(doc);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const caps = params.capabilities;
  pullDiagnostics = !!caps.textDocument?.diagnostic;
  configurationRequests = !!caps.workspace?.configuration;
  progressSupport = !!caps.window?.workDoneProgress;
  folderChangeSupport = !!caps.workspace?.workspaceFolders;
  const folders: WorkspaceFolder[] = params.workspaceFolders ?? [];
  workspaceFolders = folders.map((f) => uriToPath(f.uri));
  if (!folders.length && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
  const init = params.initializationOptions as { settings?: ShipshapeSettings; workspaceTrusted?: boolean } | undefined;
  // Clients without a notion of trust (Neovim, Helix) are trusted, like the CLI; VS Code tells us.
  workspaceTrusted = init?.workspaceTrusted !== false;
  if (init?.settings) globalSettings = init.settings;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: !projectIndex.idle, workspaceDiagnostics: false } } : {}),
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.SourceFixAll, FIX_ALL_KIND], resolveProvider: false },
      ...FEATURE_CAPABILITIES,
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'shipshape', version: typeof SHIPSHAPE_VERSION === 'string' ? SHIPSHAPE_VERSION : '0.0.0-dev' },
  };
});
declare const SHIPSHAPE_VERSION: string | undefined;

connection.onInitialized(() => {
  if (configurationRequests) void connection.client.register({ method: 'workspace/didChangeConfiguration' } as never).catch(() => undefined);
  if (folderChangeSupport) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      for (const removed of e.removed) projectIndex.forgetFolder(uriToPath(removed.uri));
      const removedPaths = new Set(e.removed.map((f) => uriToPath(f.uri)));
      workspaceFolders = [...workspaceFolders.filter((f) => !removedPaths.has(f)), ...e.added.map((f) => uriToPath(f.uri))];
      readersByRoot.clear();
      void projectIndex.indexFolders(workspaceFolders);
    });
  }
  // In the background: open documents are linted meanwhile against what the index holds so far.
  void projectIndex.indexFolders(workspaceFolders).catch((err) => connection.console.error(`indexing failed: ${(err as Error)?.stack ?? err}`));
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  const s = (change.settings as { shipshape?: ShipshapeSettings } | undefined)?.shipshape;
  if (s) globalSettings = s;
  refreshAll();
});

connection.onDidChangeWatchedFiles((params) => {
  readersByRoot.clear();
  // A config file changed (the client watches them): drop cached configs and re-validate.
  if (params.changes.some((c) => CONFIG_FILE_URI.test(c.uri))) {
    configFileCache.clear();
    refreshAll();
    return;
  }
  const events = params.changes.map((c) => ({ file: uriToPath(c.uri), deleted: c.type === FileChangeType.Deleted }));
  projectIndex.applyFileEvents(events);
  // Files rules read directly (`.dockerignore`, a local action): re-validate the documents that read them.
  const changed = new Set(events.flatMap((e) => [e.file, path.dirname(e.file)]));
  revalidateDependants((entry) => entry.touched.some((t) => changed.has(t)));
});

const cancelled = () => new ResponseError(LSPErrorCodes.ServerCancelled, 'Cancelled: the diagnostics will be computed for the current version of the document.', { retriggerRequest: true });

connection.languages.diagnostics.on(async (params, token) => {
  // Yield first: a newer edit or a cancellation already in the pipe is read before we spend time on this one.
  await new Promise<void>((resolve) => setImmediate(resolve));
  if (token.isCancellationRequested) throw cancelled();
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const result = await lintDocument(doc);
  if (token.isCancellationRequested) throw cancelled();
  const entry = results.get(doc.uri);
  const resultId = entry && entry.result === result ? entry.resultId : undefined;
  if (resultId && params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: (result?.findings ?? []).map(toDiagnostic) };
});

documents.onDidOpen((e) => {
  const file = uriToPath(e.document.uri);
  openPaths.set(file, (openPaths.get(file) ?? new Set()).add(e.document.uri));
  savedText.set(e.document.uri, e.document.getText());
  noteActivity();
  schedulePush(e.document);
});
documents.onDidChangeContent(async (e) => {
  noteActivity();
  noteEdited(e.document.uri);
  if ((await settingsFor(e.document.uri)).run === 'onSave') return;
  schedulePush(e.document);
});
documents.onDidSave((e) => {
  savedText.set(e.document.uri, e.document.getText());
  if (CONFIG_FILE_URI.test(e.document.uri)) {
    configFileCache.clear();
    refreshAll();
  } else schedulePush(e.document);
});
documents.onDidClose((e) => {
  results.delete(e.document.uri);
  recentlyLinted.delete(e.document.uri);
  edited.delete(e.document.uri);
  savedText.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  queue.cancel(e.document.uri);
  const file = uriToPath(e.document.uri);
  openPaths.get(file)?.delete(e.document.uri);
  if (!openPaths.get(file)?.size) openPaths.delete(file);
  pendingIndexUpdates.delete(e.document.uri);
  published.delete(e.document.uri);
  if (!openPaths.has(file)) engine.forgetFile(file);
  projectIndex.documentClosed(file);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params): Promise<CodeAction[]> => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const result = await lintDocument(doc, true);
  if (!result?.kind) return [];
  const only = params.context.only;
  const wantsFixAll = only?.some((k) => FIX_ALL_KIND.startsWith(k) && k.startsWith(CodeActionKind.SourceFixAll)) ?? false;
  const out: CodeAction[] = [];
  const language = registry.languages.get(result.kind);
  if (!only || only.some((k) => k === CodeActionKind.QuickFix || k === CodeActionKind.Empty)) {
    out.push(...quickFixes(doc.uri, result, language, result.parsed?.model, params.context.diagnostics));
  }
  if (wantsFixAll || !only) {
    const settings = await settingsFor(doc.uri);
    const file = uriToPath(doc.uri);
    const ws = workspaceFor(file);
    const config = effectiveConfig(configFileLayers(file, ws).layers, settings);
    const fixed = engine.fixAll({ path: file, text: doc.getText(), languageId: doc.languageId, config, workspace: ws });
    if (fixed.applied > 0 && fixed.text !== doc.getText()) {
      out.push({
        title: 'Fix all safe Shipshape problems',
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: [minimalEdit(doc.getText(), fixed.text, (o) => doc.positionAt(o))] } },
      });
    }
  }
  return out;
});

registerFeatures({
  connection,
  documents,
  registry,
  engine,
  uriToPath,
  workspaceFor,
  workspaceFolders: () => workspaceFolders,
  lint: lintDocument,
  currentResult: (uri, version) => {
    const cached = results.get(uri);
    return cached && cached.version === version ? cached.result : undefined;
  },
  async configFor(uri, file) {
    const settings = await settingsFor(uri);
    if (settings.enable === false) return undefined;
    return effectiveConfig(configFileLayers(file, workspaceFor(file)).layers, settings);
  },
});

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${(err as Error)?.stack ?? err}`));

documents.listen(connection);
connection.listen();
