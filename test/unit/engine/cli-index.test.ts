import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { Registry } from '../../../server/src/engine/registry';
import type { Language, Rule } from '../../../server/src/engine/types';
import { JobRunner, type LintJob } from '../../../server/src/cli/lint-files';

// A fake kind whose files `provide X` and `need X`; the cross-file rule reports needs nobody provides.
let parses = 0;
const unmet: Rule<string[]> = {
  id: 'kubernetes/fake-unmet',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'needs what no file provides',
  docs: 'test rule',
  check(ctx) {
    const provided = new Set(ctx.project?.summaries('kubernetes').flatMap((s) => s.summary as string[]) ?? []);
    ctx.model.forEach((l, line) => {
      const need = /^need (\w+)$/.exec(l)?.[1];
      if (need && ctx.project && !provided.has(need)) ctx.report({ range: { start: { line, character: 0 }, end: { line, character: l.length } }, message: `nobody provides ${need}` });
    });
  },
};
const fake: Language<string[]> = {
  kind: 'kubernetes',
  parse: (text) => (parses++, { model: text.split('\n'), problems: [] }),
  rules: [unmet],
  summarize: (lines) => lines.flatMap((l) => /^provide (\w+)$/.exec(l)?.[1] ?? []),
};

describe('CLI indexing pass', () => {
  it('indexes every file first, so each file sees the others, parsing each file once', () => {
    const jobs: LintJob[] = [
      { file: '/r/a.yaml', text: 'need db\nneed cache', kind: 'kubernetes', config: 0, notUtf8: false },
      { file: '/r/b.yaml', text: 'provide db', kind: 'kubernetes', config: 0, notUtf8: false },
    ];
    const runner = new JobRunner(jobs, [mergeConfig(DEFAULT_CONFIG)], false, () => assert.fail('nothing to write'), (m) => assert.fail(m), new Registry([fake as Language]));
    const summaries = runner.index();
    assert.deepEqual(summaries, [
      { path: '/r/a.yaml', kind: 'kubernetes', summary: [] },
      { path: '/r/b.yaml', kind: 'kubernetes', summary: ['db'] },
    ]);
    const outcomes = runner.lint(summaries);
    assert.deepEqual(outcomes.map((o) => o.findings.map((f) => f.message)), [['nobody provides cache'], []]);
    assert.equal(parses, 2);
  });
});
