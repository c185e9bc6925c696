import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { Engine } from '../../../server/src/engine/lint';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import type { Finding } from '../../../server/src/engine/types';
import { createRegistry } from '../../../server/src/languages';
import { mutate, mutationArb, reuseRuns, typed, typingArb } from '../../robustness/inputs';

// Documents of many kinds, several with findings of part-local rules, some related to each other (cross-object rules).
const DOCS = [
  (i: number) => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web-${i}
  labels:
    app: web-${i}
spec:
  replicas: 1
  selector:
    matchLabels:
      app: web-${i}
  template:
    metadata:
      labels:
        app: web-${i}
    spec:
      containers:
        - name: web
          image: nginx:latest
          ports:
            - containerPort: 8080
              name: http
          env:
            - name: PASSWORD
              value: hunter2
            - name: PASSWORD
              value: again
          securityContext:
            privileged: true
`,
  (i: number) => `apiVersion: v1
kind: Service
metadata:
  name: web-${i}
spec:
  type: NodePort
  selector:
    app: web-${i}
  ports:
    - port: 80
      targetPort: http
`,
  (i: number) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: settings-${i}
data:
  api_token: abc
  mode: fast
`,
  (i: number) => `apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: web-${i}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: web-${i}
  minReplicas: 1
  maxReplicas: 3
`,
  (i: number) => `apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: web-${i}
spec:
  minAvailable: 2
  selector:
    matchLabels:
      app: web-${i}
`,
  (i: number) => `apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: debug-${i}
rules:
  - apiGroups: ["*"]
    resources: ["pods/exec", "*"]
    verbs: ["*"]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: debug-${i}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: debug-${i}
subjects:
  - kind: User
    name: someone
`,
  (i: number) => `apiVersion: batch/v1
kind: CronJob
metadata:
  name: nightly-${i}
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          hostNetwork: true
          restartPolicy: Always
          volumes:
            - name: root
              hostPath:
                path: /
          containers:
            - name: job
              image: busybox
              resources:
                limits:
                  memory: 12 GB
              volumeMounts:
                - name: root
                  mountPath: /host
`,
  (i: number) => `apiVersion: apiextensions.k8s.io/v1
kind: CustomResourceDefinition
metadata:
  name: widgets.example.com
spec:
  group: example.com
  names:
    kind: Widget
    plural: widgets
  scope: Namespaced
  versions:
    - name: v1
      served: true
      storage: true
      schema:
        openAPIV3Schema:
          type: object
          properties:
            spec:
              type: object
              properties:
                size:
                  type: integer
---
apiVersion: example.com/v1
kind: Widget
metadata:
  name: widget-${i}
spec:
  size: large
  colour: red
`,
  (i: number) => `apiVersion: v1
kind: List
items:
  - apiVersion: v1
    kind: Pod
    metadata:
      name: pod-${i}
    spec:
      containers:
        - name: c
          image: redis
          imagePullPolicy: Sometimes
  - apiVersion: v1
    kind: Secret
    metadata:
      name: s-${i}
    stringData:
      key: value
`,
  (i: number) => `apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: web-${i}
  annotations:
    kube-linter.io/ignore-all: "true"
spec:
  rules:
    - http:
        paths:
          - path: /
            pathType: Prefix
            backend:
              service:
                name: missing-${i}
                port:
                  number: 80
`,
  (i: number) => `apiVersion: v1
kind: ConfigMap
metadata:
  name: {{ .Values.name }}-${i}
data:
  x: {{ .Values.x
`,
];

function manifest(count: number): string {
  const docs: string[] = ['# a multi-document manifest\n'];
  // Objects of one group (web-0's Deployment, Service, HPA, PDB...) refer to each other.
  for (let i = 0; i < count; i++) docs.push(`---\n${DOCS[i % DOCS.length](Math.floor(i / DOCS.length))}`);
  return docs.join('');
}

const registry = createRegistry();
const config = mergeConfig(DEFAULT_CONFIG, { profile: 'all' });
const workspace = memoryWorkspace({});
const PATH = '/ws/deploy/all.yaml';

