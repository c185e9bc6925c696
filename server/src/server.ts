// LSP wiring: capabilities, open documents, settings → the engine. No rule logic lives here.
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionKind,
  createConnection,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type CodeAction,
  type Connection,
  type InitializeParams,
  type InitializeResult,
  type WorkspaceFolder,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DEFAULT_CONFIG, findConfigFile, mergeConfig, parseConfigText, type Config, type ConfigLayer } from './engine/config';
import { Engine, type LintResult } from './engine/lint';
import { diskWorkspace } from './engine/workspace';
import type { WorkspaceReader } from './engine/types';
import { createRegistry } from './languages';
import { FIX_ALL_KIND, minimalEdit, quickFixes } from './lsp/actions';
import { FEATURE_CAPABILITIES, registerFeatures } from './lsp/features';
import { toDiagnostic } from './lsp/convert';
import { settingsLayer, type ShipshapeSettings } from './lsp/settings';

const connection: Connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const registry = createRegistry();
const engine = new Engine(registry, (m) => connection.console.error(m));

let pullDiagnostics = false;
let configurationRequests = false;
let workspaceFolders: string[] = [];

/** Last lint of each open document, keyed by URI, for code actions, hover and re-use of the parse. */
const results = new Map<string, { version: number; result: LintResult; configKey: string }>();
const settingsCache = new Map<string, Promise<ShipshapeSettings>>();
const configFileCache = new Map<string, ConfigLayer>();
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

function workspaceFor(file: string): WorkspaceReader {
  return diskWorkspace(rootFor(file), (abs) => {
    for (const doc of documents.all()) if (uriToPath(doc.uri) === abs) return doc.getText();
    return undefined;
  });
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

function configFileLayer(file: string, ws: WorkspaceReader): { layer?: ConfigLayer; key: string } {
  const source = findConfigFile(file, ws);
  if (!source) return { key: '' };
  let layer = configFileCache.get(source);
  if (!layer) {
    const text = ws.readText(source) ?? '';
    layer = { ...parseConfigText(text).layer, baseDir: path.dirname(source) };
    configFileCache.set(source, layer);
  }
  return { layer, key: source };
}

async function lintDocument(doc: TextDocument): Promise<LintResult | undefined> {
  const settings = await settingsFor(doc.uri);
  if (settings.enable === false) return undefined;
  const file = uriToPath(doc.uri);
  const ws = workspaceFor(file);
  const fromFile = configFileLayer(file, ws);
  const config: Config = mergeConfig(DEFAULT_CONFIG, fromFile.layer, settingsLayer(settings));
  const text = settings.run === 'onSave' ? (savedText.get(doc.uri) ?? doc.getText()) : doc.getText();
  const version = settings.run === 'onSave' ? -1 : doc.version;
  const configKey = `${fromFile.key}|${JSON.stringify(settings)}`;
  const cached = results.get(doc.uri);
  if (cached && cached.version === version && version !== -1 && cached.configKey === configKey) return cached.result;
  const parsed = cached && cached.version === version && version !== -1 ? cached.result.parsed : undefined;
  try {
    const result = engine.lint({ path: file, text, languageId: doc.languageId, config, workspace: ws, parsed });
    results.set(doc.uri, { version, result, configKey });
    return result;
  } catch (err) {
    // The engine isolates rules; reaching here means a bug in the engine itself. Keep the server alive.
    connection.console.error(`lint failed for ${doc.uri}: ${(err as Error)?.stack ?? err}`);
    return undefined;
  }
}

// --- push mode: validate on a per-document queue so a newer version supersedes pending work -------------------
const pending = new Map<string, ReturnType<typeof setTimeout>>();

function schedulePush(doc: TextDocument): void {
  if (pullDiagnostics) return;
  const existing = pending.get(doc.uri);
  if (existing) clearTimeout(existing);
  pending.set(
    doc.uri,
    setTimeout(async () => {
      pending.delete(doc.uri);
      const current = documents.get(doc.uri);
      if (!current) return;
      const version = current.version;
      const result = await lintDocument(current);
      // Stale: the document changed while we were linting; the newer version has its own run queued.
      if (documents.get(doc.uri)?.version !== version) return;
      void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics: (result?.findings ?? []).map(toDiagnostic) });
    }, 0),
  );
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
  const folders: WorkspaceFolder[] = params.workspaceFolders ?? [];
  workspaceFolders = folders.map((f) => uriToPath(f.uri));
  if (!folders.length && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)];
  const init = params.initializationOptions as { settings?: ShipshapeSettings } | undefined;
  if (init?.settings) globalSettings = init.settings;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pullDiagnostics ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
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
});

connection.onDidChangeConfiguration((change) => {
  settingsCache.clear();
  const s = (change.settings as { shipshape?: ShipshapeSettings } | undefined)?.shipshape;
  if (s) globalSettings = s;
  refreshAll();
});

connection.onDidChangeWatchedFiles((params) => {
  // `.shipshape.yaml` changed (the client watches it): drop cached configs and re-validate.
  if (params.changes.some((c) => /\.shipshape\.ya?ml$/.test(c.uri))) {
    configFileCache.clear();
    refreshAll();
  }
});

connection.languages.diagnostics.on(async (params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const result = await lintDocument(doc);
  return { kind: DocumentDiagnosticReportKind.Full, items: (result?.findings ?? []).map(toDiagnostic) };
});

documents.onDidOpen((e) => {
  savedText.set(e.document.uri, e.document.getText());
  schedulePush(e.document);
});
documents.onDidChangeContent(async (e) => {
  if ((await settingsFor(e.document.uri)).run === 'onSave') return;
  schedulePush(e.document);
});
documents.onDidSave((e) => {
  savedText.set(e.document.uri, e.document.getText());
  if (/\.shipshape\.ya?ml$/.test(e.document.uri)) {
    configFileCache.clear();
    refreshAll();
  } else schedulePush(e.document);
});
documents.onDidClose((e) => {
  results.delete(e.document.uri);
  savedText.delete(e.document.uri);
  settingsCache.delete(e.document.uri);
  const timer = pending.get(e.document.uri);
  if (timer) clearTimeout(timer);
  pending.delete(e.document.uri);
  if (!pullDiagnostics) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.onCodeAction(async (params): Promise<CodeAction[]> => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return [];
  const result = await lintDocument(doc);
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
    const config = mergeConfig(DEFAULT_CONFIG, configFileLayer(file, ws).layer, settingsLayer(settings));
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
    return mergeConfig(DEFAULT_CONFIG, configFileLayer(file, workspaceFor(file)).layer, settingsLayer(settings));
  },
});

process.on('uncaughtException', (err) => connection.console.error(`uncaught: ${err?.stack ?? err}`));
process.on('unhandledRejection', (err) => connection.console.error(`unhandled rejection: ${(err as Error)?.stack ?? err}`));

documents.listen(connection);
connection.listen();
