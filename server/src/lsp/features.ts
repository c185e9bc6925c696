// Editor features beyond diagnostics: hover (language docs + rule docs of the findings under the cursor),
// completion, document symbols, and the custom requests behind the client's commands (lint workspace, rule list).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import picomatch from 'picomatch';
import {
  CompletionItemKind,
  InsertTextFormat,
  MarkupKind,
  SymbolKind,
  type CancellationToken,
  type CompletionItem,
  type Connection,
  type DocumentSymbol,
  type Hover,
  type ServerCapabilities,
  type TextDocuments,
} from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { collectFiles } from '../cli/walk';
import { domainOf, type Config } from '../engine/config';
import { detectKind } from '../engine/detect';
import type { Engine, LintResult } from '../engine/lint';
import { docsUrl, type Registry } from '../engine/registry';
import { comparePositions } from '../engine/text';
import type { CompletionEntryKind, Finding, Kind, Language, LanguageFeatureContext, SymbolEntry, SymbolEntryKind, WorkspaceReader } from '../engine/types';
import { toDiagnostic } from './convert';
import { LINT_PROGRESS_NOTIFICATION, LINT_WORKSPACE_REQUEST, RULES_REQUEST, type LintProgress, type LintWorkspaceResult, type RuleListEntry } from './protocol';

export const COMPLETION_TRIGGERS = [':', ' ', '.', '-', '=', '$', '{', ','];

export const FEATURE_CAPABILITIES: ServerCapabilities = {
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  documentSymbolProvider: true,
  hoverProvider: true,
};

/** What the server shares with the feature handlers. */
export interface FeatureHost {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  registry: Registry;
  engine: Engine;
  uriToPath(uri: string): string;
  workspaceFor(file: string): WorkspaceReader;
  configFor(uri: string, file: string): Promise<Config | undefined>;
  workspaceFolders(): string[];
  /** The latest lint of a document when it matches its current version; otherwise undefined (never lints). */
  currentResult(uri: string, version: number): LintResult | undefined;
  lint(doc: TextDocument): Promise<LintResult | undefined>;
}

const COMPLETION_KIND: Record<CompletionEntryKind, CompletionItemKind> = {
  property: CompletionItemKind.Property,
  value: CompletionItemKind.Value,
  keyword: CompletionItemKind.Keyword,
  snippet: CompletionItemKind.Snippet,
  function: CompletionItemKind.Function,
  variable: CompletionItemKind.Variable,
  module: CompletionItemKind.Module,
  event: CompletionItemKind.Event,
  enum: CompletionItemKind.EnumMember,
  reference: CompletionItemKind.Reference,
};

const SYMBOL_KIND: Record<SymbolEntryKind, SymbolKind> = {
  object: SymbolKind.Object,
  class: SymbolKind.Class,
  function: SymbolKind.Function,
  field: SymbolKind.Field,
  module: SymbolKind.Module,
  event: SymbolKind.Event,
  namespace: SymbolKind.Namespace,
  property: SymbolKind.Property,
  array: SymbolKind.Array,
};

function toSymbol(s: SymbolEntry): DocumentSymbol {
  return {
    name: s.name || '(unnamed)',
    detail: s.detail,
    kind: SYMBOL_KIND[s.kind] ?? SymbolKind.Object,
    range: s.range,
    selectionRange: s.selectionRange,
    children: s.children?.map(toSymbol),
  };
}

/** Rule documentation for the findings under the cursor (first paragraph of the docs and a link). */
export function ruleHover(registry: Registry, findings: Finding[]): string[] {
  return findings.map((f) => {
    const meta = registry.rule(f.ruleId);
    const aliases = f.aliases.length ? ` (${f.aliases.join(', ')})` : '';
    const firstParagraph = meta?.docs.split(/\n\s*\n/)[0] ?? '';
    return `**${f.ruleId}**${aliases} — ${meta?.description ?? ''}\n\n${firstParagraph}\n\n[Rule documentation](${f.docsUrl})`;
  });
}

