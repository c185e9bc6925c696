// Test helpers: lint a text as a user would, apply fixes, and describe findings compactly.
import { DEFAULT_CONFIG, mergeConfig, type ConfigLayer } from '../server/src/engine/config';
import { Engine, safeFixOf, type LintResult } from '../server/src/engine/lint';
import { applyEdits } from '../server/src/engine/text';
import type { Finding, Kind, WorkspaceReader } from '../server/src/engine/types';
import { memoryWorkspace } from '../server/src/engine/workspace';
import { createRegistry } from '../server/src/languages';

export const registry = createRegistry();
export const engine = new Engine(registry, (m) => {
  throw new Error(`engine logged an internal failure: ${m}`);
});

export interface LintOptions {
  config?: ConfigLayer;
  kind?: Kind;
  files?: Record<string, string>;
  workspace?: WorkspaceReader;
}

export function lint(path: string, text: string, opts: LintOptions = {}): LintResult {
  return engine.lint({
    path,
    text,
    kind: opts.kind,
    config: mergeConfig(DEFAULT_CONFIG, opts.config),
    workspace: opts.workspace ?? memoryWorkspace({ [path]: text, ...opts.files }),
  });
}

/** Findings of one rule. */
export function findingsOf(path: string, text: string, ruleId: string, opts: LintOptions = {}): Finding[] {
  return lint(path, text, { ...opts, config: { ...opts.config, allRules: true } }).findings.filter((f) => f.ruleId === ruleId);
}

/** `line:col-endLine:endCol` (1-based) of a finding, to compare ranges compactly. */
export function at(f: Finding): string {
  return `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1}`;
}

/** The text covered by a finding's range. */
export function covered(text: string, f: Finding): string {
  const lines = text.split('\n');
  const start = lines.slice(0, f.range.start.line).join('\n').length + (f.range.start.line ? 1 : 0) + f.range.start.character;
  const end = lines.slice(0, f.range.end.line).join('\n').length + (f.range.end.line ? 1 : 0) + f.range.end.character;
  return text.slice(start, end);
}

/** Applies the first safe fix of the first finding of a rule; throws when there is none. */
export function fixOnce(path: string, text: string, ruleId: string, opts: LintOptions = {}): string {
  const f = findingsOf(path, text, ruleId, opts)[0];
  if (!f) throw new Error(`no ${ruleId} finding to fix`);
  const fix = safeFixOf(f) ?? f.fixes[0];
  if (!fix) throw new Error(`${ruleId} finding has no fix`);
  return applyEdits(text, fix.edits).text;
}
