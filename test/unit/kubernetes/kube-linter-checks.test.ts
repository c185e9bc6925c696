// The rules added for kube-linter's opt-in checks: one bad and one good case each (rule, range, message), plus the
// aliases other rules gained and annotation pragmas matching a finding by the alias it stands for.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding } from '../../../server/src/engine/types';
import { covered, findingsOf, lint } from '../../helpers';

const K = '/repo/objects.yaml';

const role = (kind: string, name: string, rules: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: ${name}, namespace: dev}
rules:
${rules}
`;
const binding = (kind: string, roleKind: string, roleName: string) => `apiVersion: rbac.authorization.k8s.io/v1
kind: ${kind}
metadata: {name: b, namespace: dev}
roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ${roleKind}, name: ${roleName}}
subjects: [{kind: ServiceAccount, name: app, namespace: dev}]
`;
const deployment = (spec: string, metadata = '') => `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
${metadata}spec:
  template:
    spec:
${spec}      containers:
        - image: nginx:1.27
          name: web
`;

/** Covered text and message of each finding, for compact assertions. */
const shown = (text: string, found: Finding[]) => found.map((f) => [covered(text, f), f.message]);

function check(rule: string, bad: string, expected: Array<[string, string]>, good: string, config = {}) {
  assert.deepEqual(shown(bad, findingsOf(K, bad, rule, { config })), expected);
  assert.deepEqual(findingsOf(K, good, rule, { config }).map((f) => f.message), []);
}

describe('kube-linter opt-in checks', () => {
  it('access-to-secrets: a binding to a role with any verb on Secrets', () => {
    const secrets = role('Role', 'reader', '  - apiGroups: [""]\n    resources: [secrets]\n    verbs: [get, watch]');
    const pods = role('Role', 'reader', '  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get]');
    const bad = `${secrets}---\n${binding('RoleBinding', 'Role', 'reader')}`;
    check('kubernetes/access-to-secrets', bad, [['reader', 'RoleBinding "b" grants Role "reader", which can get, watch Secrets.']], `${pods}---\n${binding('RoleBinding', 'Role', 'reader')}`);
    // Wildcard resources on the core group count; another API group does not; an unbound role is not reported.
    const wildcard = `${role('ClusterRole', 'all', '  - apiGroups: ["*"]\n    resources: ["*"]\n    verbs: [list]')}---\n${binding('ClusterRoleBinding', 'ClusterRole', 'all')}`;
    assert.equal(findingsOf(K, wildcard, 'kubernetes/access-to-secrets').length, 1);
    const otherGroup = `${role('Role', 'reader', '  - apiGroups: [apps]\n    resources: [secrets]\n    verbs: [get]')}---\n${binding('RoleBinding', 'Role', 'reader')}`;
    assert.deepEqual(findingsOf(K, otherGroup, 'kubernetes/access-to-secrets'), []);
    assert.deepEqual(findingsOf(K, secrets, 'kubernetes/access-to-secrets'), []);
    // A ClusterRoleBinding cannot grant a (namespaced) Role.
    assert.deepEqual(findingsOf(K, `${secrets}---\n${binding('ClusterRoleBinding', 'Role', 'reader')}`, 'kubernetes/access-to-secrets'), []);
  });

  it('access-to-create-pods: create on pods or on any workload that creates them', () => {
    const creator = role('Role', 'deployer', '  - apiGroups: [apps]\n    resources: [deployments, statefulsets]\n    verbs: [create, get]\n  - apiGroups: [batch]\n    resources: ["*"]\n    verbs: ["*"]');
    const reader = role('Role', 'deployer', '  - apiGroups: [""]\n    resources: [pods]\n    verbs: [get, list]');
    const bad = `${creator}---\n${binding('RoleBinding', 'Role', 'deployer')}`;
    check(
      'kubernetes/access-to-create-pods',
      bad,
      [['deployer', 'RoleBinding "b" grants Role "deployer", which can create deployments, statefulsets, jobs, cronjobs.']],
      `${reader}---\n${binding('RoleBinding', 'Role', 'deployer')}`,
    );
    // pods in the apps group is no such resource.
    const wrongGroup = `${role('Role', 'deployer', '  - apiGroups: [apps]\n    resources: [pods]\n    verbs: [create]')}---\n${binding('RoleBinding', 'Role', 'deployer')}`;
    assert.deepEqual(findingsOf(K, wrongGroup, 'kubernetes/access-to-create-pods'), []);
  });

  it('dangling-service-monitor: label and namespace selectors must match some Service', () => {
    const service = 'apiVersion: v1\nkind: Service\nmetadata: {name: web, namespace: shop, labels: {app: web}}\nspec: {ports: [{port: 80}]}\n';
    const monitor = (spec: string) => `apiVersion: monitoring.coreos.com/v1\nkind: ServiceMonitor\nmetadata: {name: m}\nspec:\n${spec}`;
    const bad = `${service}---\n${monitor('  selector:\n    matchLabels: {app: wbe}\n  endpoints: [{port: http}]\n')}`;
    check('kubernetes/dangling-service-monitor', bad, [['selector', 'ServiceMonitor "m" matches no Service labelled app=wbe.']], bad.replace('app: wbe', 'app: web'));
    const otherNs = `${service}---\n${monitor('  selector:\n    matchLabels: {app: web}\n  namespaceSelector:\n    matchNames: [payments]\n')}`;
    assert.deepEqual(shown(otherNs, findingsOf(K, otherNs, 'kubernetes/dangling-service-monitor')), [['selector', 'ServiceMonitor "m" matches no Service labelled app=web in namespace payments.']]);
    const any = otherNs.replace('matchNames: [payments]', 'any: true');
    assert.deepEqual(findingsOf(K, any, 'kubernetes/dangling-service-monitor'), []);
    const expr = `${service}---\n${monitor('  selector:\n    matchExpressions: [{key: app, operator: In, values: [api, web]}]\n')}`;
    assert.deepEqual(findingsOf(K, expr, 'kubernetes/dangling-service-monitor'), []);
    // Under profile recommended a workspace without Services is taken as partial.
    const alone = monitor('  selector:\n    matchLabels: {app: web}\n');
    assert.equal(findingsOf(K, alone, 'kubernetes/dangling-service-monitor').length, 1);
    const recommended = lint(K, alone, { config: { rules: { 'kubernetes/dangling-service-monitor': 'warning' } } }).findings;
    assert.deepEqual(recommended.filter((f) => f.ruleId === 'kubernetes/dangling-service-monitor'), []);
  });

  it('scc-privileged-container: SecurityContextConstraints allowing privileged containers, with a fix', () => {
    const scc = (v: string) => `apiVersion: security.openshift.io/v1\nkind: SecurityContextConstraints\nmetadata: {name: s}\nallowPrivilegedContainer: ${v}\n`;
    check('kubernetes/scc-privileged-container', scc('true'), [['true', 'SecurityContextConstraints "s" allows privileged containers.']], scc('false'));
    const f = findingsOf(K, scc('true'), 'kubernetes/scc-privileged-container')[0];
    assert.deepEqual([f.fixes[0].title, f.fixes[0].edits[0].newText, f.fixes[0].safe], ['Set allowPrivilegedContainer: false', 'false', false]);
  });

  it('required-label-owner: every object needs a non-empty owner label', () => {
    const cm = (labels: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${labels}data: {}\n`;
    check('kubernetes/required-label-owner', cm('  labels: {team: x}\n'), [['labels', 'ConfigMap "c" has no owner label.']], cm('  labels: {owner: payments}\n'));
    assert.deepEqual(shown(cm(''), findingsOf(K, cm(''), 'kubernetes/required-label-owner')), [['metadata', 'ConfigMap "c" has no owner label.']]);
    const empty = cm('  labels: {owner: ""}\n');
    assert.deepEqual(shown(empty, findingsOf(K, empty, 'kubernetes/required-label-owner')), [['""', 'ConfigMap "c" has an empty owner label.']]);
    // kustomization.yaml is a build file, not an object.
    const kustomization = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n';
    assert.deepEqual(findingsOf('/repo/kustomization.yaml', kustomization, 'kubernetes/required-label-owner'), []);
  });

  it('required-annotation-email: an email annotation holding an address', () => {
    const cm = (annotations: string) => `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c\n${annotations}data: {}\n`;
    check('kubernetes/required-annotation-email', cm('  annotations: {whois: a@b.io}\n'), [['annotations', 'ConfigMap "c" has no email annotation.']], cm('  annotations: {email: team.payments+k8s@example.com}\n'));
    const bad = cm('  annotations: {email: payments-team}\n');
    assert.deepEqual(shown(bad, findingsOf(K, bad, 'kubernetes/required-annotation-email')), [['payments-team', 'ConfigMap "c": annotation email "payments-team" is not an email address.']]);
  });

  it('dns-config-options: kubernetes.dnsConfigOptions (ndots:2 by default) must be set with its value', () => {
    const opts = (list: string) => `      dnsConfig:\n        options:\n${list}`;
    const good = deployment(opts('          - {name: ndots, value: "2"}\n'));
    const wrong = deployment(opts('          - {name: ndots, value: "5"}\n'));
    check('kubernetes/dns-config-options', wrong, [['"5"', 'Deployment "web" sets the DNS option ndots:5; kubernetes.dnsConfigOptions requires ndots:2.']], good);
    const none = deployment('');
    assert.deepEqual(shown(none, findingsOf(K, none, 'kubernetes/dns-config-options')), [['spec', 'Deployment "web" sets no dnsConfig options (kubernetes.dnsConfigOptions requires ndots:2).']]);
    const noOptions = deployment('      dnsConfig:\n        searches: [svc.example]\n');
    assert.deepEqual(shown(noOptions, findingsOf(K, noOptions, 'kubernetes/dns-config-options')), [['dnsConfig', 'Deployment "web" sets no dnsConfig options (kubernetes.dnsConfigOptions requires ndots:2).']]);
    // A configured set: an option without value, and one missing.
    const config = { domains: { kubernetes: { dnsConfigOptions: { 'single-request-reopen': null, timeout: 2 } } } };
    const partial = deployment(opts('          - {name: single-request-reopen}\n'));
    assert.deepEqual(shown(partial, findingsOf(K, partial, 'kubernetes/dns-config-options', { config })), [['options', 'Deployment "web" does not set the DNS option timeout:2.']]);
  });

  it('node-affinity: node affinity or a nodeSelector', () => {
    const good = deployment('      affinity:\n        nodeAffinity:\n          requiredDuringSchedulingIgnoredDuringExecution:\n            nodeSelectorTerms: [{matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64]}]}]\n');
    check('kubernetes/node-affinity', deployment(''), [['spec', 'Deployment "web" sets no node affinity or nodeSelector.']], good);
    assert.deepEqual(findingsOf(K, deployment('      nodeSelector: {disktype: ssd}\n'), 'kubernetes/node-affinity'), []);
  });

  it('priority-class-name: only allowed classes or PriorityClasses of the workspace', () => {
    const bad = deployment('      priorityClassName: urgent\n');
    check(
      'kubernetes/priority-class-name',
      bad,
      [['urgent', 'Deployment "web" uses priority class "urgent", which is not allowed (allowed: system-cluster-critical, system-node-critical).']],
      deployment('      priorityClassName: system-node-critical\n'),
    );
    const defined = `${bad}---\napiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata: {name: urgent}\nvalue: 1000\n`;
    assert.deepEqual(findingsOf(K, defined, 'kubernetes/priority-class-name'), []);
    assert.deepEqual(findingsOf(K, bad, 'kubernetes/priority-class-name', { config: { domains: { kubernetes: { allowedPriorityClasses: ['urgent'] } } } }), []);
    assert.deepEqual(findingsOf(K, deployment(''), 'kubernetes/priority-class-name'), []);
  });

  it('hpa-minimum-replicas: minReplicas below three (unset means 1)', () => {
    const hpa = (spec: string) => `apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: h}\nspec:\n${spec}  maxReplicas: 10\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n`;
    check('kubernetes/hpa-minimum-replicas', hpa('  minReplicas: 2\n'), [['2', 'HorizontalPodAutoscaler "h" may scale down to 2 replicas; keep at least 3.']], hpa('  minReplicas: 3\n'));
    const unset = hpa('');
    assert.deepEqual(shown(unset, findingsOf(K, unset, 'kubernetes/hpa-minimum-replicas')), [['spec', 'HorizontalPodAutoscaler "h" may scale down to 1 replica (minReplicas is not set); keep at least 3.']]);
    assert.deepEqual(findingsOf(K, hpa('  minReplicas: 2\n'), 'kubernetes/hpa-minimum-replicas')[0].aliases, ['kube-linter/hpa-minimum-three-replicas']);
  });

  it('sorted-keys: one finding per unsorted mapping, on its first key out of place', () => {
    const bad = 'apiVersion: v1\nmetadata: {name: c}\nkind: ConfigMap\ndata:\n  b: "1"\n  B: "2"\n';
    check(
      'kubernetes/sorted-keys',
      bad,
      [
        ['metadata', 'Keys are not sorted: expected apiVersion, data, kind, metadata.'],
        ['b', 'Keys of data are not sorted: expected B, b.'],
      ],
      'apiVersion: v1\ndata:\n  B: "2"\n  b: "1"\nkind: ConfigMap\nmetadata: {name: c}\n',
    );
    const nested = deployment('');
    assert.deepEqual(findingsOf(K, nested, 'kubernetes/sorted-keys').map((f) => f.message), []);
    // List items are objects of their own: reported once, with their own paths.
    const list = 'apiVersion: v1\nitems:\n  - apiVersion: v1\n    kind: ConfigMap\n    metadata: {name: c}\n    data: {}\nkind: List\n';
    assert.deepEqual(findingsOf(K, list, 'kubernetes/sorted-keys').map((f) => f.message), ['Keys are not sorted: expected apiVersion, data, kind, metadata.']);
  });
});

