import { domainOf, parseConfigText, type Config } from './config';
import { closest } from './suggest';
import { detectKind } from './detect';
import { OverlayProjectIndex, summarizeModel } from './project';
import { docsUrl, type Registry } from './registry';
import { FindingReuse, type RuleSubset } from './reuse';
import { commentSuppressions, indentationUnitEnd, isSuppressed } from './suppress';
import { applyEdits, comparePositions, LineIndex } from './text';
import type { Finding, Fix, Kind, Language, Parsed, ProjectIndex, Range, Report, Rule, RuleMeta, Severity, WorkspaceReader } from './types';

export interface LintRequest {
  path: string;
  text: string;
  /** The editor's language id, used for kind detection. */
  languageId?: string;
  /** Forces the kind (CLI `--kind`); otherwise it is detected. */
  kind?: Kind;
  config: Config;
  workspace: WorkspaceReader;
  /** A parse of this exact text from an earlier call, to share one parse per document version. */
  parsed?: Parsed<unknown>;
  /** Set by callers that read bytes: the file was not valid UTF-8. */
  notUtf8?: boolean;
  /** Cross-file summaries, when the caller keeps an index. */
  project?: ProjectIndex;
  /** Reuse the previous version's findings for unchanged parts of the file (editors: see engine/reuse.ts). */
  reuseFindings?: boolean;
}

export interface LintResult {
  kind: Kind | undefined;
  findings: Finding[];
  /** The parse used, for the caller to cache against the document version. */
  parsed?: Parsed<unknown>;
  index: LineIndex;
  /** This file's own project-index summary (when its language summarizes and the file parsed). */
  summary?: unknown;
  /** Kinds whose project summaries the rules read: the file must be re-linted when one of them changes. */
  projectKinds?: Kind[];
}

/** The first half of a lint: kind detection and the parse, for callers that index before they lint. */
export interface Prepared {
  kind: Kind | undefined;
  parsed?: Parsed<unknown>;
  summary?: unknown;
}

export type Logger = (message: string) => void;

