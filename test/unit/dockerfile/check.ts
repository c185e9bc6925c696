// Small assertions shared by the Dockerfile rule tests: what a rule covers, and what its fix produces.
import { strict as assert } from 'node:assert';
import { covered, findingsOf, fixOnce, type LintOptions } from '../../helpers';

export const DF = '/repo/Dockerfile';

/** The texts covered by a rule's findings, in order. */
export function hits(text: string, rule: string, opts?: LintOptions): string[] {
  return findingsOf(DF, text, rule, opts).map((f) => covered(text, f));
}

/** The first finding's message. */
export function message(text: string, rule: string, opts?: LintOptions): string {
  const [f] = findingsOf(DF, text, rule, opts);
  assert.ok(f, `expected a ${rule} finding`);
  return f.message;
}

/** Applies the rule's first fix, checks the exact output, and that linting it again finds nothing. */
export function assertFix(text: string, rule: string, expected: string, opts?: LintOptions): void {
  const fixed = fixOnce(DF, text, rule, opts);
  assert.equal(fixed, expected);
  assert.deepEqual(hits(fixed, rule, opts), [], 'the finding is gone after the fix');
}