export function registerFeatures(host: FeatureHost): void {
  const { connection, documents, registry } = host;

  /** The document's kind, language and model — from the latest lint when current, else one parse (no rules). */
  async function analysis(uri: string): Promise<{ doc: TextDocument; language: Language; model: unknown; ctx: LanguageFeatureContext; result?: LintResult } | undefined> {
    const doc = documents.get(uri);
    if (!doc) return undefined;
    const file = host.uriToPath(uri);
    const text = doc.getText();
    const result = host.currentResult(uri, doc.version);
    const kind: Kind | undefined = result ? result.kind : detectKind(file, text, doc.languageId);
    const language = kind ? registry.languages.get(kind) : undefined;
    if (!language) return undefined;
    let model = result?.parsed?.model;
    if (model === undefined) {
      try {
        model = language.parse(text, file).model;
      } catch {
        return undefined;
      }
    }
    const config = await host.configFor(uri, file);
    const ctx: LanguageFeatureContext = { text, path: file, options: config?.domains[domainOf(language.kind)] ?? {}, workspace: host.workspaceFor(file) };
    return { doc, language, model, ctx, result };
  }

  connection.onHover(async (params): Promise<Hover | null> => {
    const a = await analysis(params.textDocument.uri);
    const doc = a?.doc ?? documents.get(params.textDocument.uri);
    if (!doc) return null;
    const p = params.position;
    const parts: string[] = [];
    let range;
    if (a?.language.hover) {
      try {
        const info = a.language.hover(a.model, p, a.ctx);
        if (info) {
          parts.push(info.contents);
          range = info.range;
        }
      } catch (err) {
        connection.console.error(`hover failed: ${(err as Error)?.stack ?? err}`);
      }
    }
    // Rule docs need the findings; lint only if the cached result is stale (hover is not on the typing path).
    const result = a?.result ?? (await host.lint(doc));
    const hits = (result?.findings ?? []).filter((f) => comparePositions(f.range.start, p) <= 0 && comparePositions(p, f.range.end) <= 0);
    parts.push(...ruleHover(registry, hits));
    if (!parts.length) return null;
    return { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') }, ...(range && !hits.length ? { range } : {}) };
  });

  connection.onCompletion(async (params): Promise<CompletionItem[]> => {
    const a = await analysis(params.textDocument.uri);
    if (!a?.language.complete) return [];
    let entries;
    try {
      entries = a.language.complete(a.model, params.position, a.ctx);
    } catch (err) {
      connection.console.error(`completion failed: ${(err as Error)?.stack ?? err}`);
      return [];
    }
    return entries.map((e) => {
      const insert = e.insertText ?? e.label;
      return {
        label: e.label,
        kind: COMPLETION_KIND[e.kind] ?? CompletionItemKind.Text,
        detail: e.detail,
        documentation: e.documentation ? { kind: MarkupKind.Markdown, value: e.documentation } : undefined,
        insertTextFormat: e.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
        ...(e.range ? { textEdit: { range: e.range, newText: insert } } : { insertText: insert }),
        sortText: e.sortText,
        filterText: e.filterText,
      };
    });
  });

  connection.onDocumentSymbol(async (params): Promise<DocumentSymbol[]> => {
    const a = await analysis(params.textDocument.uri);
    if (!a?.language.symbols) return [];
    try {
      return a.language.symbols(a.model).map(toSymbol);
    } catch (err) {
      connection.console.error(`symbols failed: ${(err as Error)?.stack ?? err}`);
      return [];
    }
  });

  connection.onRequest(RULES_REQUEST, (): RuleListEntry[] =>
    registry.rules.map((r) => ({
      id: r.id,
      aliases: r.aliases,
      kind: registry.kindOf(r.id) ?? 'engine',
      severity: r.severity,
      profile: r.profile,
      description: r.description,
      docs: r.docs,
      url: docsUrl(r.id),
    })),
  );

  // Files published by "Lint Workspace": an open document's own (pull or push) diagnostics replace them.
  const publishedByWorkspaceLint = new Set<string>();
  documents.onDidOpen((e) => {
    if (publishedByWorkspaceLint.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  });

  connection.onRequest(LINT_WORKSPACE_REQUEST, async (_params: unknown, token: CancellationToken): Promise<LintWorkspaceResult> => {
    const out: LintWorkspaceResult = { files: 0, findings: 0, errors: 0, warnings: 0, cancelled: false };
    const open = new Set(documents.all().map((d) => host.uriToPath(d.uri)));
    const candidates: string[] = [];
    for (const folder of host.workspaceFolders()) {
      try {
        for (const f of collectFiles([folder])) if (detectKind(f.file, '') !== undefined || /\.ya?ml$/i.test(f.file)) candidates.push(f.file);
      } catch {
        // A folder that vanished: nothing to lint there.
      }
    }
    const ignoreCache = new Map<string, (p: string) => boolean>();
    for (let i = 0; i < candidates.length; i++) {
      if (token.isCancellationRequested) {
        out.cancelled = true;
        break;
      }
      const file = candidates[i];
      void connection.sendNotification(LINT_PROGRESS_NOTIFICATION, { done: i, total: candidates.length, file } satisfies LintProgress);
      // Yield so cancellation and other requests (typing in an open file) are served between files.
      await new Promise((resolve) => setImmediate(resolve));
      if (open.has(file)) continue;
      const uri = pathToFileURL(file).href;
      const config = await host.configFor(uri, file);
      if (!config) continue;
      const base = config.baseDir ?? path.dirname(file);
      const key = `${base}|${config.ignore.join('\n')}`;
      let ignored = ignoreCache.get(key);
      if (!ignored) {
        const matcher = config.ignore.length ? picomatch(config.ignore, { dot: true }) : () => false;
        ignored = (p: string) => matcher(path.relative(base, p).split(path.sep).join('/'));
        ignoreCache.set(key, ignored);
      }
      if (ignored(file)) continue;
      let text: string;
      try {
        if (fs.statSync(file).size > config.maxFileSizeKb * 1024 * 4) continue;
        text = fs.readFileSync(file, 'utf8');
      } catch {
        continue;
      }
      if (!detectKind(file, text)) continue;
      const result = host.engine.lint({ path: file, text, config, workspace: host.workspaceFor(file) });
      out.files++;
      out.findings += result.findings.length;
      out.errors += result.findings.filter((f) => f.severity === 'error').length;
      out.warnings += result.findings.filter((f) => f.severity === 'warning').length;
      publishedByWorkspaceLint.add(uri);
      void connection.sendDiagnostics({ uri, diagnostics: result.findings.map(toDiagnostic) });
    }
    void connection.sendNotification(LINT_PROGRESS_NOTIFICATION, { done: candidates.length, total: candidates.length });
    return out;
  });
}