describe('aliases gained by existing rules', () => {
  it('schema rules stand for kube-linter/schema-validation', () => {
    const text = 'apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  replicas: 3\n';
    const f = findingsOf(K, text, 'kubernetes/unknown-field')[0];
    assert.equal(covered(text, f), 'replicas');
    assert.deepEqual(f.aliases, ['kube-linter/schema-validation']);
  });

  it('deprecated-api-version stands for no-extensions-v1beta on extensions/v1beta* only', () => {
    const ext = 'apiVersion: extensions/v1beta1\nkind: NetworkPolicy\nmetadata: {name: n}\nspec: {podSelector: {}}\n';
    assert.deepEqual(findingsOf(K, ext, 'kubernetes/deprecated-api-version').map((f) => [covered(ext, f), f.aliases]), [['extensions/v1beta1', ['kube-linter/no-extensions-v1beta']]]);
    const cron = 'apiVersion: batch/v1beta1\nkind: CronJob\nmetadata: {name: c}\nspec: {}\n';
    assert.deepEqual(findingsOf(K, cron, 'kubernetes/deprecated-api-version').map((f) => f.aliases), [[]]);
  });

  it('pdb-unhealthy-eviction-policy is checked for policy/v1 only', () => {
    const pdb = (v: string) => `apiVersion: ${v}\nkind: PodDisruptionBudget\nmetadata: {name: p}\nspec:\n  maxUnavailable: 1\n`;
    assert.equal(findingsOf(K, pdb('policy/v1'), 'kubernetes/pdb-unhealthy-eviction-policy').length, 1);
    assert.deepEqual(findingsOf(K, pdb('policy/v1beta1'), 'kubernetes/pdb-unhealthy-eviction-policy'), []);
  });
});

