import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { MemoryProjectIndex } from '../../../server/src/engine/project';
import type { ProjectIndex } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { buildModel } from '../../../server/src/kubernetes/model';
import { kubernetesLanguage } from '../../../server/src/kubernetes/language';
import { covered, engine, findingsOf, lint } from '../../helpers';
import { WIDGET_CRD as CRD } from './schema-fixtures';


const WIDGET = `apiVersion: example.com/v1
kind: Widget
metadata: {name: w}
spec:
  size: "3"
  colour: red
  extra: {anything: goes}
`;

describe('Helm templates', () => {
  const chart = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: {{ include "app.fullname" . }}
spec:
  {{- if .Values.replicas }}
  replicas: {{ .Values.replicas }}
  {{- end }}
  template:
    spec:
      containers:
        - name: app
          image: "{{ .Values.image }}"
---
apiVersion: v1
kind: Service
metadata:
  name: "{{ .Release.Name }}"
spec:
  ports: [{port: 80, protocol: tcp}]
`;

  it('skips documents that are not YAML before rendering, says so once, and checks the rest', () => {
    const r = lint('/chart/templates/all.yaml', chart, { config: { allRules: true } });
    const ids = r.findings.map((f) => f.ruleId);
    assert.ok(!ids.includes('kubernetes/syntax'), 'no YAML garbage');
    const info = r.findings.filter((f) => f.ruleId === 'kubernetes/templated-document');
    assert.equal(info.length, 1);
    assert.equal(info[0].severity, 'info');
    assert.equal(covered(chart, info[0]), '{{ include "app.fullname" . }}');
    // The Service parses cleanly: it is checked, but templated values are not.
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'kubernetes/invalid-enum-value').map((f) => covered(chart, f)), ['tcp']);
    assert.ok(!ids.includes('kubernetes/invalid-name'));
    assert.ok(!ids.some((id) => id.endsWith('-probe')), 'the skipped Deployment runs no rule');
  });

  it('leaves the model of plain files untouched', () => {
    const parsed = kubernetesLanguage.parse('apiVersion: v1\nkind: Pod\nmetadata: {name: p}\n', '/x.yaml');
    assert.deepEqual(parsed.model.templatedDocuments, []);
    assert.equal(parsed.model.manifests.length, 1);
  });
});

describe('kustomization.yaml', () => {
  const kustomization = `apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
  - deployment.yaml
  - missing.yaml
  - ../base
  - github.com/org/repo//deploy?ref=v1.2.0
patches:
  - path: patch.yaml
  - path: gone.yaml
configMapGenerator:
  - name: cfg
    files: [app.properties, key=other.properties]
namePrefx: dev-
`;
  const files = {
    '/k/overlay/deployment.yaml': 'x',
    '/k/overlay/patch.yaml': 'x',
    '/k/overlay/app.properties': 'x',
    '/k/base/kustomization.yaml': 'resources: []',
  };

  it('reports missing local files on the entry; remote bases are not checked', () => {
    const path = '/k/overlay/kustomization.yaml';
    const found = findingsOf(path, kustomization, 'kubernetes/kustomize-missing-file', { files });
    assert.deepEqual(found.map((f) => covered(kustomization, f)), ['missing.yaml', 'gone.yaml', 'key=other.properties']);
    assert.equal(found[0].message, '"missing.yaml" does not exist (relative to overlay/).');
  });

  it('validates keys, with or without apiVersion and kind', () => {
    const path = '/k/overlay/kustomization.yaml';
    const [f] = findingsOf(path, kustomization, 'kubernetes/unknown-field', { files });
    assert.equal(covered(kustomization, f), 'namePrefx');
    assert.match(f.message, /did you mean `namePrefix`/);
    const bare = 'resources: [deployment.yaml]\ncommonLabel: {app: x}\n';
    const r = findingsOf(path, bare, 'kubernetes/unknown-field', { files, kind: 'kubernetes' });
    assert.deepEqual(r.map((x) => covered(bare, x)), ['commonLabel']);
  });
});

describe('Kustomize patches', () => {
  const patch = 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  replicas: 3\n  replica: 2\n';

  it('are not checked for required fields, but still for unknown ones', () => {
    const files = { '/k/overlay/kustomization.yaml': 'resources: [../base]\npatches:\n  - path: scale.yaml\n' };
    const r = lint('/k/overlay/scale.yaml', patch, { files, config: { allRules: true } });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'kubernetes/missing-required-field'), []);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'kubernetes/unknown-field').map((f) => covered(patch, f)), ['replica']);
    assert.deepEqual(findingsOf('/k/patches/replicas-patch.yaml', patch, 'kubernetes/missing-required-field'), []);
  });

  it('an object not listed as a patch is checked', () => {
    const files = { '/k/overlay/kustomization.yaml': 'resources: [scale.yaml]\n' };
    assert.equal(findingsOf('/k/overlay/scale.yaml', patch, 'kubernetes/missing-required-field', { files }).length, 1);
  });
});

describe('Argo CD and Flux', () => {
  it('validates Application keys and Rollout pod templates', () => {
    const text = `apiVersion: argoproj.io/v1alpha1
kind: Application
metadata: {name: app, namespace: argocd}
spec:
  project: default
  source: {repoURL: "https://example.com/repo.git", path: deploy, targetRevison: main}
  destination: {server: "https://kubernetes.default.svc", namespace: app}
  syncPolicy: {automated: {prune: true, selfHeal: true}}
---
apiVersion: argoproj.io/v1alpha1
kind: Rollout
metadata: {name: r}
spec:
  strategy: {canary: {steps: [{setWeight: 20}]}}
  template:
    spec:
      containers: [{name: r, image: "r:1", imagePullPolicy: always}]
`;
    const r = lint('/repo/app.yaml', text, { config: { allRules: true } });
    const unknown = r.findings.filter((f) => f.ruleId === 'kubernetes/unknown-field');
    assert.deepEqual(unknown.map((f) => [covered(text, f), f.message]), [['targetRevison', 'Unknown field `targetRevison` in ArgoSource: did you mean `targetRevision`?']]);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'kubernetes/invalid-enum-value').map((f) => covered(text, f)), ['always']);
  });

  it('requires Flux Kustomization spec fields', () => {
    const text = `apiVersion: kustomize.toolkit.fluxcd.io/v1
kind: Kustomization
metadata: {name: apps}
spec:
  interval: 10m
  path: ./apps
  sourceRef: {kind: GitRepository, name: flux-system}
`;
    const [f] = findingsOf('/repo/flux.yaml', text, 'kubernetes/missing-required-field');
    assert.equal(f.message, '`spec` is missing required field `prune` (FluxKustomizationSpec).');
  });
});

describe('CustomResourceDefinitions', () => {
  it('validate custom resources in the same file', () => {
    const text = `${CRD}---\n${WIDGET}`;
    const r = lint('/repo/widget.yaml', text, { config: { allRules: true } });
    const mine = r.findings.filter((f) => ['kubernetes/unknown-field', 'kubernetes/invalid-type'].includes(f.ruleId));
    assert.deepEqual(
      mine.map((f) => [f.ruleId, covered(text, f)]),
      [
        ['kubernetes/invalid-type', '"3"'],
        ['kubernetes/unknown-field', 'colour'],
      ],
    );
    assert.match(mine[1].message, /did you mean `color`/);
  });

  it('come from the project index for other files', () => {
    const summary = kubernetesLanguage.summarize!(buildModel(CRD), '/repo/crd.yaml');
    const project: ProjectIndex = { summaries: () => [{ path: '/repo/crd.yaml', summary }] };
    const r = engine.lint({
      path: '/repo/widget.yaml',
      text: WIDGET,
      config: mergeConfig(DEFAULT_CONFIG, { allRules: true }),
      workspace: memoryWorkspace({}),
      project,
    });
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'kubernetes/unknown-field').map((f) => covered(WIDGET, f)), ['colour']);
  });

  it("from the index leave out the linted file's own (stale) entry, for every file linted against one index state", () => {
    // The index still holds the CRD that widget.yaml defined before its last edit: it no longer counts for widget.yaml
    // itself, but does for every other file.
    const project = new MemoryProjectIndex();
    project.set('/repo/widget.yaml', 'kubernetes', kubernetesLanguage.summarize!(buildModel(CRD), '/repo/widget.yaml'));
    const lintAt = (path: string) =>
      engine
        .lint({ path, text: WIDGET, config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: memoryWorkspace({}), project })
        .findings.filter((f) => f.ruleId === 'kubernetes/unknown-field')
        .map((f) => covered(WIDGET, f));
    assert.deepEqual(lintAt('/repo/widget.yaml'), []);
    assert.deepEqual(lintAt('/repo/other.yaml'), ['colour']);
    assert.deepEqual(lintAt('/repo/widget.yaml'), []);
    assert.deepEqual(lintAt('/repo/third.yaml'), ['colour']);
  });

  it('are summarised compactly for the index (no CEL rules or patterns)', () => {
    const crd = CRD.replace('                size: {type: integer, description: How big the widget is.}', '                size: {type: integer, description: How big the widget is., x-kubernetes-validations: [{rule: self > 0}], pattern: "^x"}');
    const summary = JSON.stringify(kubernetesLanguage.summarize!(buildModel(crd), '/repo/crd.yaml'));
    assert.ok(summary.includes('How big the widget is.'));
    assert.ok(!summary.includes('x-kubernetes-validations') && !summary.includes('pattern'), summary);
  });

  it('a custom resource with no known schema is not an error', () => {
    assert.deepEqual(lint('/repo/widget.yaml', WIDGET).findings.filter((f) => f.severity === 'error'), []);
  });
});

describe('YAML problems in multi-document files', () => {
  it('land on the right document and the others are still checked', () => {
    const text = `apiVersion: v1
kind: ConfigMap
metadata: {name: a}
data:
  key: 1
  key: 2
---
apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers: [{name: p, image: "p:1", imagePullPolicy: sometimes}]
`;
    const r = lint('/repo/multi.yaml', text, { config: { allRules: true } });
    const syntax = r.findings.filter((f) => f.ruleId === 'kubernetes/syntax');
    assert.deepEqual(syntax.map((f) => f.range.start.line), [5]);
    assert.deepEqual(r.findings.filter((f) => f.ruleId === 'kubernetes/invalid-enum-value').map((f) => covered(text, f)), ['sometimes']);
  });
});

describe('Tabs and syntax errors', () => {
  it('are reported on the tab; that document gets no schema noise; the next one is checked', () => {
    const text = 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n\tname: b\n---\napiVersion: v1\nkind: Pod\nmetadata: {name: c}\nspec: {containers: [{name: c, image: "c:1", imagePullPolicy: x}]}\n';
    const r = lint('/repo/tabs.yaml', text, { config: { allRules: true } });
    assert.deepEqual(
      r.findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.range.start.line]),
      [
        ['kubernetes/syntax', 3],
        ['kubernetes/invalid-enum-value', 8],
      ],
    );
  });
});

describe('List documents', () => {
  it('validates each item against its own kind', () => {
    const text = `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: ConfigMap
    metadata: {name: a}
    dta: {k: v}
  - apiVersion: v1
    kind: Service
    metadata: {name: b}
    spec: {ports: [{port: 80}], tpye: ClusterIP}
`;
    const found = findingsOf('/repo/list.yaml', text, 'kubernetes/unknown-field');
    assert.deepEqual(found.map((f) => [covered(text, f), f.message]), [
      ['dta', 'Unknown field `dta` in ConfigMap: did you mean `data`?'],
      ['tpye', 'Unknown field `tpye` in ServiceSpec: did you mean `type`?'],
    ]);
    assert.deepEqual(findingsOf('/repo/list.yaml', text, 'kubernetes/unknown-kind'), []);
  });
});

describe('apiextensions.k8s.io/v1beta1 CustomResourceDefinitions', () => {
  it('supply one schema for every version', () => {
    const text = `apiVersion: apiextensions.k8s.io/v1beta1
kind: CustomResourceDefinition
metadata: {name: gadgets.example.com}
spec:
  group: example.com
  version: v1alpha1
  names: {kind: Gadget, plural: gadgets}
  validation:
    openAPIV3Schema:
      properties:
        spec:
          properties:
            replicas: {type: integer}
---
apiVersion: example.com/v1alpha1
kind: Gadget
metadata: {name: g}
spec: {replica: 2}
`;
    const found = findingsOf('/repo/gadget.yaml', text, 'kubernetes/unknown-field');
    assert.deepEqual(found.map((f) => covered(text, f)), ['replica']);
  });
});
