// The engine's vocabulary: what a rule declares, what it reports, and how fixes are expressed.
// Positions follow LSP: 0-based lines, UTF-16 code-unit columns (a JS string index).

import type { ToolConfigFormat } from './tool-config';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type SeverityOrOff = Severity | 'off';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

/** The kinds of file Shipshape lints. `config` is our own `.shipshape.yaml`. */
export type Kind = 'dockerfile' | 'kubernetes' | 'workflow' | 'action' | 'config';
export const LINTED_KINDS: readonly Kind[] = ['dockerfile', 'kubernetes', 'workflow', 'action'];

/** Profiles nest: recommended ⊂ strict ⊂ all. A rule names the smallest profile it belongs to. */
export type Profile = 'recommended' | 'strict' | 'all';
export const PROFILES: readonly Profile[] = ['recommended', 'strict', 'all'];

export type Category = 'security' | 'reliability' | 'efficiency' | 'correctness' | 'style';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface TextEdit {
  range: Range;
  newText: string;
}

export interface Fix {
  /** Shown in the editor's quick-fix menu, e.g. "Convert CMD to JSON form". */
  title: string;
  edits: TextEdit[];
  /** Safe fixes are applied by `--fix` and fix-all. Defaults to true. */
  safe?: boolean;
}

export type DiagnosticTag = 'unnecessary' | 'deprecated';

/** What a rule reports. */
export interface Report {
  range: Range;
  message: string;
  fix?: Fix | Fix[];
  /** Overrides the configured severity for this one finding (rarely needed). */
  severity?: Severity;
  /**
   * The subset of the rule's aliases this finding stands for, when a rule covers several anchor codes
   * (e.g. a duplicate CMD is `DL4003` + `MultipleInstructionsDisallowed`, a duplicate ENTRYPOINT `DL4004` + ...).
   * Defaults to all of the rule's aliases.
   */
  aliases?: string[];
  tags?: DiagnosticTag[];
}

/** A report after the engine has resolved severity and rule identity. */
export interface Finding {
  ruleId: string;
  aliases: string[];
  severity: Severity;
  message: string;
  range: Range;
  fixes: Fix[];
  tags: DiagnosticTag[];
  docsUrl: string;
}

export interface RuleMeta {
  /** Stable kebab-case id with a kind prefix, e.g. `dockerfile/no-latest-tag`. */
  id: string;
  /** Codes the anchor tools use: `DL3007`, `JSONArgsRecommended`, `kube-linter/latest-tag`, `zizmor/unpinned-uses`. */
  aliases: string[];
  severity: Severity;
  /** Smallest profile the rule is on in. Opt-in rules say `all`. */
  profile: Profile;
  category: Category;
  /** One line, shown in the rule table and on hover. */
  description: string;
  /** Markdown: why it matters, what to do, examples. Becomes `docs/rules/<id>.md`. */
  docs: string;
  fixable?: boolean;
  tags?: DiagnosticTag[];
}

/** Read-only access to files around the linted one (for `.dockerignore`, local actions, CRDs...). */
export interface WorkspaceReader {
  /** Text of a file, or undefined if it does not exist or cannot be read. Paths are absolute. */
  readText(absPath: string): string | undefined;
  exists(absPath: string): boolean;
  /** Files directly inside a folder (names only), or [] when it is not a folder. */
  list(absDir: string): string[];
  /** The workspace root when known: reads outside it are refused. */
  root?: string;
}

/**
 * Cross-file knowledge: a small summary of every workspace file of a kind (Kubernetes objects, workflows...),
 * produced by `Language.summarize` and kept up to date by the server (file watching) and the CLI (a first pass).
 */
export interface ProjectIndex {
  /** Summaries of every indexed file of a kind, the linted file's own included (from its current text). */
  summaries(kind: Kind): ReadonlyArray<{ path: string; summary: unknown }>;
}

export interface RuleContext<M> {
  readonly model: M;
  readonly text: string;
  /** Absolute path (or the URI's path for unsaved documents). */
  readonly path: string;
  /** Options of the rule's domain from settings / `.shipshape.yaml` (e.g. `dockerfile.trustedRegistries`). */
  readonly options: Record<string, unknown>;
  readonly workspace: WorkspaceReader;
  /** The active profile and `--rules all`: a few rules widen what they check with them (e.g. Pod Security level). */
  readonly profile: Profile;
  readonly allRules: boolean;
  /** Undefined when no index is available (single-file runs): cross-file rules then stay silent. */
  readonly project?: ProjectIndex;
  report(report: Report): void;
}

export interface Rule<M = unknown> extends RuleMeta {
  check(ctx: RuleContext<M>): void;
}

