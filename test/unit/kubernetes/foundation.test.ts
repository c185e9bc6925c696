import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { at, covered, findingsOf, fixOnce, lint } from '../../helpers';

const K = '/repo/deploy.yaml';

const deployment = (container: string, indent = '        ') =>
  `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  template:
    spec:
      containers:
${container
  .split('\n')
  .map((l) => (l ? `${indent}${l}` : l))
  .join('\n')}`;

describe('kubernetes/image-tag (kube-linter/latest-tag)', () => {
  it('reports :latest and untagged images on the image value', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: a
      image: nginx:latest
    - name: b
      image: registry:5000/team/nginx
  initContainers:
    - name: c
      image: "busybox"
`;
    const found = findingsOf(K, text, 'kubernetes/image-tag');
    assert.deepEqual(found.map((f) => covered(text, f)), ['nginx:latest', 'registry:5000/team/nginx', '"busybox"']);
    assert.equal(at(found[0]), '8:14-8:26');
    assert.match(found[1].message, /has no tag/);
    assert.ok(found[0].aliases.includes('kube-linter/latest-tag'));
  });

  it('accepts pinned tags and digests, in every document of the file', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: a}
spec:
  containers: [{name: a, image: "nginx:1.27"}]
---
apiVersion: batch/v1
kind: CronJob
metadata: {name: b}
spec:
  schedule: "* * * * *"
  jobTemplate:
    spec:
      template:
        spec:
          containers:
          - name: b
            image: busybox@sha256:abc
          - name: c
            image: busybox
`;
    const found = findingsOf(K, text, 'kubernetes/image-tag');
    assert.equal(found.length, 1);
    assert.equal(found[0].range.start.line, 19);
  });
});

describe('kubernetes/liveness-probe and readiness-probe', () => {
  const text = deployment(`- name: web
  image: nginx:1.27
  ports:
    - name: http
      containerPort: 8080
`);

  it('reports both missing probes on the container name', () => {
    const live = findingsOf(K, text, 'kubernetes/liveness-probe');
    const ready = findingsOf(K, text, 'kubernetes/readiness-probe');
    assert.equal(live.length, 1);
    assert.equal(ready.length, 1);
    assert.equal(covered(text, live[0]), 'web');
    assert.match(live[0].message, /Container "web" has no livenessProbe/);
    assert.ok(ready[0].aliases.includes('kube-linter/no-readiness-probe'));
  });

  it('does not report Jobs, init containers, or containers with probes', () => {
    const job = `apiVersion: batch/v1
kind: Job
metadata: {name: j}
spec:
  template:
    spec:
      containers: [{name: j, image: "x:1"}]
`;
    assert.deepEqual(findingsOf(K, job, 'kubernetes/liveness-probe'), []);
    const fixed = fixOnce(K, text, 'kubernetes/liveness-probe');
    assert.deepEqual(findingsOf(K, fixed, 'kubernetes/liveness-probe'), []);
    assert.deepEqual(findingsOf(K, fixed, 'kubernetes/readiness-probe'), []);
  });

  it('inserts both probes with the file indentation, after the last key', () => {
    const fixed = fixOnce(K, text, 'kubernetes/liveness-probe');
    assert.equal(
      fixed,
      deployment(`- name: web
  image: nginx:1.27
  ports:
    - name: http
      containerPort: 8080
  livenessProbe:
    httpGet:
      path: /health
      port: http
    initialDelaySeconds: 10
    periodSeconds: 10
  readinessProbe:
    httpGet:
      path: /ready
      port: http
    initialDelaySeconds: 5
    periodSeconds: 5
`),
    );
  });

  it('keeps 4-space indentation, flush sequences and comments', () => {
    const text4 = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web   # the web tier
spec:
    selector: {matchLabels: {app: web}}
    template:
        metadata: {labels: {app: web}}
        spec:
            containers:
            - name: web
              image: nginx:1.27 # pinned
              ports:
              - containerPort: 80
            # sidecars go here
`;
    const fixed = fixOnce(K, text4, 'kubernetes/readiness-probe');
    assert.equal(
      fixed,
      `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web   # the web tier
spec:
    selector: {matchLabels: {app: web}}
    template:
        metadata: {labels: {app: web}}
        spec:
            containers:
            - name: web
              image: nginx:1.27 # pinned
              ports:
              - containerPort: 80
              livenessProbe:
                  httpGet:
                      path: /health
                      port: 80
                  initialDelaySeconds: 10
                  periodSeconds: 10
              readinessProbe:
                  httpGet:
                      path: /ready
                      port: 80
                  initialDelaySeconds: 5
                  periodSeconds: 5
            # sidecars go here
`,
    );
    assert.deepEqual(lint(K, fixed).findings.filter((f) => f.severity === 'error'), []);
    const again = lint(K, fixed).findings.filter((f) => f.ruleId.endsWith('-probe'));
    assert.deepEqual(again, [], 'the fix is idempotent: nothing left to fix');
  });

  it('works in a flow-style container', () => {
    const flow = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - {name: p, image: "x:1", ports: [{containerPort: 9000}]}
`;
    const fixed = fixOnce(K, flow, 'kubernetes/liveness-probe');
    const data = parse(fixed);
    assert.deepEqual(data.spec.containers[0].livenessProbe.httpGet, { path: '/health', port: 9000 });
    assert.deepEqual(data.spec.containers[0].readinessProbe.httpGet, { path: '/ready', port: 9000 });
  });

  it('offers no fix when the container declares no port', () => {
    const f = findingsOf(K, deployment('- name: w\n  image: x:1\n'), 'kubernetes/liveness-probe');
    assert.equal(f.length, 1);
    assert.equal(f[0].fixes.length, 0);
  });
});

describe('kubernetes/syntax', () => {
  it('reports duplicate keys and keeps checking the next document', () => {
    const text = `apiVersion: v1
kind: Pod
kind: Pod
metadata: {name: a}
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  containers: [{name: b, image: nginx}]
`;
    const r = lint(K, text);
    const syntax = r.findings.filter((f) => f.ruleId === 'kubernetes/syntax');
    assert.equal(syntax.length, 1);
    assert.equal(syntax[0].range.start.line, 2);
    assert.ok(r.findings.some((f) => f.ruleId === 'kubernetes/image-tag' && f.range.start.line === 9));
  });
});