const FIRST_CHAR: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export class Engine {
  private readonly reuse = new FindingReuse();

  constructor(
    readonly registry: Registry,
    private readonly log: Logger = () => {},
  ) {}

  lint(req: LintRequest): LintResult {
    const index = LineIndex.of(req.text);
    const kind = req.kind ?? detectKind(req.path, req.text, req.languageId);
    if (!kind) return { kind, findings: [], index };
    const skipped = this.skipReason(req);
    if (skipped) {
      const meta = this.registry.rule('shipshape/file-skipped')!;
      const firstLine: Range = { start: FIRST_CHAR.start, end: { line: 0, character: index.lineEnd(0) } };
      return { kind, findings: [this.finding(meta, 'info', { range: firstLine, message: skipped })], index };
    }
    if (kind === 'config') return { kind, findings: this.lintConfig(req.text).sort(byPosition), index };

    const language = this.registry.languages.get(kind);
    if (!language) return { kind, findings: [], index };
    const findings: Finding[] = [];
    let parsed = req.parsed;
    if (!parsed) {
      try {
        parsed = language.parse(req.text, req.path);
      } catch (err) {
        this.log(`parser for ${kind} failed on ${req.path}: ${(err as Error)?.stack ?? err}`);
        const meta = this.registry.rule('shipshape/internal-error')!;
        findings.push(this.finding(meta, 'error', { range: FIRST_CHAR, message: `The ${kind} parser failed: ${(err as Error)?.message ?? err}` }));
        return { kind, findings, index };
      }
    }
    for (const problem of parsed.problems) {
      const meta = this.registry.rule(problem.ruleId ?? `${kind}/syntax`) ?? this.registry.rule('shipshape/internal-error')!;
      const configured = this.registry.severityFor(meta, req.config);
      if (configured !== 'off') findings.push(this.finding(meta, problem.severity ?? configured, problem));
    }
    // The file sees its own current state in the index, whatever the index last saw of it.
    const summary = summarizeModel(language, parsed.model, req.path, this.log);
    const project = req.project ? new OverlayProjectIndex(req.project, req.path, kind, summary) : undefined;
    const ruleReq = { ...req, project };
    const model = parsed.model;
    if (req.reuseFindings && language.parts) {
      const contextKey = `${JSON.stringify(req.config)}\0${language.partContext?.(model, req.text, req.path, req.workspace, domainOptions(language, req.config)) ?? ''}`;
      findings.push(...this.reuse.lint({ path: req.path, text: req.text, model, index, language, contextKey, run: (m, subset) => this.runRules(language, m, ruleReq, subset) }));
    } else findings.push(...this.runRules(language, model, ruleReq));
    const projectKinds = project ? [...project.kindsRead] : undefined;
    return { kind, findings: this.filter(language, parsed.model, req.text, index, findings), parsed, index, summary, projectKinds };
  }

  /**
   * Detects the kind and parses, without running rules: the CLI's indexing pass. Pass the result's `parsed` to
   * `lint` so each file is parsed once. Skipped or unparsable files give no parse (lint reports them).
   */
  prepare(req: Omit<LintRequest, 'config'> & { config?: LintRequest['config'] }): Prepared {
    const kind = req.kind ?? detectKind(req.path, req.text, req.languageId);
    if (!kind || kind === 'config' || req.notUtf8 || req.text.includes('\u0000')) return { kind };
    if (req.config && req.text.length > req.config.maxFileSizeKb * 1024) return { kind };
    const language = this.registry.languages.get(kind);
    if (!language) return { kind };
    try {
      const parsed = language.parse(req.text, req.path);
      return { kind, parsed, summary: summarizeModel(language, parsed.model, req.path, this.log) };
    } catch {
      return { kind }; // lint() parses again and reports the failure as an internal error
    }
  }

  private skipReason(req: LintRequest): string | undefined {
    const limitKb = req.config.maxFileSizeKb;
    if (req.text.length > limitKb * 1024) {
      return `Not linted: the file is larger than ${limitKb} KB (setting shipshape.maxFileSizeKb).`;
    }
    if (req.notUtf8) return 'Not linted: the file is not valid UTF-8 text.';
    if (req.text.includes('\u0000')) return 'Not linted: the file looks binary (it contains NUL bytes).';
    return undefined;
  }

  /** Forgets what `reuseFindings` remembered of a file (it was closed). */
  forgetFile(path: string): void {
    this.reuse.forget(path);
  }

  private runRules(language: Language, model: unknown, req: LintRequest, subset?: RuleSubset): Finding[] {
    const out: Finding[] = [];
    const options = domainOptions(language, req.config);
    const fileEnabled = new Set(language.fileEnabledRules?.(model, req.text) ?? []);
    for (const rule of language.rules) {
      if (subset && !subset(rule as Rule<unknown>)) continue;
      let severity = this.registry.severityFor(rule, req.config);
      if (severity === 'off' && fileEnabled.has(rule.id) && !this.explicitlyOff(rule, req.config)) severity = rule.severity;
      if (severity === 'off') continue;
      const reports: Report[] = [];
      try {
        rule.check({
          model,
          text: req.text,
          path: req.path,
          options,
          profile: req.config.profile,
          allRules: req.config.allRules,
          workspace: req.workspace,
          project: req.project,
          report: (r) => void reports.push(r),
        });
        // A report without a range would break every later step for the whole file: it counts as the rule failing.
        if (reports.some((r) => !r.range)) throw new Error('reported a finding without a range');
        for (const r of reports) out.push(this.finding(rule, r.severity ?? severity, r));
      } catch (err) {
        this.log(`rule ${rule.id} failed on ${req.path}: ${(err as Error)?.stack ?? err}`);
        const meta = this.registry.rule('shipshape/internal-error')!;
        out.push(this.finding(meta, 'error', { range: FIRST_CHAR, message: `Rule ${rule.id} failed: ${(err as Error)?.message ?? err}` }));
      }
    }
    return out;
  }

  private explicitlyOff(rule: RuleMeta, config: LintRequest['config']): boolean {
    return Object.entries(config.rules).some(([key, v]) => v === 'off' && this.registry.resolve(key).includes(rule));
  }

  /** Applies suppressions and per-file severity overrides, then sorts by position. */
  private filter(language: Language, model: unknown, text: string, index: LineIndex, findings: Finding[]): Finding[] {
    const unitEnd = language.unitEnd
      ? (line: number) => language.unitEnd!(model, line)
      : (line: number) => indentationUnitEnd(index, line);
    const suppressions = [...commentSuppressions(text, index, unitEnd), ...(language.suppressions?.(model, text) ?? [])];
    const overrides = language.severityOverrides?.(model, text);
    // Most files have no pragma at all: no finding needs looking at.
    let kept = !suppressions.length ? findings : findings.filter((f) => {
      const meta = this.registry.rule(f.ruleId)!;
      if (f.ruleId === 'shipshape/internal-error') return true;
      // A pragma names the finding by its id or by one of the aliases it stands for (not the rule's other aliases).
      return !isSuppressed(suppressions, f.range.start.line, (t) => this.registry.matches(t, { ...meta, aliases: f.aliases }));
    });
    // A new object, not a mutation: findings may be shared with an earlier version's result (engine/reuse.ts).
    if (overrides) kept = kept.map((f) => (overrides.has(f.ruleId) && overrides.get(f.ruleId) !== f.severity ? { ...f, severity: overrides.get(f.ruleId)! } : f));
    return kept.sort(byPosition);
  }

  private lintConfig(text: string): Finding[] {
    const meta = this.registry.rule('config/invalid')!;
    const { layer, problems } = parseConfigText(text);
    const findings = problems.map((p) => this.finding(meta, 'error', p));
    const index = new LineIndex(text);
    for (const key of Object.keys(layer.rules ?? {})) {
      if (this.registry.resolve(key).length) continue;
      const at = text.search(new RegExp(`^\\s+["']?${key.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}["']?\\s*:`, 'm'));
      const start = at < 0 ? 0 : at + (/^\s*/.exec(text.slice(at))?.[0].length ?? 0);
      findings.push(this.finding(meta, 'warning', { range: index.range(start, start + key.length), message: `Unknown rule or alias "${key}".` }));
    }
    // A misspelt option would otherwise do nothing at all.
    const known = new Map<string, Set<string>>();
    for (const language of this.registry.languages.values()) {
      if (!language.options) continue;
      const domain = domainOf(language.kind);
      known.set(domain, new Set([...(known.get(domain) ?? []), ...language.options]));
    }
    for (const [domain, options] of Object.entries(layer.domains ?? {})) {
      const allowed = known.get(domain);
      if (!allowed) continue;
      const section = text.search(new RegExp(`^${domain}\\s*:`, 'm'));
      for (const key of Object.keys(options ?? {})) {
        if (allowed.has(key)) continue;
        const at = section < 0 ? -1 : text.slice(section).search(new RegExp(`^\\s+["']?${escapeRegExp(key)}["']?\\s*:`, 'm'));
        const start = at < 0 ? section : section + at + (/^\s*/.exec(text.slice(section + at))?.[0].length ?? 0);
        const hint = closest(key, [...allowed]);
        findings.push(
          this.finding(meta, 'warning', {
            range: index.range(Math.max(0, start), Math.max(0, start) + (at < 0 ? domain.length : key.length)),
            message: `Unknown ${domain} option "${key}"${hint ? ` (did you mean "${hint}"?)` : ''}; known: ${[...allowed].join(', ')}.`,
          }),
        );
      }
    }
    return findings;
  }

  private finding(meta: RuleMeta, severity: Severity, r: Report): Finding {
    const fixes = r.fix ? (Array.isArray(r.fix) ? r.fix : [r.fix]) : [];
    return {
      ruleId: meta.id,
      aliases: r.aliases ? meta.aliases.filter((a) => r.aliases!.includes(a)) : meta.aliases,
      severity,
      message: r.message,
      range: r.range,
      fixes,
      tags: [...new Set([...(meta.tags ?? []), ...(r.tags ?? [])])],
      docsUrl: docsUrl(meta.id),
    };
  }

  /**
   * Applies every safe fix, re-linting between passes until nothing more applies (bounded).
   * Returns the new text and how many fixes were applied.
   */
  fixAll(req: LintRequest): { text: string; applied: number; result: LintResult } {
    let text = req.text;
    let applied = 0;
    let result = this.lint(req);
    for (let pass = 0; pass < 10; pass++) {
      const fixes = result.findings.map(safeFixOf).filter((f): f is Fix => !!f);
      const chosen = nonOverlappingFixes(result.index, fixes);
      if (!chosen.length) break;
      const next = applyEdits(text, chosen.flatMap((f) => f.edits)).text;
      if (next === text) break;
      applied += chosen.length;
      text = next;
      result = this.lint({ ...req, text, parsed: undefined });
    }
    return { text, applied, result };
  }
}

