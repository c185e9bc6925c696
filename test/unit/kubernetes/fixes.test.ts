import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parse } from 'yaml';
import { applyEdits } from '../../../server/src/engine/text';
import { findingsOf, fixOnce } from '../../helpers';

const K = '/repo/app.yaml';

/** Applies the fix with the given title of the first finding of a rule. */
function applyFix(text: string, ruleId: string, title: RegExp, config = {}): string {
  const f = findingsOf(K, text, ruleId, { config })[0];
  assert.ok(f, `no ${ruleId} finding`);
  const fix = f.fixes.find((x) => title.test(x.title));
  assert.ok(fix, `no fix matching ${title} among ${f.fixes.map((x) => x.title)}`);
  return applyEdits(text, fix.edits).text;
}

const FOUR_FLUSH = `apiVersion: apps/v1
kind: Deployment
metadata:
    name: web
spec:
    template:
        spec:
            containers:
            - name: web  # the web server
              image: nginx:1.27
              securityContext:
                  # keep the default drops
                  capabilities:
                      drop:
                      - NET_RAW
`;

const TWO_INDENTED = `apiVersion: v1
kind: Pod
metadata:
  name: other
spec:
  containers:
    - name: other
      image: nginx:1.27
---
apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
    - name: app
      image: "nginx:1.27"
      securityContext: {runAsUser: 10}
`;

describe('container securityContext fixes', () => {
  it('merge into an existing block securityContext (4 spaces, flush sequences) without duplicating keys', () => {
    const dropped = applyFix(FOUR_FLUSH, 'kubernetes/capabilities-drop-all', /Drop ALL/);
    assert.equal(dropped, FOUR_FLUSH.replace('                      - NET_RAW\n', '                      - NET_RAW\n                      - ALL\n'));
    const hardened = applyFix(FOUR_FLUSH, 'kubernetes/linux-hardening', /Harden/);
    assert.equal(
      hardened,
      `${dropped}                  allowPrivilegeEscalation: false
                  readOnlyRootFilesystem: true
                  runAsNonRoot: true
                  seccompProfile:
                      type: RuntimeDefault
`,
    );
    assert.deepEqual(findingsOf(K, hardened, 'kubernetes/linux-hardening'), []);
  });

  it('is idempotent: once applied, the finding and the fix are gone', () => {
    const once = fixOnce(K, FOUR_FLUSH, 'kubernetes/allow-privilege-escalation');
    assert.deepEqual(findingsOf(K, once, 'kubernetes/allow-privilege-escalation'), []);
    assert.equal(
      once,
      `${FOUR_FLUSH}                  allowPrivilegeEscalation: false
`,
    );
  });

  it('replaces an explicit wrong value in place', () => {
    const text = FOUR_FLUSH.replace('              securityContext:\n', '              securityContext:\n                  allowPrivilegeEscalation: true\n');
    const fixed = fixOnce(K, text, 'kubernetes/allow-privilege-escalation');
    assert.equal(fixed, text.replace('allowPrivilegeEscalation: true', 'allowPrivilegeEscalation: false'));
  });

  it('extends a flow securityContext in the second document (2 spaces, indented sequences)', () => {
    const fixed = applyFix(TWO_INDENTED, 'kubernetes/allow-privilege-escalation', /allowPrivilegeEscalation/);
    assert.ok(fixed.startsWith(TWO_INDENTED.slice(0, TWO_INDENTED.indexOf('---'))));
    const p = findingsOf(K, TWO_INDENTED, 'kubernetes/allow-privilege-escalation').find((f) => f.range.start.line > 9)!;
    const second = applyEdits(TWO_INDENTED, p.fixes[0].edits).text;
    assert.equal(second, TWO_INDENTED.replace('{runAsUser: 10}', '{runAsUser: 10, allowPrivilegeEscalation: false}'));
    assert.deepEqual(parse(second.split('---\n')[1]).spec.containers[0].securityContext, { runAsUser: 10, allowPrivilegeEscalation: false });
  });

  it('creates the securityContext when the container has none (2 spaces, indented sequences)', () => {
    const fixed = applyFix(TWO_INDENTED, 'kubernetes/capabilities-drop-all', /Drop ALL/);
    assert.equal(
      fixed,
      TWO_INDENTED.replace(
        '      image: nginx:1.27\n---',
        `      image: nginx:1.27
      securityContext:
        capabilities:
          drop:
            - ALL
---`,
      ),
    );
  });

  it('pod securityContext: runAsNonRoot, runAsUser 1000 and fsGroup, keeping what is set', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  securityContext:
    fsGroup: 2000
  containers:
    - name: app
      image: nginx:1.27
`;
    const fixed = applyFix(text, 'kubernetes/run-as-non-root', /Run the pod as user 1000/);
    assert.equal(fixed, text.replace('    fsGroup: 2000\n', '    fsGroup: 2000\n    runAsNonRoot: true\n    runAsUser: 1000\n'));
    assert.deepEqual(findingsOf(K, fixed, 'kubernetes/run-as-non-root'), []);
  });
});

describe('empty securityContext', () => {
  it('fills `securityContext:` with no value as a nested block', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
  - name: a
    image: x:1
    securityContext:
`;
    assert.equal(fixOnce(K, text, 'kubernetes/allow-privilege-escalation'), `${text}      allowPrivilegeEscalation: false\n`);
  });
});

