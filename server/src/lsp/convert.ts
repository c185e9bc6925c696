// Engine findings → LSP diagnostics.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver';
import { sameRange } from '../engine/text';
import type { Finding, Severity } from '../engine/types';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** Findings reused from an earlier version (engine/reuse.ts) are the same objects: convert each once. */
const converted = new WeakMap<Finding, Diagnostic>();

export function toDiagnostic(f: Finding): Diagnostic {
  let d = converted.get(f);
  if (!d) converted.set(f, (d = convert(f)));
  return d;
}

function convert(f: Finding): Diagnostic {
  const tags: DiagnosticTag[] = [];
  if (f.tags.includes('unnecessary')) tags.push(DiagnosticTag.Unnecessary);
  if (f.tags.includes('deprecated')) tags.push(DiagnosticTag.Deprecated);
  return {
    range: f.range,
    severity: SEVERITY[f.severity],
    code: f.ruleId,
    codeDescription: { href: f.docsUrl },
    source: 'shipshape',
    message: f.aliases.length ? `${f.message} (${f.aliases.join(', ')})` : f.message,
    ...(tags.length ? { tags } : {}),
  };
}

/** Whether a client diagnostic is the one produced for a finding. */
export function sameFinding(d: Diagnostic, f: Finding): boolean {
  return d.code === f.ruleId && sameRange(d.range, f.range);
}
