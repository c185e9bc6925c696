import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { Engine } from '../../../server/src/engine/lint';
import { MemoryProjectIndex } from '../../../server/src/engine/project';
import { Registry } from '../../../server/src/engine/registry';
import type { Language, Rule } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../../server/src/engine/workspace';

// A fake kind: each line `define NAME` or `use NAME`. Its summary lists the names a file defines; a cross-file rule
// reports every `use` that no indexed file defines.
interface FakeModel {
  lines: string[];
}
const undefinedName: Rule<FakeModel> = {
  id: 'kubernetes/fake-undefined-name',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Uses a name no file defines.',
  docs: 'test rule',
  check(ctx) {
    if (!ctx.project) return;
    const known = new Set(ctx.project.summaries('kubernetes').flatMap((s) => (s.summary as { defines: string[] }).defines));
    ctx.model.lines.forEach((l, line) => {
      const m = /^use (\w+)$/.exec(l);
      if (m && !known.has(m[1])) ctx.report({ range: { start: { line, character: 4 }, end: { line, character: l.length } }, message: `unknown ${m[1]}` });
    });
  },
};
let parses = 0;
const fakeLanguage: Language<FakeModel> = {
  kind: 'kubernetes',
  parse(text) {
    parses++;
    return { model: { lines: text.split('\n') }, problems: [] };
  },
  rules: [undefinedName],
  summarize: (model) => ({ defines: model.lines.flatMap((l) => /^define (\w+)$/.exec(l)?.[1] ?? []) }),
};
const engine = new Engine(new Registry([fakeLanguage as Language]));
const config = mergeConfig(DEFAULT_CONFIG);
const workspace = memoryWorkspace({});
const lintWith = (path: string, text: string, project?: MemoryProjectIndex) =>
  engine.lint({ path, text, kind: 'kubernetes', config, workspace, project });

describe('project index', () => {
  it('lists summaries by kind, sorted by path, and reports which kinds changed', () => {
    const index = new MemoryProjectIndex();
    assert.deepEqual(index.set('/r/b.yaml', 'kubernetes', { defines: ['b'] }), ['kubernetes']);
    assert.deepEqual(index.set('/r/a.yaml', 'kubernetes', { defines: ['a'] }), ['kubernetes']);
    index.set('/r/ci.yml', 'workflow', { jobs: 1 });
    assert.deepEqual(index.summaries('kubernetes').map((s) => s.path), ['/r/a.yaml', '/r/b.yaml']);
    assert.deepEqual(index.summaries('workflow').map((s) => s.path), ['/r/ci.yml']);
    // Same summary (keys in another order): nothing changed, so no dependant needs re-validation.
    assert.deepEqual(index.set('/r/ci.yml', 'workflow', { jobs: 1 }), []);
    assert.deepEqual(index.set('/r/a.yaml', 'workflow', { jobs: 2 }), ['kubernetes', 'workflow']);
    assert.deepEqual(index.summaries('kubernetes').map((s) => s.path), ['/r/b.yaml']);
    assert.deepEqual(index.delete('/r/b.yaml'), ['kubernetes']);
    assert.deepEqual(index.delete('/r/b.yaml'), []);
    assert.deepEqual(index.deleteUnder('/r'), ['workflow']);
    assert.equal(index.size, 0);
  });

  it('lets cross-file rules see other files, and the linted file its own current text', () => {
    const index = new MemoryProjectIndex();
    index.set('/r/defs.yaml', 'kubernetes', { defines: ['db'] });
    // The index still holds an old summary of app.yaml that defined `cache`; its current text no longer does.
    index.set('/r/app.yaml', 'kubernetes', { defines: ['cache'] });
    const result = lintWith('/r/app.yaml', 'define web\nuse db\nuse web\nuse cache\nuse queue', index);
    assert.deepEqual(result.findings.map((f) => f.message), ['unknown cache', 'unknown queue']);
    assert.deepEqual(result.summary, { defines: ['web'] });
    assert.deepEqual(result.projectKinds, ['kubernetes']);
    // The index itself is not changed by linting.
    assert.deepEqual(index.summaries('kubernetes').find((s) => s.path === '/r/app.yaml')?.summary, { defines: ['cache'] });
  });

  it('keeps cross-file rules silent without an index', () => {
    const result = lintWith('/r/app.yaml', 'use db');
    assert.deepEqual(result.findings, []);
    assert.equal(result.projectKinds, undefined);
  });

  it('prepares (parses and summarizes) once, and lint reuses that parse', () => {
    const before = parses;
    const prepared = engine.prepare({ path: '/r/x.yaml', text: 'define x\nuse y', kind: 'kubernetes', workspace });
    assert.deepEqual(prepared.summary, { defines: ['x'] });
    const index = new MemoryProjectIndex();
    index.set('/r/x.yaml', 'kubernetes', prepared.summary);
    index.set('/r/y.yaml', 'kubernetes', { defines: ['y'] });
    const result = engine.lint({ path: '/r/x.yaml', text: 'define x\nuse y', kind: 'kubernetes', config, workspace, project: index, parsed: prepared.parsed });
    assert.deepEqual(result.findings, []);
    assert.equal(parses - before, 1);
  });
});
