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

describe('CLI: parsing pass-2 files while waiting for the index', () => {
  // A second fake kind without summaries: its files need no index to be parsed.
  let plainParses = 0;
  const plainRule: Rule<string[]> = {
    id: 'dockerfile/fake-long-line',
    aliases: [],
    severity: 'warning',
    profile: 'recommended',
    category: 'style',
    description: 'long line',
    docs: 'test rule',
    check(ctx) {
      ctx.model.forEach((l, line) => {
        if (l.length > 10) ctx.report({ range: { start: { line, character: 0 }, end: { line, character: l.length } }, message: `line ${line + 1} is long` });
      });
    },
  };
  const plain: Language<string[]> = { kind: 'dockerfile', parse: (text) => (plainParses++, { model: text.split('\n'), problems: [] }), rules: [plainRule] };
  const registry = () => new Registry([fake as Language, plain as Language]);
  const jobs: LintJob[] = [
    { file: '/r/a.yaml', text: 'need db\nneed cache', kind: 'kubernetes', config: 0, notUtf8: false },
    { file: '/r/Dockerfile', text: 'FROM a\nRUN a-long-command', kind: 'dockerfile', config: 0, notUtf8: false },
    { file: '/r/b.yaml', text: 'provide db', kind: 'kubernetes', config: 0, notUtf8: false },
    { file: '/r/x/Dockerfile', text: 'FROM b\nRUN short', kind: 'dockerfile', config: 0, notUtf8: false },
    { file: '/r/y/Dockerfile', text: 'FROM c:1.0-long-tag', kind: 'dockerfile', config: 0, notUtf8: false },
  ];
  const runner = () => new JobRunner(jobs, [mergeConfig(DEFAULT_CONFIG)], false, () => assert.fail('nothing to write'), (m) => assert.fail(m), registry());
  const messages = (outcomes: { findings: { message: string }[] }[]) => outcomes.map((o) => o.findings.map((f) => f.message));
  const expected = [['nobody provides cache'], ['line 2 is long'], [], [], ['line 1 is long']];

  it('gives the same findings, in input order, and still parses each file once', async () => {
    const r = runner();
    const summaries = r.index();
    parses = plainParses = 0;
    await r.prepareWhileWaiting();
    assert.equal(r.preparedAhead, 3);
    assert.equal(plainParses, 3);
    assert.deepEqual(messages(await r.lintAsync(summaries, 1)), expected);
    assert.equal(plainParses, 3, 'pass 2 reuses the parses');
    assert.equal(parses, 0, 'pass 1 parses are reused too');
  });

  it('stops as soon as pass 2 starts, which parses the rest itself', async () => {
    const r = runner();
    const summaries = r.index();
    plainParses = 0;
    const waiting = r.prepareWhileWaiting(0); // one file per turn of the event loop
    const outcomes = await r.lintAsync(summaries, 1);
    await waiting;
    assert.equal(r.preparedAhead, 1);
    assert.equal(plainParses, 3);
    assert.deepEqual(messages(outcomes), expected);
  });
});
