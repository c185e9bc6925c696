// Pod-spec reading shared by the security rules: security contexts (pod defaults inherited by containers),
// Windows pods, where a finding about a container or a pod goes, and the configured Pod Security level.
import type { Range, RuleContext } from '../engine/types';
import { get, getIn, isMap, isScalar, isSeq, keyRange, rangeOf, scalarString, type Node, type YAMLMap } from '../yaml/yaml';
import type { Container, KubernetesModel, PodTemplate } from './model';

export type PodSecurityLevel = 'baseline' | 'restricted';

/** `kubernetes.podSecurity`: which Pod Security Standards level the pss rules enforce (baseline by default). */
export function podSecurityLevel(options: Record<string, unknown>): PodSecurityLevel {
  return options.podSecurity === 'restricted' ? 'restricted' : 'baseline';
}

export function containerSecurityContext(c: Container): YAMLMap | undefined {
  const sc = get(c.node, 'securityContext');
  return isMap(sc) ? sc : undefined;
}

export function podSecurityContext(pod: PodTemplate): YAMLMap | undefined {
  const sc = get(pod.spec, 'securityContext');
  return isMap(sc) ? sc : undefined;
}

/** A YAML boolean (`true`/`false`, unquoted); anything else (missing, quoted, templated) is undefined. */
export function boolAt(map: unknown, ...keys: string[]): boolean | undefined {
  const node = getIn(map, keys);
  return isScalar(node) && typeof node.value === 'boolean' ? node.value : undefined;
}

/** A YAML integer; undefined when missing or not a number. */
export function intAt(map: unknown, ...keys: string[]): number | undefined {
  return intOf(getIn(map, keys));
}

export function intOf(node: unknown): number | undefined {
  if (!isScalar(node)) return undefined;
  const n = typeof node.value === 'number' ? node.value : typeof node.value === 'string' && /^-?\d+$/.test(node.value) ? Number(node.value) : NaN;
  return Number.isFinite(n) ? n : undefined;
}

export function stringAt(map: unknown, ...keys: string[]): string | undefined {
  return scalarString(getIn(map, keys));
}

/** The items of a sequence as scalar strings (non-scalars skipped), with their nodes. */
export function stringItems(seq: unknown): Array<{ value: string; node: Node }> {
  if (!isSeq(seq)) return [];
  const out: Array<{ value: string; node: Node }> = [];
  for (const item of seq.items) {
    const value = scalarString(item);
    if (value !== undefined) out.push({ value, node: item as Node });
  }
  return out;
}

/** The value of a container security setting, falling back to the pod's securityContext (how the kubelet resolves it). */
export function effective(c: Container, ...keys: string[]): Node | undefined {
  return getIn(containerSecurityContext(c), keys) ?? getIn(podSecurityContext(c.pod), keys);
}

/** `hostUsers: false`: the pod runs in a user namespace, which relaxes some Pod Security controls (policy v1.35+). */
export function inUserNamespace(pod: PodTemplate): boolean {
  return boolAt(pod.spec, 'hostUsers') === false;
}

export function isWindowsPod(pod: PodTemplate): boolean {
  return stringAt(pod.spec, 'os', 'name') === 'windows';
}

/** Each model's containers grouped by pod template, built on first use (rules ask for every pod, per rule). */
const containersByPod = new WeakMap<KubernetesModel, { from: Container[]; length: number; byPod: Map<PodTemplate, Container[]> }>();

/** The containers of a pod template, in file order (shared by every caller of one model: do not modify). */
export function containersOf(model: KubernetesModel, pod: PodTemplate): Container[] {
  let cached = containersByPod.get(model);
  if (!cached || cached.from !== model.containers || cached.length !== model.containers.length) {
    const byPod = new Map<PodTemplate, Container[]>();
    for (const c of model.containers) {
      const list = byPod.get(c.pod);
      if (list) list.push(c);
      else byPod.set(c.pod, [c]);
    }
    containersByPod.set(model, (cached = { from: model.containers, length: model.containers.length, byPod }));
  }
  return cached.byPod.get(pod) ?? [];
}

/** Where a finding about a whole container goes: its name value, else its first key. */
export function containerRange(model: KubernetesModel, c: Container): Range {
  return rangeOf(model.index, get(c.node, 'name')) ?? rangeOf(model.index, c.node.items[0]?.key as Node) ?? rangeOf(model.index, c.node)!;
}

/** Where a finding about a missing pod-level setting goes: the pod spec's `spec` key. */
export function podRange(model: KubernetesModel, pod: PodTemplate): Range {
  return rangeOf(model.index, pod.specKey) ?? keyRange(model.index, pod.owner.root, 'kind') ?? rangeOf(model.index, pod.spec)!;
}

/** The range of a value (or of its key when the value is empty), for findings on a set field. */
export function valueRange(model: KubernetesModel, map: unknown, key: string): Range | undefined {
  const value = get(map, key);
  return (value && rangeOf(model.index, value)) || keyRange(model.index, map, key);
}

/** Quoted container name for messages. */
export function containerLabel(c: Container): string {
  const kind = c.type === 'containers' ? 'Container' : c.type === 'initContainers' ? 'Init container' : 'Ephemeral container';
  return `${kind} "${c.name ?? '?'}"`;
}

/** Runs a check per pod template, with its containers. */
export function forEachPod(ctx: RuleContext<KubernetesModel>, visit: (pod: PodTemplate, containers: Container[]) => void): void {
  for (const pod of ctx.model.podTemplates) visit(pod, containersOf(ctx.model, pod));
}
