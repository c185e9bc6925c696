// Workspace-wide knowledge for cross-object rules: a compact summary of each file's objects (Language.summarize),
// read back from the project index, or from the linted file alone when there is no index.
import type { RuleContext } from '../engine/types';
import { get, getIn, isMap, isSeq, scalarString, type YAMLMap } from '../yaml/yaml';
import { POD_SPEC_PATHS, type Container, type KubernetesModel, type Manifest, type PodTemplate } from './model';
import { boolAt } from './pod';
import { objectsOfKind } from './project-objects';
import { BINDING_KINDS, createsPodsVia, grantsEverything, grantsExecAttach, policyRules, ROLE_KINDS, secretVerbs } from './rbac';

export interface PortSummary {
  name?: string;
  port?: number;
}

export interface ObjectSummary {
  kind?: string;
  apiVersion?: string;
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
  /** Service selector, workload `selector.matchLabels` (or a plain selector map), PDB / NetworkPolicy selector. */
  selector?: Record<string, string>;
  /** Pod template labels and container ports, for workloads. */
  podLabels?: Record<string, string>;
  containerPorts?: PortSummary[];
  /** Service ports: `port` and `targetPort` (a name or number). */
  servicePorts?: Array<{ name?: string; port?: number; targetPort?: string | number }>;
  automountServiceAccountToken?: boolean;
  replicas?: number;
  /** Role / ClusterRole: whether a rule grants pods/exec or pods/attach, or everything. */
  grantsExecAttach?: boolean;
  grantsEverything?: boolean;
  /** Role / ClusterRole: the verbs granted on Secrets, and the pod-creating resources it may create (when any). */
  secretVerbs?: string[];
  createsPodsVia?: string[];
  /** RoleBinding / ClusterRoleBinding: the referenced role. */
  roleRef?: { kind?: string; name?: string };
  /** HPA: the scaled workload; PDB: its minAvailable / maxUnavailable. */
  scaleTarget?: { kind?: string; name?: string };
  minReplicas?: number;
  minAvailable?: string | number;
  maxUnavailable?: string | number;
  /** ConfigMap / Secret: the keys of data, stringData and binaryData. */
  keys?: string[];
  /** NetworkPolicy: whether it restricts both directions (policyTypes Ingress and Egress, with rules for each). */
  restrictsBoth?: boolean;
}

export interface FileSummary {
  objects: ObjectSummary[];
}

