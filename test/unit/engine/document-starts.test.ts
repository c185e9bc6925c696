// The `---` markers of a multi-document YAML text, found after each edit from the previous version's, must be those a
// scan of the whole text finds: random edits that add and remove markers, line breaks of every kind and directives.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { documentMarkers } from '../../../server/src/yaml/document-starts';
import { randomEdit, rng } from '../dockerfile/random-edits';

/** What a whole scan says (the definition the incremental answer must match). */
function scanned(text: string): number[] | undefined {
  if (/^(?:%|\.\.\.)/m.test(text)) return undefined;
  return [...text.matchAll(/^---(?=[ \t\r\n]|$)/gm)].map((m) => m.index!).filter((i) => i > 0);
}

const doc = (i: number) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c-${i}\ndata:\n  key: "---"\n  other: |\n    ---x\n`;
const BASE = Array.from({ length: 120 }, (_, i) => doc(i)).join('');
const SNIPPETS = ['---', '---\n', '\n---\n', '--- ', '-', '\n', '\r', '\r\n', '\u2028', 'x', ' ', '...\n', '%YAML 1.2\n', '# ---\n', '----\n'];

describe('document markers after an edit', () => {
  it('are those of a whole scan after each of many random edits', () => {
    for (let seed = 1; seed <= 20; seed++) {
      const r = rng(seed);
      let text = BASE;
      documentMarkers(text);
      for (let step = 0; step < 60; step++) {
        text = randomEdit(text, r, SNIPPETS, { insert: 0.6, delete: 0.35, maxDelete: 8 });
        assert.deepEqual(documentMarkers(text), scanned(text), `seed ${seed}, step ${step}`);
      }
    }
  });

  it('see a marker made or unmade at the edges of the edit', () => {
    const at = BASE.indexOf('---\napiVersion', 5000);
    for (const next of [
      BASE.slice(0, at) + 'x' + BASE.slice(at), // `x---`: no longer a marker
      BASE.slice(0, at + 3) + 'x' + BASE.slice(at + 3), // `---x`: no longer a marker
      BASE.slice(0, at - 1) + BASE.slice(at), // the line break before it removed
      BASE.slice(0, at + 3) + BASE.slice(at + 4), // the line break after it removed: `---apiVersion`
    ]) {
      documentMarkers(BASE);
      assert.deepEqual(documentMarkers(next), scanned(next));
      assert.deepEqual(documentMarkers(BASE), scanned(BASE)); // and back
    }
  });
});
