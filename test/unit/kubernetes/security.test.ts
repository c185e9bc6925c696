import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf, lint } from '../../helpers';

const K = '/repo/app.yaml';

const pod = (container: string, spec = '') => `apiVersion: v1
kind: Pod
metadata:
  name: p
spec:
${spec}  containers:
    - name: app
      image: nginx:1.27
${container
  .split('\n')
  .filter(Boolean)
  .map((l) => `      ${l}`)
  .join('\n')}
`;

const HARDENED = `securityContext:
  allowPrivilegeEscalation: false
  readOnlyRootFilesystem: true
  runAsNonRoot: true
  capabilities: {drop: [ALL]}
resources:
  requests: {cpu: 100m, memory: 128Mi}
  limits: {cpu: 200m, memory: 256Mi}`;

describe('production security rules', () => {
  it('a hardened container passes them all', () => {
    const ids = ['allow-privilege-escalation', 'read-only-root-filesystem', 'run-as-non-root', 'capabilities-drop-all', 'resources', 'privileged-container'];
    for (const id of ids) assert.deepEqual(findingsOf(K, pod(HARDENED), `kubernetes/${id}`), [], id);
  });

  it('allowPrivilegeEscalation: unset is Polaris only; explicit true is kube-linter too', () => {
    const unset = findingsOf(K, pod(''), 'kubernetes/allow-privilege-escalation')[0];
    // findingsOf runs --rules all, which holds pods to restricted Pod Security: the pss alias joins.
    assert.deepEqual(unset.aliases, ['polaris/privilegeEscalationAllowed', 'pss/allowPrivilegeEscalation']);
    const baseline = lint(K, pod(''), { config: { rules: { 'kubernetes/allow-privilege-escalation': 'warning' } } }).findings.filter((f) => f.ruleId === 'kubernetes/allow-privilege-escalation');
    assert.deepEqual(baseline.map((f) => f.aliases), [['polaris/privilegeEscalationAllowed']]);
    assert.equal(covered(pod(''), unset), 'app');
    const text = pod('securityContext: {allowPrivilegeEscalation: true}');
    const explicit = findingsOf(K, text, 'kubernetes/allow-privilege-escalation')[0];
    assert.deepEqual(explicit.aliases, ['polaris/privilegeEscalationAllowed', 'kube-linter/privilege-escalation-container', 'pss/allowPrivilegeEscalation']);
    assert.equal(covered(text, explicit), 'true');
  });

  it('runAsNonRoot or a non-zero runAsUser, inherited from the pod, container wins', () => {
    assert.deepEqual(findingsOf(K, pod('', '  securityContext: {runAsUser: 1000}\n'), 'kubernetes/run-as-non-root'), []);
    const overridden = pod('securityContext: {runAsNonRoot: false}', '  securityContext: {runAsNonRoot: true}\n');
    assert.equal(findingsOf(K, overridden, 'kubernetes/run-as-non-root').length, 1);
    const group = pod('securityContext: {runAsUser: 1000, runAsGroup: 0}');
    const g = findingsOf(K, group, 'kubernetes/run-as-non-root')[0];
    assert.deepEqual([covered(group, g), g.aliases], ['0', ['kube-linter/run-as-non-root']]);
  });

  it('capabilities: drop ALL; Polaris accepts its insecure list; kube-linter wants NET_RAW dropped when capabilities are set', () => {
    const list = pod('securityContext:\n  capabilities:\n    drop: [NET_ADMIN, CHOWN, DAC_OVERRIDE, FSETID, FOWNER, MKNOD, NET_RAW, SETGID, SETUID, SETFCAP, SETPCAP, NET_BIND_SERVICE, SYS_CHROOT, KILL, AUDIT_WRITE]');
    assert.deepEqual(findingsOf(K, list, 'kubernetes/capabilities-drop-all')[0].aliases, ['pss/capabilities_restricted']);
    const some = pod('securityContext:\n  capabilities:\n    drop: [CHOWN]');
    assert.deepEqual(findingsOf(K, some, 'kubernetes/capabilities-drop-all')[0].aliases, ['polaris/insecureCapabilities', 'pss/capabilities_restricted', 'kube-linter/drop-net-raw-capability']);
    // Lowercase `all` satisfies Polaris and kube-linter, not the Pod Security admission check (it compares "ALL" exactly).
    assert.deepEqual(findingsOf(K, pod('securityContext: {capabilities: {drop: [all]}}'), 'kubernetes/capabilities-drop-all').map((f) => f.aliases), [['pss/capabilities_restricted']]);
    const added = pod('securityContext: {capabilities: {drop: [ALL], add: [net_admin, NET_RAW]}}');
    assert.deepEqual(
      findingsOf(K, added, 'kubernetes/capabilities-added').map((f) => [covered(added, f), f.aliases]),
      [
        ['net_admin', ['pss/capabilities_baseline', 'pss/capabilities_restricted', 'polaris/dangerousCapabilities']],
        ['NET_RAW', ['pss/capabilities_baseline', 'pss/capabilities_restricted', 'kube-linter/drop-net-raw-capability']],
      ],
    );
  });

  it('resources: one finding per container naming what is missing', () => {
    const text = pod('resources:\n  requests: {cpu: 100m}\n  limits: {cpu: 1}');
    const f = findingsOf(K, text, 'kubernetes/resources')[0];
    assert.equal(f.message, 'Container "app" has no memory request or memory limit.');
    assert.equal(covered(text, f), 'resources');
    assert.deepEqual(f.aliases, ['polaris/memoryRequestsMissing', 'kube-linter/unset-memory-requirements', 'polaris/memoryLimitsMissing']);
  });

  it('hostPath: sensitive paths and the Docker socket are errors with the kube-linter codes', () => {
    const text = pod('', '  volumes:\n    - {name: a, hostPath: {path: /etc/}}\n    - {name: b, hostPath: {path: /var/run/docker.sock}}\n    - {name: c, hostPath: {path: /data}}\n');
    const found = findingsOf(K, text, 'kubernetes/host-path');
    assert.deepEqual(
      found.map((f) => [covered(text, f), f.severity, f.aliases.filter((a) => a.startsWith('kube-linter'))]),
      [
        ['/etc/', 'error', ['kube-linter/sensitive-host-mounts']],
        ['/var/run/docker.sock', 'error', ['kube-linter/docker-sock']],
        ['/data', 'warning', []],
      ],
    );
  });

  it('Secrets in env literals, not valueFrom', () => {
    const text = pod('env:\n  - {name: DB_PASSWORD, value: hunter2}\n  - {name: API_SECRET, valueFrom: {secretKeyRef: {name: s, key: k}}}\n  - {name: MODE, value: prod}');
    const found = findingsOf(K, text, 'kubernetes/secret-in-env');
    assert.deepEqual(found.map((f) => [covered(text, f), f.aliases]), [['hunter2', ['polaris/sensitiveContainerEnvVar']]]);
  });

  it('default service account, and the deprecated serviceAccount field with its rename fix', () => {
    assert.match(findingsOf(K, pod(''), 'kubernetes/default-service-account')[0].message, /sets no serviceAccountName/);
    const text = pod('', '  serviceAccount: web\n');
    const f = findingsOf(K, text, 'kubernetes/deprecated-service-account')[0];
    assert.equal(covered(text, f), 'serviceAccount');
    assert.deepEqual(findingsOf(K, text, 'kubernetes/default-service-account'), []);
  });

  it('rules cover every pod template kind, CronJob included', () => {
    const cron = `apiVersion: batch/v1
kind: CronJob
metadata: {name: c}
spec:
  schedule: "@daily"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
            - name: job
              image: busybox:1.36
              securityContext: {privileged: true}
`;
    const f = findingsOf(K, cron, 'kubernetes/privileged-container');
    assert.deepEqual(f.map((x) => covered(cron, x)), ['true']);
    assert.deepEqual(findingsOf(K, cron, 'kubernetes/liveness-probe'), [], 'no probes for Jobs');
  });

  it('the default profile reports the production rules, opt-in ones stay off', () => {
    const ids = new Set(lint(K, pod('')).findings.map((f) => f.ruleId));
    for (const id of ['allow-privilege-escalation', 'read-only-root-filesystem', 'run-as-non-root', 'capabilities-drop-all', 'resources']) assert.ok(ids.has(`kubernetes/${id}`), id);
    for (const id of ['image-pull-policy', 'priority-class', 'topology-spread', 'linux-hardening']) assert.ok(!ids.has(`kubernetes/${id}`), id);
  });
});

