// RBAC reading shared by the role and binding rules: which Role/ClusterRole rules grant pod exec/attach or everything.
import { get, isMap, isSeq, scalarString, type Node } from '../yaml/yaml';
import type { Manifest } from './model';

export const ROLE_KINDS = new Set(['Role', 'ClusterRole']);
export const BINDING_KINDS = new Set(['RoleBinding', 'ClusterRoleBinding']);
const ALL_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'];

function strings(node: unknown): string[] {
  return isSeq(node) ? node.items.map((i) => scalarString(i)).filter((s): s is string => s !== undefined) : [];
}

/** The policy rules of a Role/ClusterRole, with their nodes. */
export function policyRules(m: Manifest): Array<{ node: Node; apiGroups: string[]; resources: string[]; verbs: string[] }> {
  const rules = get(m.root, 'rules');
  if (!isSeq(rules)) return [];
  return rules.items.filter(isMap).map((r) => ({
    node: r as Node,
    apiGroups: strings(get(r, 'apiGroups')),
    resources: strings(get(r, 'resources')),
    verbs: strings(get(r, 'verbs')),
  }));
}

/** A rule letting its holder open a shell in pods: pods/exec or pods/attach via get (websocket) or create. */
export function grantsExecAttach(r: { apiGroups: string[]; resources: string[]; verbs: string[] }): boolean {
  return (
    r.apiGroups.some((g) => g === '' || g === '*') &&
    r.resources.some((x) => x === '*' || x === 'pods/exec' || x === 'pods/attach') &&
    r.verbs.some((v) => v === '*' || v === 'get' || v === 'create')
  );
}

/** A rule granting every verb on every resource of every API group: cluster-admin in disguise. */
export function grantsEverything(r: { apiGroups: string[]; resources: string[]; verbs: string[] }): boolean {
  return r.apiGroups.includes('*') && r.resources.includes('*') && (r.verbs.includes('*') || ALL_VERBS.every((v) => r.verbs.includes(v)));
}

/** Roles Kubernetes ships (their bindings are not the user's doing). */
export const BUILT_IN_BINDINGS = new Set(['cluster-admin', 'system:controller:generic-garbage-collector', 'system:controller:namespace-controller']);
/** Built-in ClusterRoles that legitimately grant exec/attach. */
export const BUILT_IN_EXEC_ROLES = new Set(['admin', 'cluster-admin', 'edit', 'system:aggregate-to-edit', 'system:controller:generic-garbage-collector', 'system:controller:namespace-controller']);

/** Objects Kubernetes and GKE create themselves (Polaris exempts them by default too). */
export function isSystemObjectName(name: string | undefined): boolean {
  return !!name && (name.startsWith('system:') || name === 'gce:podsecuritypolicy:calico-sa');
}

type PolicyRule = { apiGroups: string[]; resources: string[]; verbs: string[] };

/** The verbs a rule grants on one resource of one API group (none when the rule does not cover it). */
export function verbsOn(r: PolicyRule, group: string, resource: string): string[] {
  if (!r.apiGroups.some((g) => g === '*' || g === group)) return [];
  if (!r.resources.some((x) => x === '*' || x === resource)) return [];
  return r.verbs;
}

/** Resources whose `create` starts pods, with their API groups (extensions: the pre-1.16 workload group). */
export const POD_CREATING_RESOURCES: ReadonlyArray<[resource: string, groups: string[]]> = [
  ['pods', ['']],
  ['deployments', ['apps', 'extensions']],
  ['replicasets', ['apps', 'extensions']],
  ['statefulsets', ['apps']],
  ['daemonsets', ['apps', 'extensions']],
  ['replicationcontrollers', ['']],
  ['jobs', ['batch']],
  ['cronjobs', ['batch']],
];

/** Every verb the rules grant on core `secrets` (`*` stays `*`), in first-seen order. */
export function secretVerbs(rules: PolicyRule[]): string[] {
  return [...new Set(rules.flatMap((r) => verbsOn(r, '', 'secrets')))];
}

/** The pod-creating resources the rules allow to `create`. */
export function createsPodsVia(rules: PolicyRule[]): string[] {
  return POD_CREATING_RESOURCES.filter(([resource, groups]) =>
    rules.some((r) => groups.some((g) => verbsOn(r, g, resource).some((v) => v === 'create' || v === '*'))),
  ).map(([resource]) => resource);
}
