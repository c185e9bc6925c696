import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { MemoryProjectIndex } from '../../../server/src/engine/project';
import type { Finding, Parsed, ProjectIndex } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { kubernetesLanguage } from '../../../server/src/kubernetes/language';
import { engine } from '../../helpers';

const config = mergeConfig(DEFAULT_CONFIG, { allRules: true });

const deployment = (name: string, app: string, ns = 'shop') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  replicas: 2
  selector:
    matchLabels: {app: ${app}}
  template:
    metadata:
      labels: {app: ${app}, tier: web}
    spec:
      serviceAccountName: ${name}
      containers:
        - name: main
          image: nginx:1.27
          ports:
            - {name: http, containerPort: 8080}
          envFrom:
            - configMapRef: {name: ${name}-config}
`;
const service = (name: string, app: string, ns = 'shop') => `apiVersion: v1
kind: Service
metadata:
  name: ${name}
  namespace: ${ns}
spec:
  selector: {app: ${app}, tier: web}
  ports:
    - {name: http, port: 80, targetPort: http}
`;
const extras = `apiVersion: v1
kind: ConfigMap
metadata:
  name: web-config
  namespace: shop
data: {a: "1"}
---
apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web
  namespace: shop
spec:
  minAvailable: 1
  selector:
    matchLabels: {app: web}
---
apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web
  namespace: shop
spec:
  defaultBackend:
    service: {name: web, port: {name: http}}
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: web
  namespace: shop
roleRef: {kind: Role, name: web, apiGroup: rbac.authorization.k8s.io}
subjects:
  - {kind: ServiceAccount, name: web, namespace: shop}
`;

function summarize(path: string, text: string): unknown {
  return kubernetesLanguage.summarize!(kubernetesLanguage.parse(text, path).model, path);
}

/** An index without caching or ordering guarantees: a fresh, unsorted list on every call. */
function plainIndex(files: Record<string, string>): ProjectIndex {
  return { summaries: (kind) => (kind === 'kubernetes' ? Object.entries(files).reverse().map(([path, text]) => ({ path, summary: summarize(path, text) })) : []) };
}

function memoryIndex(files: Record<string, string>): MemoryProjectIndex {
  const index = new MemoryProjectIndex();
  for (const [path, text] of Object.entries(files)) index.set(path, 'kubernetes', summarize(path, text));
  return index;
}

const view = (findings: Finding[]) => findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId} ${f.message}`);

function lint(files: Record<string, string>, path: string, project: ProjectIndex, parsed?: Parsed<unknown>) {
  return engine.lint({ path, text: files[path], kind: 'kubernetes', config, workspace: memoryWorkspace(files), project, parsed });
}

describe('cross-file Kubernetes lookups cached per index state', () => {
  const files: Record<string, string> = {
    '/r/a/web.yaml': deployment('web', 'web') + '---\n' + service('web', 'web'),
    '/r/b/api.yaml': deployment('api', 'api') + '---\n' + service('api', 'apii'),
    '/r/b/extras.yaml': extras,
    // The same objects again in another file: duplicates, and more candidates for every lookup.
    '/r/c/copy.yaml': deployment('web', 'web') + '---\n' + service('api', 'api', 'other'),
    '/r/d/lone.yaml': service('lone', 'nothing'),
  };

  it('gives the same findings as an uncached, unsorted index, for every file', () => {
    const cached = memoryIndex(files);
    for (const path of Object.keys(files)) {
      assert.deepEqual(view(lint(files, path, cached).findings), view(lint(files, path, plainIndex(files)).findings), path);
    }
    // Sanity: the cross-file rules did fire somewhere.
    const all = Object.keys(files).flatMap((p) => lint(files, p, cached).findings.map((f) => f.ruleId));
    for (const id of ['kubernetes/duplicate-object', 'kubernetes/service-selector']) assert.ok(all.includes(id), id);
  });

  it('sees an index change made after a lint (the cached lookups are rebuilt)', () => {
    const index = memoryIndex(files);
    const path = '/r/d/lone.yaml';
    const parsed = kubernetesLanguage.parse(files[path], path);
    const selector = (project: ProjectIndex) => lint(files, path, project, parsed).findings.filter((f) => f.ruleId === 'kubernetes/service-selector');
    assert.equal(selector(index).length, 1);
    // A workload whose pods the Service selects appears in another file: the finding goes away.
    const generation = index.generation;
    const more = { ...files, '/r/e/nothing.yaml': deployment('nothing', 'nothing') };
    index.set('/r/e/nothing.yaml', 'kubernetes', summarize('/r/e/nothing.yaml', more['/r/e/nothing.yaml']));
    assert.ok(index.generation > generation);
    assert.deepEqual(selector(index), []);
    // ...and comes back when that file is deleted.
    index.delete('/r/e/nothing.yaml');
    assert.equal(selector(index).length, 1);
  });

  it("leaves out the index's stale copy of the linted file and uses its current text", () => {
    const index = memoryIndex(files);
    // The index holds copy.yaml's old text (a Deployment "web" duplicating a.yaml's); its current text renames it.
    const current = { ...files, '/r/c/copy.yaml': deployment('web2', 'web') };
    const dup = lint(current, '/r/c/copy.yaml', index).findings.filter((f) => f.ruleId === 'kubernetes/duplicate-object');
    assert.deepEqual(dup, []);
    const again = lint(files, '/r/c/copy.yaml', index).findings.filter((f) => f.ruleId === 'kubernetes/duplicate-object');
    assert.equal(again.length, 1);
  });
});
