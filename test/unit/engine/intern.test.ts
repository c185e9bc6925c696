// Findings of whole-file rules keep the previous version's object when they say exactly the same thing (so the editor
// does not convert and encode them again), and never when anything a user sees differs.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { internFindings } from '../../../server/src/engine/intern';
import type { Finding, Fix } from '../../../server/src/engine/types';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'kubernetes/service-selector',
  aliases: ['kube-linter/dangling-service'],
  severity: 'warning',
  message: 'Service "web" selects no pods.',
  range: { start: { line: 4, character: 2 }, end: { line: 4, character: 10 } },
  fixes: [],
  tags: [],
  docsUrl: 'https://example.test/rule',
  ...over,
});

const fix = (newText: string): Fix => ({ title: 'Fix it', edits: [{ range: { start: { line: 1, character: 0 }, end: { line: 1, character: 0 } }, newText }] });

describe('interned findings', () => {
  it('hands out the previous object for an identical finding', () => {
    const first = internFindings([finding({ fixes: [fix('a')] })], undefined);
    const second = internFindings([finding({ fixes: [fix('a')] })], first.table);
    assert.equal(second.findings[0], first.findings[0]);
  });

  it('keeps a new object when anything differs', () => {
    const before = finding({ fixes: [fix('a')] });
    const { table } = internFindings([before], undefined);
    for (const changed of [
      finding({ fixes: [fix('b')] }),
      finding({ fixes: [] }),
      finding({ severity: 'error', fixes: [fix('a')] }),
      finding({ range: { start: { line: 4, character: 2 }, end: { line: 4, character: 11 } }, fixes: [fix('a')] }),
      finding({ tags: ['unnecessary'], fixes: [fix('a')] }),
      finding({ aliases: [], fixes: [fix('a')] }),
      finding({ docsUrl: 'https://example.test/other', fixes: [fix('a')] }),
      finding({ fixes: [{ ...fix('a'), safe: false }] }),
    ]) {
      assert.equal(internFindings([changed], table).findings[0], changed);
    }
  });

  it('never compares fixes built on first read', () => {
    const lazy = (): Fix => ({ title: 'Fix it', get edits() { return fix('a').edits; } });
    const { table } = internFindings([finding({ fixes: [lazy()] })], undefined);
    const again = finding({ fixes: [lazy()] });
    assert.equal(internFindings([again], table).findings[0], again);
  });

  it('keeps two equal findings of one version two objects', () => {
    const { table } = internFindings([finding()], undefined);
    const [a, b] = internFindings([finding(), finding()], table).findings;
    assert.notEqual(a, b);
    assert.deepEqual(a, b);
  });
});
