// Code actions: each finding's fixes, "ignore" comments, and fix-all.
import { CodeActionKind, type CodeAction, type Diagnostic, type TextEdit as LspTextEdit } from 'vscode-languageserver';
import type { LintResult } from '../engine/lint';
import { ignoreFileFix, ignoreLineFix } from '../engine/suppress';
import type { Fix, Language } from '../engine/types';
import { sameFinding } from './convert';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.shipshape`;

function action(uri: string, fix: Fix, kind: string, diagnostic?: Diagnostic, preferred = false): CodeAction {
  return {
    title: fix.title,
    kind,
    ...(diagnostic ? { diagnostics: [diagnostic] } : {}),
    ...(preferred ? { isPreferred: true } : {}),
    edit: { changes: { [uri]: fix.edits } },
  };
}

export function quickFixes(uri: string, result: LintResult, language: Language | undefined, model: unknown, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const seenIgnore = new Set<string>();
  const seenFixes = new Set<string>();
  for (const d of diagnostics) {
    if (d.source !== 'shipshape') continue;
    const finding = result.findings.find((f) => sameFinding(d, f));
    if (!finding) continue;
    finding.fixes.forEach((fix, i) => {
      // Two findings may offer the same edit (missing liveness and readiness probes → one "add probes" fix): list it once.
      const key = `${fix.title}\u0000${JSON.stringify(fix.edits)}`;
      if (seenFixes.has(key)) return;
      seenFixes.add(key);
      out.push(action(uri, fix, CodeActionKind.QuickFix, d, i === 0 && fix.safe !== false));
    });
    if (finding.ruleId.startsWith('shipshape/')) continue;
    const line = language?.ignoreCommentLine?.(model, finding.range.start.line) ?? finding.range.start.line;
    const lineKey = `${finding.ruleId}:${line}`;
    if (!seenIgnore.has(lineKey)) {
      seenIgnore.add(lineKey);
      out.push(action(uri, ignoreLineFix(result.index, line, finding.ruleId), CodeActionKind.QuickFix, d));
    }
    if (!seenIgnore.has(finding.ruleId)) {
      seenIgnore.add(finding.ruleId);
      const fileLine = language?.fileIgnoreCommentLine?.(model, result.index.text) ?? 0;
      out.push(action(uri, ignoreFileFix(result.index, fileLine, finding.ruleId), CodeActionKind.QuickFix, d));
    }
  }
  return out;
}

/** One minimal edit turning `before` into `after` (common prefix and suffix kept). */
export function minimalEdit(before: string, after: string, positionAt: (offset: number) => { line: number; character: number }): LspTextEdit {
  let start = 0;
  while (start < before.length && start < after.length && before[start] === after[start]) start++;
  let endB = before.length;
  let endA = after.length;
  while (endB > start && endA > start && before[endB - 1] === after[endA - 1]) {
    endB--;
    endA--;
  }
  return { range: { start: positionAt(start), end: positionAt(endB) }, newText: after.slice(start, endA) };
}
