// Findings of rules that run on the whole file on every version (cross-document checks, ShellCheck, files that cannot
// be split into parts) are new objects each time, even when nothing about them changed. Handing out the previous
// version's object for an identical finding keeps its identity stable, and with it everything the editor caches
// per finding (the LSP diagnostic made from it and that diagnostic's encoded JSON: lsp/convert.ts, lsp/encode.ts).
import { sameRange } from './text';
import type { Finding, Fix } from './types';

/** A fix whose edits are made when first read (kubernetes/fixes.ts): comparing would build them, so never equal. */
const isLazy = (fix: Fix) => typeof Object.getOwnPropertyDescriptor(fix, 'edits')?.get === 'function';

function sameFixes(a: Fix[], b: Fix[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (isLazy(x) || isLazy(y) || x.title !== y.title || x.safe !== y.safe || x.edits.length !== y.edits.length) return false;
    for (let k = 0; k < x.edits.length; k++) {
      if (x.edits[k].newText !== y.edits[k].newText || !sameRange(x.edits[k].range, y.edits[k].range)) return false;
    }
  }
  return true;
}

const sameList = <T>(a: readonly T[], b: readonly T[]) => a.length === b.length && a.every((v, i) => v === b[i]);

/** Whether two findings say exactly the same thing. */
export function sameFinding(a: Finding, b: Finding): boolean {
  return (
    a.ruleId === b.ruleId &&
    a.message === b.message &&
    a.severity === b.severity &&
    a.docsUrl === b.docsUrl &&
    sameRange(a.range, b.range) &&
    sameList(a.tags, b.tags) &&
    sameList(a.aliases, b.aliases) &&
    sameFixes(a.fixes, b.fixes)
  );
}

const keyOf = (f: Finding) => `${f.ruleId}\0${f.range.start.line}:${f.range.start.character}\0${f.message}`;

/**
 * The findings with each one that equals a finding of `previous` (the same rules' findings for the file's previous
 * version) replaced by that earlier object; and the table to pass as `previous` next time.
 */
export function internFindings(findings: Finding[], previous: Map<string, Finding> | undefined): { findings: Finding[]; table: Map<string, Finding> } {
  const table = new Map<string, Finding>();
  const out = findings.map((f) => {
    const key = keyOf(f);
    const before = previous?.get(key);
    // (Two equal findings in one version stay two objects: the first takes the earlier one.)
    const kept = before !== undefined && !table.has(key) && sameFinding(before, f) ? before : f;
    if (!table.has(key)) table.set(key, kept);
    return kept;
  });
  return { findings: out, table };
}