/** Picks whole fixes whose edits do not overlap an earlier pick, so no fix is ever half-applied. */
export function nonOverlappingFixes(index: LineIndex, fixes: Fix[]): Fix[] {
  const taken: Array<[number, number]> = [];
  const chosen: Fix[] = [];
  const seen = new Set<string>();
  for (const fix of fixes) {
    const key = JSON.stringify(fix.edits);
    if (seen.has(key)) continue; // two findings offering the same edit: apply it once
    const spans = fix.edits.map((e) => [index.offsetAt(e.range.start), index.offsetAt(e.range.end)] as [number, number]);
    const clash = spans.some(([s, e]) => taken.some(([ts, te]) => (s < te && e > ts) || (s === ts && e === te)));
    if (clash) continue;
    seen.add(key);
    taken.push(...spans);
    chosen.push(fix);
  }
  return chosen;
}

function byPosition(a: Finding, b: Finding): number {
  // Rule ids are lower-case letters, digits, `-` and `/`: code-unit order is the order localeCompare gave, without
  // the collation (which cost a fifth of an edit's sort of thousands of findings).
  return comparePositions(a.range.start, b.range.start) || (a.ruleId < b.ruleId ? -1 : a.ruleId > b.ruleId ? 1 : 0);
}

export function safeFixOf(f: Finding): Fix | undefined {
  return f.fixes.find((fx) => fx.safe !== false);
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** A kind's options from its domain of the config (`actions:` serves workflows and actions). */
function domainOptions(language: Language, config: Config): Record<string, unknown> {
  return config.domains[domainOf(language.kind)] ?? {};
}
