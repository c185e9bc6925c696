import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { workflowLanguage } from '../../../server/src/actions/language';
import type { ActionsModel } from '../../../server/src/actions/model';
import { memoryWorkspace } from '../../../server/src/engine/workspace';

const W = '/repo/.github/workflows/ci.yml';

/** Text with a `|` marking the cursor → model, position and the text without the marker. */
function at(marked: string) {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  const position = { line: before.length - 1, character: before[before.length - 1].length };
  const model = workflowLanguage.parse(text, W).model as ActionsModel;
  const ctx = { text, path: W, options: {}, workspace: memoryWorkspace() };
  return { text, position, model, ctx };
}

const labels = (marked: string) => {
  const { model, position, ctx } = at(marked);
  return workflowLanguage.complete!(model, position, ctx).map((e) => e.label);
};

const base = `on:
  workflow_dispatch:
    inputs:
      target: {type: string}
jobs:
  build:
    runs-on: ubuntu-latest
    outputs:
      v: x
    steps:
      - id: first
        run: echo
  deploy:
    needs: build
    runs-on: ubuntu-latest
    steps:
`;

describe('workflow completion', () => {
  it('completes contexts, functions and properties inside ${{ }}', () => {
    const ctxs = labels(`${base}      - run: echo \${{ | }}\n`);
    assert.ok(ctxs.includes('github') && ctxs.includes('needs') && ctxs.includes('toJSON'));
    assert.ok(!ctxs.includes('success'), 'status functions only in if:');
    assert.deepEqual(labels(`${base}      - run: echo \${{ inputs.| }}\n`), ['target']);
    assert.deepEqual(labels(`${base}      - run: echo \${{ needs.build.outputs.| }}\n`), ['v']);
  });

  it('completes job keys, step keys, event names and needs', () => {
    assert.ok(labels(`${base}      - run: x\n    tim|`).includes('timeout-minutes'));
    assert.ok(labels(`${base}      - run: x\n        shel|`).includes('shell'));
    assert.ok(labels(`on:\n  pull|\n`).includes('pull_request_target'));
    assert.deepEqual(labels(`${base.replace('needs: build', 'needs: |')}`), ['build']);
    assert.ok(labels(`on:\n  issues:\n    types: |\n`).includes('opened'));
  });
});

describe('workflow hover and outline', () => {
  it('describes events, keys and expression values', () => {
    const h = (marked: string) => {
      const { model, position, ctx } = at(marked);
      return workflowLanguage.hover!(model, position, ctx)?.contents ?? '';
    };
    assert.match(h(`on:\n  pull_req|uest_target:\njobs: {}\n`), /base branch/);
    assert.match(h(`on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    timeout-min|utes: 5\n    steps: [{run: x}]\n`), /Cancel after/);
    assert.match(h(`${base}      - run: echo \${{ github.ref_n|ame }}\n`), /`github.ref_name`: `string`/);
    assert.match(h(`${base}      - run: echo \${{ toJS|ON(github) }}\n`), /pretty-printed JSON/);
  });

  it('lists events, jobs and steps', () => {
    const { model } = at(`${base}      - name: Deploy it\n        run: ./deploy|\n`);
    const syms = workflowLanguage.symbols!(model);
    assert.deepEqual(syms.map((s) => [s.name, (s.children ?? []).map((c) => c.name)]), [
      ['on', ['workflow_dispatch']],
      ['build', ['echo']],
      ['deploy', ['Deploy it']],
    ]);
  });
});
