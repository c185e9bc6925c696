// While a large multi-document manifest is edited, the documents after the edit are moved in place (their ranges
// shifted) instead of copied. What users see must not change: every version parses as a whole parse does, another
// file holding the same documents keeps its own, and a fix offered for an earlier version is built where that
// version had its text.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isNode, visit, type Document } from 'yaml';
import { LineIndex } from '../../../server/src/engine/text';
import { parseWhole, parseYaml } from '../../../server/src/yaml/yaml';
import { lint } from '../../helpers';

/** A multi-document manifest above the size where documents are parsed one by one; containers lack a securityContext. */
function manifest(docs: number, tag = ''): string {
  const parts: string[] = [];
  for (let i = 0; i < docs; i++) {
    parts.push(`---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-${i}${tag}\n  labels: {app: a${i}}\nspec:\n  template:\n    spec:\n      containers:\n        - name: c\n          image: nginx:1.${i} # pinned\n          args: [&a x, *a]\n`);
  }
  return parts.join('');
}

/** Node kinds, ranges and values, errors and warnings of a parse. */
function shape(docs: Document.Parsed[]): string {
  return JSON.stringify(
    docs.map((doc) => {
      const nodes: unknown[] = [doc.range];
      visit(doc, {
        Node(_k, n) {
          nodes.push([n.constructor.name, n.range, isNode(n) && 'value' in n && typeof n.value !== 'object' ? n.value : null]);
        },
      });
      return { nodes, errors: doc.errors.map((e) => [e.code, e.pos]), warnings: doc.warnings.map((e) => [e.code, e.pos]) };
    }),
  );
}

const parse = (text: string, owner?: string) => parseYaml(text, new LineIndex(text), owner).docs;
/** `text` with `insert` put right after the first occurrence of `after`. */
const insertAfter = (text: string, after: string, insert: string) => {
  const at = text.indexOf(after) + after.length;
  return text.slice(0, at) + insert + text.slice(at);
};

describe('documents moved in place while a manifest is edited', () => {
  it('parses every version of a sequence of edits as a whole parse does', () => {
    let text = manifest(120);
    assert.ok(text.length > 16 * 1024);
    parse(text, '/moves/a.yaml');
    const edits: Array<(t: string) => string> = [
      (t) => insertAfter(t, 'name: app-10', 'x'), // the documents after it move by one
      (t) => insertAfter(t, 'name: app-10', 'yz'),
      (t) => t.replace('name: app-10xyz', 'name: app-10'), // back where they were
      (t) => insertAfter(t, 'name: app-90', '\n  namespace: n'), // a line more, further down
      (t) => insertAfter(t, 'name: app-3', 'q'),
      (t) => t.replace('---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-0\n', '---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: app-0\n  namespace: first\n'),
    ];
    for (const [i, edit] of edits.entries()) {
      text = edit(text);
      assert.equal(shape(parse(text, '/moves/a.yaml')), shape(parseWhole(text)), `edit ${i}`);
    }
  });

  it('leaves another file holding the same documents as it was', () => {
    const text = manifest(100);
    parse(text, '/moves/mine.yaml');
    const other = parse(text, '/moves/other.yaml'); // the same documents, now held by two files
    const before = shape(other);
    const edited = insertAfter(text, 'name: app-5', 'x');
    assert.equal(shape(parse(edited, '/moves/mine.yaml')), shape(parseWhole(edited)));
    assert.equal(shape(other), before);
    // And the edited file goes on moving its own copies.
    const again = insertAfter(edited, 'name: app-5', 'y');
    assert.equal(shape(parse(again, '/moves/mine.yaml')), shape(parseWhole(again)));
    assert.equal(shape(other), before);
  });

  it('parses a file holding the same document twice', () => {
    const doc = manifest(1, '-same');
    const text = manifest(80) + doc + manifest(3, '-b') + doc;
    assert.ok(text.length > 16 * 1024);
    assert.equal(shape(parse(text, '/moves/twice.yaml')), shape(parseWhole(text)));
    const edited = insertAfter(text, 'name: app-1', 'x');
    assert.equal(shape(parse(edited, '/moves/twice.yaml')), shape(parseWhole(edited)));
  });

  it('follows an edited object in cross-object checks while the other documents are reused', () => {
    const path = '/moves/service.yaml';
    const service = `---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n`;
    const workload = (app: string) => `---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  selector:\n    matchLabels:\n      app: ${app}\n  template:\n    metadata:\n      labels:\n        app: ${app}\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n`;
    const selectsNothing = (text: string) => lint(path, text, { config: { allRules: true } }).findings.some((f) => f.ruleId === 'kubernetes/service-selector');
    const text = (app: string) => manifest(70) + workload(app) + service + manifest(3, '-after');
    assert.equal(selectsNothing(text('web')), false);
    assert.equal(selectsNothing(text('webx')), true);
    assert.equal(selectsNothing(text('web')), false);
  });

  it('builds a fix offered for an earlier version where that version had its text', () => {
    const path = '/moves/deploy.yaml';
    const rule = 'kubernetes/allow-privilege-escalation';
    const config = { allRules: true };
    const v1 = manifest(100);
    const late = (findings: ReturnType<typeof lint>['findings']) => findings.filter((f) => f.ruleId === rule && f.range.start.line > 1000)[0];
    const offered = late(lint(path, v1, { config }).findings);
    assert.ok(offered?.fixes.length);
    // The next version: one character more in an early document (no line moves), so the later documents move.
    lint(path, insertAfter(v1, 'name: app-2', 'x'), { config });
    const expected = late(lint('/moves/fresh/deploy.yaml', v1, { config }).findings).fixes.map((f) => f.edits);
    assert.deepEqual(offered.fixes.map((f) => f.edits), expected);
  });
});