describe('resources fix', () => {
  it('adds requests and limits with the defaults, in the file style', () => {
    const fixed = applyFix(FOUR_FLUSH, 'kubernetes/resources', /requests and limits/);
    assert.equal(
      fixed,
      `${FOUR_FLUSH}              resources:
                  requests:
                      cpu: 100m
                      memory: 256Mi
                  limits:
                      cpu: 500m
                      memory: 512Mi
`,
    );
    assert.deepEqual(findingsOf(K, fixed, 'kubernetes/resources'), []);
  });

  it('adds only what is missing, with kubernetes.defaultResources', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: {memory: 1Gi}
`;
    const fixed = applyFix(text, 'kubernetes/resources', /requests and limits/, { domains: { kubernetes: { defaultResources: { requests: { cpu: '50m' } } } } });
    assert.equal(
      fixed,
      `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  containers:
    - name: app
      image: nginx:1.27
      resources:
        limits: {memory: 1Gi, cpu: 500m}
        requests:
          cpu: 50m
          memory: 256Mi
`,
    );
    const f = findingsOf(K, text, 'kubernetes/resources')[0];
    assert.equal(f.message, 'Container "app" has no CPU request, CPU limit or memory request.');
    assert.deepEqual(f.aliases, ['kube-linter/unset-cpu-requirements', 'polaris/cpuRequestsMissing', 'polaris/cpuLimitsMissing', 'polaris/memoryRequestsMissing']);
  });
});

describe('probe fix', () => {
  it('uses tcpSocket for a port that does not speak HTTP', () => {
    const text = `apiVersion: apps/v1
kind: StatefulSet
metadata: {name: db}
spec:
  template:
    spec:
      containers:
        - name: db
          image: postgres:16
          ports:
            - {name: postgres, containerPort: 5432}
`;
    const fixed = fixOnce(K, text, 'kubernetes/liveness-probe');
    assert.equal(
      fixed,
      `${text}          livenessProbe:
            tcpSocket:
              port: postgres
            initialDelaySeconds: 10
            periodSeconds: 10
          readinessProbe:
            tcpSocket:
              port: postgres
            initialDelaySeconds: 5
            periodSeconds: 5
`,
    );
  });
});

describe('probe fix port', () => {
  const deployment = (ports: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: web}
spec:
  template:
    spec:
      containers:
        - name: web
          image: nginx:1.27
          ports:
${ports}`;
  const probes = (port: string) => `          livenessProbe:
            httpGet:
              path: /health
              port: ${port}
            initialDelaySeconds: 10
            periodSeconds: 10
          readinessProbe:
            httpGet:
              path: /ready
              port: ${port}
            initialDelaySeconds: 5
            periodSeconds: 5
`;

  it('names the port when its name is a valid port name', () => {
    const text = deployment('            - {name: http, containerPort: 8080}\n');
    assert.equal(fixOnce(K, text, 'kubernetes/readiness-probe'), text + probes('http'));
  });

  it('uses the port number when the name is not a valid port name (too long, uppercase)', () => {
    for (const name of ['my-very-long-port-name', 'HTTP']) {
      const text = deployment(`            - {name: ${name}, containerPort: 8080}\n`);
      const [f] = findingsOf(K, text, 'kubernetes/liveness-probe');
      assert.equal(f.fixes[0].title, 'Add livenessProbe and readinessProbe (httpGet on port 8080)');
      const fixed = fixOnce(K, text, 'kubernetes/liveness-probe');
      assert.equal(fixed, text + probes('8080'));
      assert.deepEqual(findingsOf(K, fixed, 'kubernetes/liveness-probe'), []);
    }
  });

  it('skips a port with neither a valid name nor a valid number', () => {
    const text = deployment('            - {name: Bad_Name, containerPort: 0}\n            - {containerPort: 9090}\n');
    assert.equal(fixOnce(K, text, 'kubernetes/liveness-probe'), text + probes('9090'));
  });
});

describe('host namespace and hostPort fixes', () => {
  it('remove the key, keeping the other lines and comments', () => {
    const text = `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
  hostNetwork: true  # needed?
  # the app
  containers:
    - name: app
      image: nginx:1.27
      ports:
        - containerPort: 80
          hostPort: 80
`;
    const f = findingsOf(K, text, 'kubernetes/host-namespaces')[0];
    assert.equal(applyEdits(text, f.fixes[0].edits).text, text.replace('  hostNetwork: true  # needed?\n', ''));
    const port = findingsOf(K, text, 'kubernetes/host-port')[0];
    assert.equal(applyEdits(text, port.fixes[0].edits).text, text.replace('\n          hostPort: 80', ''));
  });
});

describe('selector/labels fix', () => {
  it('adds the selector labels to the pod template', () => {
    const text = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  selector:
    matchLabels:
      app: web
      tier: front
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;
    const fixed = fixOnce(K, text, 'kubernetes/selector-mismatch');
    assert.equal(fixed, text.replace('        app: web\n    spec', '        app: web\n        tier: front\n    spec'));
    assert.deepEqual(findingsOf(K, fixed, 'kubernetes/selector-mismatch'), []);
  });
});

describe('container securityContext fixes are built on first use', () => {
  const desiredCases: Array<Record<string, unknown>> = [
    { runAsNonRoot: true },
    { privileged: false },
    { readOnlyRootFilesystem: true },
    { allowPrivilegeEscalation: false },
    { capabilities: { drop: ['ALL'] } },
    { seccompProfile: { type: 'RuntimeDefault' } },
    { securityContext: { runAsNonRoot: true, capabilities: { drop: ['ALL'] } } },
  ];
  const maps = [
    'name: a',
    'securityContext:',
    'securityContext: ~',
    'securityContext: {}',
    'securityContext: {runAsNonRoot: true}',
    'securityContext: {runAsNonRoot: false, privileged: true}',
    'securityContext:\n  runAsNonRoot: "true"\n  privileged: false',
    'securityContext:\n  capabilities:\n    drop: [ALL]',
    'securityContext:\n  capabilities:\n    drop:\n    - NET_RAW',
    'securityContext:\n  capabilities:\n    drop: ALL',
    'securityContext:\n  capabilities:',
    'securityContext:\n  capabilities: {add: [NET_ADMIN]}',
    'securityContext:\n  seccompProfile:\n    type: Localhost',
    'securityContext:\n  seccompProfile:\n    type: RuntimeDefault\n  readOnlyRootFilesystem: true\n  allowPrivilegeEscalation: false',
    'securityContext: restricted',
    'securityContext: [a]',
  ];

  it('mergeChanges says whether mergeIntoMap gives edits, for every shape of map and wanted value', async () => {
    const { mergeChanges } = await import('../../../server/src/kubernetes/fixes');
    const { mergeIntoMap, isMap } = await import('../../../server/src/yaml/yaml');
    const { LineIndex } = await import('../../../server/src/engine/text');
    const { parseDocument } = await import('yaml');
    for (const body of maps) {
      const text = `name: web\n${body}\n`;
      const doc = parseDocument(text);
      const targets = [doc.contents, (doc.contents as { get(k: string): unknown }).get('securityContext')].filter(isMap);
      for (const map of targets) {
        for (const desired of desiredCases) {
          const edits = mergeIntoMap(new LineIndex(text), map, desired);
          assert.equal(mergeChanges(map, desired), edits.length > 0, `${JSON.stringify(body)} ← ${JSON.stringify(desired)}`);
        }
      }
    }
  });

  it('gives the same fix as building it at once, and none when the container already complies', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
  containers:
  - name: a
    image: nginx:1.27
  - name: b
    image: nginx:1.27
    securityContext:
      allowPrivilegeEscalation: false
      capabilities:
        drop: [NET_RAW]
`;
    const fixed = applyFix(text, 'kubernetes/capabilities-drop-all', /Drop ALL/);
    assert.match(fixed, /- name: a\n {4}image: nginx:1.27\n {4}securityContext:\n {6}capabilities:\n {8}drop:\n {8}- ALL\n/);
    const escalation = findingsOf(K, text, 'kubernetes/allow-privilege-escalation');
    assert.equal(escalation.length, 1, 'only the container without the setting');
    assert.equal(escalation[0].fixes.length, 1);
    assert.deepEqual(escalation[0].fixes[0].edits, escalation[0].fixes[0].edits, 'the same edits on every read');
    assert.equal(applyEdits(text, escalation[0].fixes[0].edits).text.match(/allowPrivilegeEscalation: false/g)?.length, 2);
  });
});