/** A parsed document plus the diagnostics its parser produced (syntax errors). */
export interface Parsed<M> {
  model: M;
  /** Parse problems: reported under rule `<kind>/syntax` unless the language names another rule id. */
  problems: Array<Report & { ruleId?: string }>;
}

/** Lines on which named rules are suppressed; `rules` holds ids or aliases, `*` for all. */
export interface Suppression {
  rules: string[];
  /** Inclusive 0-based line span; undefined = whole file. */
  fromLine?: number;
  toLine?: number;
}

/** An independent unit of a file (a `---` document), for reusing findings across versions (engine/reuse.ts). */
export interface Part {
  /** Its text: a part whose text is unchanged has the same part-local findings, shifted. */
  key: string;
  start: number;
  end: number;
  /** False: its findings may depend on other parts (they are recomputed every time). */
  reusable?: boolean;
}

/** Everything a file kind contributes: a parser, its rules, its pragmas. */
export interface Language<M = unknown> {
  kind: Kind;
  parse(text: string, path: string): Parsed<M>;
  rules: Rule<M>[];
  /** Kind-specific pragmas (hadolint, BuildKit `check=`, kube-linter annotations...). Our own comments are generic. */
  suppressions?(model: M, text: string): Suppression[];
  /** Rule ids the file itself promotes to error (BuildKit `# check=error=true`). */
  severityOverrides?(model: M, text: string): Map<string, Severity> | undefined;
  /**
   * Rule ids the file itself switches on whatever the profile (BuildKit `# check=experimental=...`).
   * A rule the configuration explicitly turns off stays off.
   */
  fileEnabledRules?(model: M, text: string): string[];
  /**
   * Last line of the unit that starts at `line` (an instruction with its continuations, a YAML key with its
   * value). A `# shipshape-ignore` comment above a unit covers all of it. Default: by indentation.
   */
  unitEnd?(model: M, line: number): number;
  /** Where "Ignore on this line" inserts its comment for a finding on `line` (e.g. above a `run: |` key). */
  ignoreCommentLine?(model: M, line: number): number;
  /** Where "Ignore in this file" inserts its comment (after Dockerfile parser directives). Default 0. */
  fileIgnoreCommentLine?(model: M, text: string): number;
  /** Finding reuse (engine/reuse.ts): the file's independent parts, or undefined when it cannot be split. */
  parts?(model: M, path: string): Part[] | undefined;
  /** Rules whose findings depend only on one part's text (and on `partContext`). */
  partLocalRules?: ReadonlySet<string>;
  /**
   * File-wide facts part-local findings depend on (indentation style, what other files hold...): findings are reused
   * while it is unchanged. `options`: the kind's domain options (the rules' `ctx.options`).
   */
  partContext?(model: M, text: string, path: string, workspace: WorkspaceReader, options: Record<string, unknown>): string;
  /** The model restricted to some parts, to run part-local rules on those alone; undefined when it cannot be. */
  partModel?(model: M, parts: Part[]): M | undefined;
  /** Other tools' config files honoured for this kind (`.hadolint.yaml`): see engine/tool-config.ts. */
  toolConfigs?: ToolConfigFormat[];
  /** The options users may set for this kind's domain (`dockerfile:` in `.shipshape.yaml`...): others are reported. */
  options?: readonly string[];
  /** A small JSON-serialisable summary of the file for the project index (cross-file rules). */
  summarize?(model: M, path: string): unknown;
  /** Editor features beyond diagnostics; all optional, all synchronous and fast (no re-parse). */
  hover?(model: M, position: Position, ctx: LanguageFeatureContext): HoverInfo | undefined;
  complete?(model: M, position: Position, ctx: LanguageFeatureContext): CompletionEntry[];
  symbols?(model: M): SymbolEntry[];
}

export interface LanguageFeatureContext {
  text: string;
  path: string;
  options: Record<string, unknown>;
  workspace: WorkspaceReader;
  project?: ProjectIndex;
}

export interface HoverInfo {
  /** Markdown. */
  contents: string;
  range?: Range;
}

export type CompletionEntryKind = 'property' | 'value' | 'keyword' | 'snippet' | 'function' | 'variable' | 'module' | 'event' | 'enum' | 'reference';

export interface CompletionEntry {
  label: string;
  kind: CompletionEntryKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Text to insert (defaults to label); a snippet when `snippet` is true (`$1`, `${1:default}`). */
  insertText?: string;
  snippet?: boolean;
  /** Range the insertion replaces (defaults to the word at the cursor). */
  range?: Range;
  sortText?: string;
  filterText?: string;
}

export type SymbolEntryKind = 'object' | 'class' | 'function' | 'field' | 'module' | 'event' | 'namespace' | 'property' | 'array';

export interface SymbolEntry {
  name: string;
  detail?: string;
  kind: SymbolEntryKind;
  range: Range;
  selectionRange: Range;
  children?: SymbolEntry[];
}