describe('a complete workspace (strict, all, --rules all)', () => {
  it('rbac-binding-exec-attach reports a binding to a role the workspace does not define, not to a built-in one', () => {
    const missing = binding('ClusterRoleBinding', 'ClusterRole', 'does-not-exist');
    assert.deepEqual(shown(missing, findingsOf(K, missing, 'kubernetes/rbac-binding-exec-attach')), [
      ['does-not-exist', 'ClusterRoleBinding "b" grants ClusterRole "does-not-exist", which the workspace does not define: its exec/attach access cannot be checked.'],
    ]);
    assert.deepEqual(findingsOf(K, binding('ClusterRoleBinding', 'ClusterRole', 'view'), 'kubernetes/rbac-binding-exec-attach'), []);
    const strictOnly = lint(K, missing, { config: { profile: 'strict' } }).findings.filter((f) => f.ruleId === 'kubernetes/rbac-binding-exec-attach');
    assert.equal(strictOnly.length, 1);
    const recommended = lint(K, missing, { config: { rules: { 'kubernetes/rbac-binding-exec-attach': 'warning' } } }).findings;
    assert.deepEqual(recommended.filter((f) => f.ruleId === 'kubernetes/rbac-binding-exec-attach'), []);
  });
});

describe('annotation pragmas match the aliases a finding stands for', () => {
  const pod = (annotations: string) => `apiVersion: v1
kind: Pod
metadata:
  name: p
  annotations:
${annotations}spec:
  hostNetwork: true
  hostPID: true
  containers:
    - {name: a, image: nginx:1.27}
`;
  const hostFindings = (text: string) => findingsOf(K, text, 'kubernetes/host-namespaces').map((f) => f.aliases.filter((a) => a.startsWith('kube-linter/')));

  it('ignore-check.kube-linter.io/<check> suppresses only the findings standing for that check', () => {
    assert.deepEqual(hostFindings(pod('    owner: x\n')), [['kube-linter/host-network'], ['kube-linter/host-pid']]);
    assert.deepEqual(hostFindings(pod('    ignore-check.kube-linter.io/host-network: "uses the node network"\n')), [['kube-linter/host-pid']]);
  });

  it('polaris.fairwinds.com/exempt suppresses findings standing for a Polaris check, not the others of the same rule', () => {
    const deploy = (replicas: number) =>
      `apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: d\n  annotations: {polaris.fairwinds.com/exempt: "true"}\nspec:\n  replicas: ${replicas}\n`;
    // One replica: polaris/deploymentMissingReplicas (and kube-linter/minimum-three-replicas): exempt.
    assert.deepEqual(findingsOf(K, deploy(1), 'kubernetes/replicas'), []);
    // Two replicas stand for kube-linter/minimum-three-replicas only: Polaris' exemption does not cover them.
    assert.deepEqual(findingsOf(K, deploy(2), 'kubernetes/replicas').map((f) => f.aliases), [['kube-linter/minimum-three-replicas']]);
  });
});
