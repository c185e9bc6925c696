import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { isNode, visit, type Document } from 'yaml';
import { LineIndex } from '../../../server/src/engine/text';
import { documentStarts, parseWhole, parseYaml } from '../../../server/src/yaml/yaml';
import { mutate, mutationArb } from '../../robustness/inputs';

/** A multi-document manifest well above the size where documents are parsed one by one. */
function manifest(docs: number, crlf = false): string {
  const parts: string[] = ['# leading comment\n'];
  for (let i = 0; i < docs; i++) {
    parts.push(
      `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i} # trailing\n  labels: {app: a${i}, tier: "t"}\nspec:\n  replicas: ${i}\n  template:\n    spec:\n      containers:\n        - name: c\n          image: &img nginx:1.${i}\n          args: [*img, "x"]\n          command:\n            - |\n              echo ${i}\n`,
    );
  }
  const text = parts.join('');
  return crlf ? text.replace(/\n/g, '\r\n') : text;
}

/** Everything rules can see of a parse: node kinds, ranges and values, errors and warnings. */
function shape(docs: Document.Parsed[]): unknown {
  return docs.map((doc) => {
    const nodes: unknown[] = [doc.range];
    visit(doc, {
      Node(_k, n) {
        nodes.push([n.constructor.name, n.range, isNode(n) && 'value' in n && typeof n.value !== 'object' ? n.value : null, (n as { source?: string }).source ?? null]);
      },
    });
    return { nodes, errors: doc.errors.map((e) => [e.code, e.pos]), warnings: doc.warnings.map((e) => [e.code, e.pos]), comment: doc.commentBefore ?? null };
  });
}

const segmented = (text: string) => parseYaml(text, new LineIndex(text));
const whole = (text: string) => ({ docs: parseWhole(text) });

describe('incremental YAML parsing', () => {
  it('splits at document markers, keeping leading comments with the first document', () => {
    assert.deepEqual(documentStarts("# c\n\n---\na: 1\n---\nb: 2\n"), [0, 14]);
    assert.deepEqual(documentStarts('a: 1\n---\nb: 2\n--- # x\nc: 3\n----\n'), [0, 5, 14]);
    assert.equal(documentStarts('%YAML 1.2\n---\na: 1\n'), undefined);
    assert.equal(documentStarts('a: 1\n...\n---\nb: 1\n'), undefined);
  });

  it('gives exactly what a whole-file parse gives, with LF and CRLF', () => {
    for (const text of [manifest(60), manifest(60, true)]) {
      assert.ok(text.length > 16 * 1024);
      assert.deepEqual(shape(segmented(text).docs), shape(whole(text).docs));
      // Again, now served from the remembered documents.
      assert.deepEqual(shape(segmented(text).docs), shape(whole(text).docs));
    }
  });

  it('after an edit, reuses unchanged documents with their ranges moved, and matches a whole parse', () => {
    const text = manifest(80);
    segmented(text);
    const at = text.indexOf('name: app-40') + 'name: app-40'.length;
    for (const edited of [text.slice(0, at) + 'x' + text.slice(at), text.slice(0, at) + text.slice(at + 1), text.slice(0, at) + ': [' + text.slice(at)]) {
      const result = segmented(edited);
      assert.deepEqual(shape(result.docs), shape(whole(edited).docs));
      const problems = parseYaml(edited, new LineIndex(edited)).problems;
      assert.deepEqual(problems.length, whole(edited).docs.reduce((n, d) => n + d.errors.length + d.warnings.length, 0));
    }
  });

  it('matches a whole parse on randomly mutated multi-document files', () => {
    const base = manifest(50);
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 6 }), (mutations) => {
        const text = mutate(base, mutations);
        if (text.length < 16 * 1024) return;
        assert.deepEqual(shape(segmented(text).docs), shape(whole(text).docs), JSON.stringify(mutations));
      }),
      { seed: 7, numRuns: Number(process.env.SHIPSHAPE_FUZZ_RUNS ?? 150) },
    );
  });
});