function stringMap(node: unknown): Record<string, string> | undefined {
  if (!isMap(node)) return undefined;
  const out: Record<string, string> = {};
  for (const p of node.items) {
    const k = scalarString(p.key);
    const v = scalarString(p.value);
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return out;
}

function num(node: unknown): number | undefined {
  const n = Number(scalarString(node));
  return scalarString(node) !== undefined && Number.isFinite(n) ? n : undefined;
}

export function selectorOf(m: Manifest): Record<string, string> | undefined {
  const selector = get(m.root, 'spec') && getIn(m.root, ['spec', 'selector']);
  if (m.kind === 'Service' || m.kind === 'ReplicationController' || m.kind === 'DeploymentConfig') return stringMap(selector);
  if (m.kind === 'NetworkPolicy') return stringMap(getIn(m.root, ['spec', 'podSelector', 'matchLabels']));
  return stringMap(get(selector, 'matchLabels'));
}

/** Summaries per parsed model: the engine's index summary and the rules' own objects come from one pass. */
const summaries = new WeakMap<KubernetesModel, FileSummary>();

/** The file's objects, computed once per parse (do not modify the result). */
export function summarizeModel(model: KubernetesModel): FileSummary {
  let summary = summaries.get(model);
  if (!summary) summaries.set(model, (summary = summarize(model)));
  return summary;
}

/**
 * Each object's summary by its mapping: a summary follows from the mapping alone, and while a multi-document file is
 * edited the documents that did not change keep their parsed mappings (yaml/yaml.ts).
 */
const objectSummaries = new WeakMap<YAMLMap, ObjectSummary>();

function summarize(model: KubernetesModel): FileSummary {
  const objects: ObjectSummary[] = [];
  let pods: PodIndex | undefined;
  for (const m of model.manifests) {
    if (m.kind?.endsWith('List') && isSeq(get(m.root, 'items'))) continue;
    let o = objectSummaries.get(m.root);
    if (!o) objectSummaries.set(m.root, (o = summarizeObject(m, (pods ??= podIndex(model)))));
    objects.push(o);
  }
  return { objects };
}

interface PodIndex {
  podOf: Map<Manifest, PodTemplate>;
  containersOf: Map<PodTemplate, Container[]>;
}

function podIndex(model: KubernetesModel): PodIndex {
  const podOf = new Map<Manifest, PodTemplate>();
  for (const p of model.podTemplates) if (!podOf.has(p.owner)) podOf.set(p.owner, p);
  const containersOf = new Map<PodTemplate, Container[]>();
  for (const c of model.containers) {
    const list = containersOf.get(c.pod);
    if (list) list.push(c);
    else containersOf.set(c.pod, [c]);
  }
  return { podOf, containersOf };
}

function summarizeObject(m: Manifest, { podOf, containersOf }: PodIndex): ObjectSummary {
  const o: ObjectSummary = { kind: m.kind, apiVersion: m.apiVersion, name: m.name, namespace: m.namespace };
  const labels = stringMap(get(m.metadata, 'labels'));
  if (labels) o.labels = labels;
  const selector = selectorOf(m);
  if (selector) o.selector = selector;
  const pod = podOf.get(m);
  const podPath = m.kind ? POD_SPEC_PATHS[m.kind] : undefined;
  if (podPath) {
    // Template labels count even when the template has no spec yet.
    o.podLabels = stringMap(getIn(m.root, [...podPath.slice(0, -1), 'metadata', 'labels'])) ?? {};
  }
  if (pod) {
    o.containerPorts = [];
    for (const c of containersOf.get(pod) ?? []) {
      const ports = get(c.node, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) o.containerPorts.push({ name: scalarString(get(p, 'name')), port: num(get(p, 'containerPort')) });
    }
  }
  if (podPath) {
    const replicas = num(getIn(m.root, ['spec', 'replicas']));
    if (replicas !== undefined) o.replicas = replicas;
  }
  if (m.kind === 'Service') {
    const ports = getIn(m.root, ['spec', 'ports']);
    o.servicePorts = isSeq(ports)
      ? ports.items.map((p) => {
          const t = get(p, 'targetPort');
          return { name: scalarString(get(p, 'name')), port: num(get(p, 'port')), targetPort: num(t) ?? scalarString(t) };
        })
      : [];
  }
  if (m.kind === 'ServiceAccount') {
    const auto = boolAt(m.root, 'automountServiceAccountToken');
    if (auto !== undefined) o.automountServiceAccountToken = auto;
  }
  if (m.kind && ROLE_KINDS.has(m.kind)) {
    const rules = policyRules(m);
    o.grantsExecAttach = rules.some(grantsExecAttach);
    o.grantsEverything = rules.some(grantsEverything);
    const secrets = secretVerbs(rules);
    if (secrets.length) o.secretVerbs = secrets;
    const creates = createsPodsVia(rules);
    if (creates.length) o.createsPodsVia = creates;
  }
  if (m.kind && BINDING_KINDS.has(m.kind)) {
    o.roleRef = { kind: scalarString(getIn(m.root, ['roleRef', 'kind'])), name: scalarString(getIn(m.root, ['roleRef', 'name'])) };
  }
  if (m.kind === 'HorizontalPodAutoscaler') {
    o.scaleTarget = { kind: scalarString(getIn(m.root, ['spec', 'scaleTargetRef', 'kind'])), name: scalarString(getIn(m.root, ['spec', 'scaleTargetRef', 'name'])) };
    const min = num(getIn(m.root, ['spec', 'minReplicas']));
    if (min !== undefined) o.minReplicas = min;
  }
  if (m.kind === 'ConfigMap' || m.kind === 'Secret') {
    o.keys = ['data', 'stringData', 'binaryData'].flatMap((k) => {
      const map = get(m.root, k);
      return isMap(map) ? map.items.map((p) => scalarString(p.key) ?? '') : [];
    });
  }
  if (m.kind === 'NetworkPolicy') {
    const types = getIn(m.root, ['spec', 'policyTypes']);
    const names = isSeq(types) ? types.items.map((t) => scalarString(t)) : [];
    const nonEmpty = (k: string) => {
      const v = getIn(m.root, ['spec', k]);
      return isSeq(v) && v.items.length > 0;
    };
    o.restrictsBoth = names.includes('Ingress') && names.includes('Egress') && nonEmpty('ingress') && nonEmpty('egress');
    if (!o.selector) o.selector = {};
  }
  if (m.kind === 'PodDisruptionBudget') {
    for (const key of ['minAvailable', 'maxUnavailable'] as const) {
      const v = getIn(m.root, ['spec', key]);
      if (v !== undefined) o[key] = num(v) ?? scalarString(v);
    }
  }
  return o;
}

export {
  hasKind,
  identity,
  objectsElsewhere,
  objectsNamed,
  objectsOfKind,
  projectObjects,
  selects,
  workloadObjects,
  workloadsSelectedBy,
  workloadsWithPodLabel,
  type ProjectObject,
} from './project-objects';
import type { ProjectObject } from './project-objects';

export type { YAMLMap };

/** Namespaces match when equal, or when either is unset (kustomize and `kubectl -n` fill them in later). */
export function sameNamespace(a: string | undefined, b: string | undefined): boolean {
  return a === undefined || b === undefined || a === b;
}

/** The summary of a manifest of the linted file. */
export function ownSummary(objects: ProjectObject[], m: Manifest): ObjectSummary | undefined {
  return objects.find((o) => o.local && o.kind === m.kind && o.name === m.name && o.namespace === m.namespace);
}

/**
 * Whether cross-object rules may take the workspace as the whole application: with profile `strict` or `all`, or
 * `--rules all`, a reference to an object the workspace does not define is reported even in a repository that defines
 * no object of that kind at all. Under `recommended`, such checks wait until the workspace has objects of the kind
 * (otherwise they probably live in another repository).
 */
export function workspaceComplete(ctx: RuleContext<KubernetesModel>): boolean {
  return ctx.allRules || ctx.profile !== 'recommended';
}

/**
 * The role a (Cluster)RoleBinding of the linted file grants, looked up in the workspace: a RoleBinding may name a Role of
 * its own namespace or a ClusterRole, a ClusterRoleBinding only a ClusterRole. `role` is undefined when not found.
 */
export function boundRole(
  ctx: RuleContext<KubernetesModel>,
  m: Manifest,
): { kind: string; name: string; nameNode: ReturnType<typeof getIn>; role?: ProjectObject } | undefined {
  if (m.kind !== 'RoleBinding' && m.kind !== 'ClusterRoleBinding') return undefined;
  const kind = scalarString(getIn(m.root, ['roleRef', 'kind'])) ?? '';
  const nameNode = getIn(m.root, ['roleRef', 'name']);
  const name = scalarString(nameNode) ?? '';
  if (!name || (kind !== 'ClusterRole' && (kind !== 'Role' || m.kind !== 'RoleBinding'))) return undefined;
  const role = objectsOfKind(ctx, kind).find((r) => r.name === name && (kind === 'ClusterRole' || (r.namespace ?? '') === (m.namespace ?? '')));
  return { kind, name, nameNode, role };
}