describe('annotation suppressions', () => {
  const deployment = (annotations: string, where: 'object' | 'template') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${where === 'object' ? `  annotations:\n${annotations}` : ''}spec:
  selector: {matchLabels: {app: web}}
  template:
    metadata:
      labels: {app: web}
${where === 'template' ? `      annotations:\n${annotations.trimEnd().replace(/^/gm, '    ')}\n` : ''}    spec:
      containers:
        - name: web
          image: nginx:1.27
          securityContext: {privileged: true}
`;
  const has = (text: string, id: string) => lint(K, text).findings.some((f) => f.ruleId === id);

  for (const where of ['object', 'template'] as const) {
    it(`Polaris exemptions on the ${where} metadata`, () => {
      assert.ok(has(deployment('    polaris.fairwinds.com/other-exempt: "true"\n', where), 'kubernetes/privileged-container'));
      assert.ok(!has(deployment('    polaris.fairwinds.com/runAsPrivileged-exempt: "true"\n', where), 'kubernetes/privileged-container'));
      const all = deployment('    polaris.fairwinds.com/exempt: "true"\n', where);
      assert.ok(!has(all, 'kubernetes/privileged-container'));
      assert.ok(!has(all, 'kubernetes/read-only-root-filesystem'));
      assert.ok(has(all, 'kubernetes/default-service-account'), 'rules without a Polaris code still run');
    });

    it(`kube-linter and kube-score annotations on the ${where} metadata`, () => {
      assert.ok(!has(deployment('    ignore-check.kube-linter.io/privileged-container: "ok"\n', where), 'kubernetes/privileged-container'));
      assert.ok(!has(deployment('    kube-score/ignore: container-security-context-privileged,pod-probes\n', where), 'kubernetes/privileged-container'));
      assert.ok(!has(deployment('    shipshape.dev/ignore: "kubernetes/privileged-container"\n', where), 'kubernetes/privileged-container'));
    });
  }
});
