// One invalid and one valid case per rule that the other test files do not cover in depth.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { covered, findingsOf } from '../../helpers';

const K = '/repo/objects.yaml';

const podWith = (container: string, spec = '') => `apiVersion: v1
kind: Pod
metadata: {name: p}
spec:
${spec}  containers:
    - name: app
      image: nginx:1.27
${container.replace(/^/gm, '      ')}
`;

interface Case {
  rule: string;
  bad: string;
  /** The text each finding covers, in order. */
  covers: string[];
  good: string;
}

const role = (rules: string, kind = 'ClusterRole', name = 'r') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: "${name}"}
rules:
${rules}
`;
const binding = (kind: string, roleKind: string, roleName: string, name = 'b') => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${roleName}}
subjects: [{kind: User, name: u}]
`;

const CASES: Case[] = [
  {
    rule: 'kubernetes/rbac-pod-exec-attach',
    bad: role('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [create]'),
    covers: ['resources'],
    good: role('  - apiGroups: [""]\n    resources: [pods/exec]\n    verbs: [list]'),
  },
  {
    rule: 'kubernetes/rbac-binding-cluster-admin',
    bad: binding('ClusterRoleBinding', 'ClusterRole', 'cluster-admin'),
    covers: ['cluster-admin'],
    good: binding('ClusterRoleBinding', 'ClusterRole', 'view'),
  },
  {
    rule: 'kubernetes/rbac-binding-exec-attach',
    bad: `${role('  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: [get]', 'Role', 'shell')}---\n${binding('RoleBinding', 'Role', 'shell')}`,
    covers: ['shell'],
    good: `${role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]', 'Role', 'shell')}---\n${binding('RoleBinding', 'Role', 'shell')}`,
  },
  {
    rule: 'kubernetes/pdb-no-disruptions',
    bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\nspec:\n  maxUnavailable: 0\n',
    covers: ['0'],
    good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\nspec:\n  maxUnavailable: 1\n',
  },
  {
    rule: 'kubernetes/hpa-replicas',
    bad: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  minReplicas: 1\n  maxReplicas: 1\n',
    covers: ['1', '1'],
    good: 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n  minReplicas: 2\n  maxReplicas: 6\n',
  },
  {
    rule: 'kubernetes/sensitive-configmap',
    bad: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  DB_PASSWORD: hunter2\n  mode: prod\n',
    covers: ['DB_PASSWORD'],
    good: 'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: c}\ndata:\n  mode: prod\n',
  },
  {
    rule: 'kubernetes/ingress-tls',
    bad: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  rules: []\n',
    covers: ['spec'],
    good: 'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: i}\nspec:\n  tls: [{hosts: [a.example], secretName: t}]\n',
  },
  { rule: 'kubernetes/ssh-port', bad: podWith('ports: [{containerPort: 22}]'), covers: ['22'], good: podWith('ports: [{containerPort: 22, protocol: UDP}]') },
  { rule: 'kubernetes/duplicate-env-var', bad: podWith('env: [{name: A, value: "1"}, {name: A, value: "2"}]'), covers: ['A'], good: podWith('env: [{name: A, value: "1"}]') },
  { rule: 'kubernetes/privileged-ports', bad: podWith('ports: [{containerPort: 80}]'), covers: ['80'], good: podWith('ports: [{containerPort: 8080}]') },
  {
    rule: 'kubernetes/secret-env-ref',
    bad: podWith('env: [{name: T, valueFrom: {secretKeyRef: {name: s, key: k}}}]'),
    covers: ['secretKeyRef'],
    good: podWith('env: [{name: T, valueFrom: {configMapKeyRef: {name: s, key: k}}}]'),
  },
  { rule: 'kubernetes/restart-policy', bad: podWith('', '  restartPolicy: Never\n'), covers: ['Never'], good: podWith('', '  restartPolicy: OnFailure\n') },
  { rule: 'kubernetes/image-pull-policy', bad: podWith('imagePullPolicy: IfNotPresent'), covers: ['IfNotPresent'], good: podWith('imagePullPolicy: Always') },
  { rule: 'kubernetes/image-digest', bad: podWith(''), covers: ['nginx:1.27'], good: podWith('').replace('nginx:1.27', 'nginx:1.27@sha256:0123') },
  { rule: 'kubernetes/priority-class', bad: podWith(''), covers: ['spec'], good: podWith('', '  priorityClassName: high\n') },
  {
    rule: 'kubernetes/writable-host-mount',
    bad: podWith('volumeMounts: [{name: h, mountPath: /h}]', '  volumes: [{name: h, hostPath: {path: /srv}}]\n'),
    covers: ['h'],
    good: podWith('volumeMounts: [{name: h, mountPath: /h, readOnly: true}]', '  volumes: [{name: h, hostPath: {path: /srv}}]\n'),
  },
  {
    rule: 'kubernetes/exposed-service',
    bad: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: NodePort\n',
    covers: ['NodePort'],
    good: 'apiVersion: v1\nkind: Service\nmetadata: {name: s}\nspec:\n  type: ClusterIP\n',
  },
  { rule: 'kubernetes/rbac-wildcard', bad: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: ["*"]'), covers: ['"*"'], good: role('  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]') },
  {
    rule: 'kubernetes/job-ttl',
    bad: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  template: {spec: {containers: []}}\n',
    covers: ['spec'],
    good: 'apiVersion: batch/v1\nkind: Job\nmetadata: {name: j}\nspec:\n  ttlSecondsAfterFinished: 600\n  template: {spec: {containers: []}}\n',
  },
  {
    rule: 'kubernetes/rolling-update',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  strategy: {type: Recreate}\n',
    covers: ['Recreate'],
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  strategy: {type: RollingUpdate}\n',
  },
  {
    rule: 'kubernetes/replicas',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 1\n',
    covers: ['1'],
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 3\n',
  },
  {
    rule: 'kubernetes/anti-affinity',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 2\n  template:\n    spec:\n      containers: []\n',
    covers: ['spec'],
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: 2\n  template:\n    spec:\n      affinity:\n        podAntiAffinity:\n          preferredDuringSchedulingIgnoredDuringExecution:\n            - weight: 1\n              podAffinityTerm: {topologyKey: kubernetes.io/hostname}\n      containers: []\n',
  },
  {
    rule: 'kubernetes/topology-spread',
    bad: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      containers: []\n',
    covers: ['spec'],
    good: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  template:\n    spec:\n      topologySpreadConstraints: [{maxSkew: 1, topologyKey: zone, whenUnsatisfiable: ScheduleAnyway}]\n      containers: []\n',
  },
  {
    rule: 'kubernetes/pdb-unhealthy-eviction-policy',
    bad: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\nspec:\n  maxUnavailable: 1\n',
    covers: ['spec'],
    good: 'apiVersion: policy/v1\nkind: PodDisruptionBudget\nmetadata: {name: x}\nspec:\n  maxUnavailable: 1\n  unhealthyPodEvictionPolicy: AlwaysAllow\n',
  },
  {
    rule: 'kubernetes/instance-label',
    bad: podWith('').replace('metadata: {name: p}', 'metadata: {name: p, labels: {app.kubernetes.io/instance: q}}'),
    covers: ['q'],
    good: podWith('').replace('metadata: {name: p}', 'metadata: {name: p, labels: {app.kubernetes.io/instance: p}}'),
  },
  {
    rule: 'kubernetes/default-namespace',
    bad: podWith('').replace('metadata: {name: p}', 'metadata: {name: p, namespace: default}'),
    covers: ['default'],
    good: podWith('').replace('metadata: {name: p}', 'metadata: {name: p, namespace: shop}'),
  },
  {
    rule: 'kubernetes/automount-service-account-token',
    bad: podWith('', '  automountServiceAccountToken: true\n'),
    covers: ['true'],
    good: `${podWith('', '  serviceAccountName: quiet\n')}---\napiVersion: v1\nkind: ServiceAccount\nmetadata: {name: quiet}\nautomountServiceAccountToken: false\n`,
  },
];

describe('rule cases', () => {
  for (const c of CASES) {
    it(`${c.rule}: reports the bad case, not the good one`, () => {
      const bad = findingsOf(K, c.bad, c.rule);
      assert.deepEqual(bad.map((f) => covered(c.bad, f)), c.covers);
      assert.ok(bad.every((f) => f.message.length > 10));
      assert.deepEqual(findingsOf(K, c.good, c.rule).map((f) => f.message), []);
    });
  }

  it('automountServiceAccountToken fix inserts the field into the pod spec', () => {
    const text = podWith('');
    const f = findingsOf(K, text, 'kubernetes/automount-service-account-token')[0];
    assert.equal(f.fixes[0].title, 'Set automountServiceAccountToken: false');
    assert.equal(f.fixes[0].safe, false);
  });
});
