import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, fixOnce } from '../../helpers';

const W = '/repo/.github/workflows/ci.yml';
const RULE = 'actions/if-cond';
const wf = (step: string) => `on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
${step}`;

describe('actions/if-cond (actionlint/if-cond)', () => {
  it('reports conditions with text around ${{ }} and joins two expressions', () => {
    const text = wf(`      - if: \${{ github.event_name == 'push' }} && \${{ github.ref_name == 'main' }}
        run: echo
`);
    const [f] = findingsOf(W, text, RULE);
    assert.match(f.message, /always true/);
    assert.equal(covered(text, f), "${{ github.event_name == 'push' }} && ${{ github.ref_name == 'main' }}");
    assert.equal(fixOnce(W, text, RULE), wf(`      - if: \${{ github.event_name == 'push' && github.ref_name == 'main' }}
        run: echo
`));
  });

  it('reports multi-line if: | with a trailing newline', () => {
    const text = wf(`      - if: |
          \${{ github.event_name == 'push' }}
        run: echo
`);
    assert.equal(findingsOf(W, text, RULE).length, 1);
  });

  it('reports constant conditions', () => {
    const text = wf(`      - if: false
        run: echo
      - if: \${{ true || false }}
        run: echo
      - if: contains('abc', 'b')
        run: echo
`);
    const found = findingsOf(W, text, RULE);
    assert.deepEqual(found.map((f) => covered(text, f)), ['false', '${{ true || false }}', "contains('abc', 'b')"]);
  });

  it('accepts normal conditions', () => {
    const text = wf(`      - if: github.event_name == 'push'
        run: echo
      - if: \${{ failure() }}
        run: echo
      - if: \${{ github.ref == format('refs/heads/{0}', 'main') }}
        run: echo
`);
    assert.deepEqual(findingsOf(W, text, RULE), []);
  });
});