function lintWith(engine: Engine, text: string, reuseFindings: boolean): Finding[] {
  return engine.lint({ path: PATH, text, kind: 'kubernetes', config, workspace, reuseFindings }).findings;
}

/** One editing session: every version linted with reuse must equal a fresh lint of the same text. */
function session(versions: string[]): void {
  const reusing = new Engine(registry);
  for (const [n, text] of versions.entries()) {
    const fresh = lintWith(new Engine(registry), text, false);
    assert.deepEqual(lintWith(reusing, text, true), fresh, `version ${n}`);
  }
}

const typing = typingArb(['x', ' ', '\n', '-', ':', '#', '---\n', '"', '{{', '  ']);

describe('finding reuse across versions (Kubernetes, per document)', () => {
  const small = manifest(12);
  const large = manifest(60); // above the size where documents are parsed one by one

  it('finds the same as a fresh lint, for unchanged and edited versions', () => {
    assert.ok(large.length > 16 * 1024);
    const at = large.indexOf('name: settings-2') + 'name: settings-2'.length;
    const edited = large.slice(0, at) + 'x' + large.slice(at);
    const deleted = large.slice(0, large.indexOf('---\napiVersion: v1\nkind: Service', at));
    session([large, large, edited, large, edited + '\n---\n' + DOCS[0](99), deleted, large]);
    // Edits in one document that change findings of cross-object rules in others.
    const docAt = (text: string, needle: string) => {
      const start = text.lastIndexOf('---\n', text.indexOf(needle));
      const end = text.indexOf('---\n', start + 4);
      return [start, end < 0 ? text.length : end];
    };
    const [ds, de] = docAt(large, 'kind: Deployment\nmetadata:\n  name: web-2\n');
    const relabelled = large.slice(0, ds) + large.slice(ds, de).replaceAll('app: web-2', 'app: web-2x') + large.slice(de);
    const [rs, re] = docAt(large, 'kind: Role\nmetadata:\n  name: debug-3\n');
    const roleless = large.slice(0, rs) + large.slice(re);
    const duplicated = large.slice(0, ds) + large.slice(ds, de) + large.slice(ds);
    session([large, relabelled, large, roleless, large, duplicated, relabelled, large]);
    const findings = lintWith(new Engine(registry), large, false);
    assert.ok(findings.length > 100 && new Set(findings.map((f) => f.ruleId)).size > 15, 'the manifest has findings of many rules');
  });

  it('re-runs part-local rules only on changed documents (their findings move with the document)', () => {
    const engine = new Engine(registry);
    const before = lintWith(engine, large, true);
    const after = lintWith(engine, '# one more line\n' + large, true);
    assert.deepEqual(
      after.map((f) => `${f.ruleId}@${f.range.start.line}`),
      before.map((f) => `${f.ruleId}@${f.range.start.line + 1}`),
    );
  });

  it('after a change of configuration or indentation style, nothing stale is reused', () => {
    const engine = new Engine(registry);
    lintWith(engine, large, true);
    const strict = mergeConfig(DEFAULT_CONFIG, { profile: 'strict', rules: { 'kubernetes/image-tag': 'off' } });
    const lint = (cfg: typeof config, text: string, reuse: boolean, e = engine) => e.lint({ path: PATH, text, kind: 'kubernetes', config: cfg, workspace, reuseFindings: reuse }).findings;
    assert.deepEqual(lint(strict, large, true), lint(strict, large, false, new Engine(registry)));
    const wide = large.replace(/^( +)/gm, '$1$1');
    session([large, wide, large]);
  });

  for (const [name, base, normalRuns] of [['small', small, 12], ['large', large, 6]] as const) {
    it(`equals a fresh lint through random typing (${name} file)`, () => {
      fc.assert(
        fc.property(typing, (edits) => session([base, ...typed(base, edits)])),
        { seed: 11, numRuns: reuseRuns(normalRuns) },
      );
    });
  }

  it('equals a fresh lint through random mutations', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (mutations) => {
        const versions = [large];
        for (let k = 1; k <= mutations.length; k++) versions.push(mutate(large, mutations.slice(0, k)));
        session(versions);
      }),
      { seed: 5, numRuns: reuseRuns(6) },
    );
  });
});
