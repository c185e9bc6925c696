import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { LanguageFeatureContext, Position } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { kubernetesLanguage } from '../../../server/src/kubernetes/language';
import { WIDGET_CRD } from './schema-fixtures';

const ctx: LanguageFeatureContext = { text: '', path: '/repo/app.yaml', options: {}, workspace: memoryWorkspace({}) };

/** Text with a `|` marking the cursor, as (text, position). */
function cursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf('|');
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  const before = text.slice(0, offset).split('\n');
  return { text, position: { line: before.length - 1, character: before[before.length - 1].length } };
}

function hoverAt(marked: string) {
  const { text, position } = cursor(marked);
  const model = kubernetesLanguage.parse(text, ctx.path).model;
  return kubernetesLanguage.hover!(model, position, { ...ctx, text });
}

function completeAt(marked: string) {
  const { text, position } = cursor(marked);
  const model = kubernetesLanguage.parse(text, ctx.path).model;
  return kubernetesLanguage.complete!(model, position, { ...ctx, text });
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec:
      containers:
        - name: web
          image: nginx:1.27
          imagePullPolicy: IfNotPresent
          ports:
            - containerPort: 80
`;

describe('Kubernetes hover', () => {
  it('shows the description and type of a nested key', () => {
    const h = hoverAt(DEPLOYMENT.replace('imagePullPolicy', 'imagePull|Policy'));
    assert.ok(h);
    assert.match(h.contents, /^\*\*imagePullPolicy\*\* · `string \(Always \| IfNotPresent \| Never\)`/);
    assert.match(h.contents, /Image pull policy/);
    assert.match(h.contents, /_Container.imagePullPolicy_/);
    assert.deepEqual(h.range, { start: { line: 12, character: 10 }, end: { line: 12, character: 25 } });
  });

  it('works through list items and flow mappings, and on values', () => {
    assert.match(hoverAt(DEPLOYMENT.replace('containerPort', 'container|Port'))!.contents, /\*\*containerPort\*\* · `integer`[\s\S]*\(required\)/);
    assert.match(hoverAt(DEPLOYMENT.replace('matchLabels', 'match|Labels'))!.contents, /\*\*matchLabels\*\* · `map of string`/);
    assert.match(hoverAt(DEPLOYMENT.replace('nginx:1.27', 'ngi|nx:1.27'))!.contents, /\*\*image\*\*/);
  });

  it('describes custom resources from a CRD in the file', () => {
    const crd = `${WIDGET_CRD}---
apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  si|ze: 1
`;
    assert.equal(hoverAt(crd)!.contents, '**size** · `integer`\n\nHow big the widget is.');
    const values = completeAt(crd.replace('si|ze: 1', 'size: 1\n  color: |'));
    assert.deepEqual(values.map((e) => e.label), ['red', 'blue']);
  });

  it('describes the kind on `kind`', () => {
    assert.equal(hoverAt(DEPLOYMENT.replace('kind: Deployment', 'kind: Deplo|yment'))!.contents, '**Deployment** (apps/v1)\n\nDeployment enables declarative updates for Pods and ReplicaSets.');
  });

  it('returns nothing for unknown keys and unknown kinds', () => {
    assert.equal(hoverAt('apiVersion: example.com/v1\nkind: Widget\nspec:\n  si|ze: 1\n'), undefined);
  });
});

describe('Kubernetes completion', () => {
  it('offers the keys of the mapping at the cursor, without the ones present', () => {
    const entries = completeAt(DEPLOYMENT.replace('          imagePullPolicy: IfNotPresent\n', '          live|\n'));
    const labels = entries.map((e) => e.label);
    assert.ok(labels.includes('livenessProbe'));
    assert.ok(!labels.includes('image') && !labels.includes('name'), 'present keys are not offered');
    const probe = entries.find((e) => e.label === 'livenessProbe')!;
    assert.equal(probe.detail, 'Probe');
    assert.match(probe.documentation!, /Periodic probe of container liveness/);
    assert.equal(probe.insertText, 'livenessProbe:\n            ');
    assert.deepEqual(probe.range, { start: { line: 12, character: 10 }, end: { line: 12, character: 14 } });
  });

  it('completes in a new list item and at the pod spec level', () => {
    const item = completeAt(DEPLOYMENT.replace('            - containerPort: 80\n', '            - containerPort: 80\n            - |\n'));
    assert.ok(item.some((e) => e.label === 'containerPort' && e.detail === 'integer (required)'));
    const spec = completeAt(DEPLOYMENT.replace('      containers:', '      host|\n      containers:'));
    assert.ok(spec.some((e) => e.label === 'hostNetwork'));
    assert.ok(!spec.some((e) => e.label === 'containers'));
  });

  it('offers enum values with their explanation', () => {
    const entries = completeAt(DEPLOYMENT.replace('imagePullPolicy: IfNotPresent', 'imagePullPolicy: |'));
    assert.deepEqual(entries.map((e) => e.label), ['Always', 'IfNotPresent', 'Never']);
    assert.match(entries[0].documentation!, /kubelet always attempts to pull/);
  });

  it('offers apiVersion/kind pairs in an empty document, and matching kinds and versions', () => {
    const starters = completeAt('|');
    const deployment = starters.find((e) => e.label === 'Deployment (apps/v1)')!;
    assert.equal(deployment.insertText, 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: ');
    const kinds = completeAt('apiVersion: batch/v1\nkind: |\n').map((e) => e.label);
    assert.deepEqual(kinds.sort(), ['CronJob', 'Job']);
    const versions = completeAt('apiVersion: |\nkind: Ingress\n').map((e) => e.label);
    assert.ok(versions.includes('networking.k8s.io/v1'));
  });

  it('works while the document does not parse', () => {
    const entries = completeAt('apiVersion: v1\nkind: Service\nspec:\n  ports: [\n  ty|\n');
    assert.ok(entries.some((e) => e.label === 'type'), entries.map((e) => e.label).join());
  });

  it('completes inside List items', () => {
    const entries = completeAt('apiVersion: v1\nkind: List\nitems:\n  - apiVersion: v1\n    kind: Pod\n    spec:\n      |\n');
    assert.ok(entries.some((e) => e.label === 'containers'));
  });

  it('stays empty inside block scalars', () => {
    assert.deepEqual(completeAt('apiVersion: v1\nkind: ConfigMap\ndata:\n  script: |\n    ech|\n'), []);
  });
});

describe('kustomization.yaml features', () => {
  it('hover and completion work without apiVersion and kind', () => {
    const k = { ...ctx, path: '/repo/kustomization.yaml' };
    const text = 'resources:\n  - app.yaml\nname\n';
    const model = kubernetesLanguage.parse(text, k.path).model;
    assert.match(kubernetesLanguage.hover!(model, { line: 0, character: 2 }, { ...k, text })!.contents, /^\*\*resources\*\* · `list of string`/);
    const labels = kubernetesLanguage.complete!(model, { line: 2, character: 4 }, { ...k, text }).map((e) => e.label);
    assert.ok(labels.includes('namePrefix') && labels.includes('namespace') && !labels.includes('resources'));
  });
});

describe('Kubernetes document symbols', () => {
  it('lists Kind/name per object, with containers as children', () => {
    const text = `${DEPLOYMENT}---\napiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec: {ports: [{port: 80}]}\n`;
    const model = kubernetesLanguage.parse(text, ctx.path).model;
    const symbols = kubernetesLanguage.symbols!(model);
    assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [['Deployment/web', 'apps/v1'], ['Service/web', 'v1']]);
    assert.deepEqual(symbols[0].children!.map((c) => c.name), ['web']);
    assert.deepEqual(symbols[0].selectionRange, { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } });
    assert.equal(symbols[1].range.start.line, 16);
  });
});
