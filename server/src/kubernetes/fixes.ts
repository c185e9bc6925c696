// Quick fixes shared by several Kubernetes rules: probes, security contexts, resources, Pod Security "restricted".
import type { Fix, TextEdit } from '../engine/types';
import { atShift, coalesceInsertions, documentShift, get, insertIntoMap, isMap, isScalar, isSeq, mergeIntoMap, pairOf, scalarString, type YAMLMap } from '../yaml/yaml';
import type { Container, KubernetesModel, PodTemplate } from './model';
import { containerSecurityContext, containersOf, isWindowsPod, podSecurityContext } from './pod';
import { portNameProblem, portNumberProblem } from './schema/formats';

/** Well-known ports of services that do not speak HTTP: probe them with tcpSocket. */
const NON_HTTP_PORTS = new Set([21, 22, 25, 53, 389, 1433, 1521, 2181, 3306, 4222, 5432, 5672, 6379, 9042, 9092, 11211, 27017]);
const NON_HTTP_NAME = /^(grpc|tcp|dns|ssh|smtp|ldap|mysql|postgres|pg|redis|mongo|amqp|kafka|zk|zookeeper|memcache|nats|cql|db)/i;

/**
 * The port probes should target: the first TCP port, by name when it is a valid port name (a probe naming an invalid
 * one would be invalid too), else by number; and whether it speaks HTTP.
 */
export function probePort(c: Container): { port: string | number; http: boolean } | undefined {
  const ports = get(c.node, 'ports');
  if (!isSeq(ports)) return undefined;
  for (const p of ports.items) {
    if (!isMap(p) || (scalarString(get(p, 'protocol')) ?? 'TCP') !== 'TCP') continue;
    const name = scalarString(get(p, 'name'));
    const num = Number(scalarString(get(p, 'containerPort')));
    const http = !(name && NON_HTTP_NAME.test(name)) && !NON_HTTP_PORTS.has(num);
    if (name && !portNameProblem(name)) return { port: name, http };
    if (!portNumberProblem(num, 'containerPort')) return { port: num, http };
  }
  return undefined;
}

/** One probe fix per container, built once for both probe rules (a parsed model never changes). */
const probeFixes = new WeakMap<Container, { fix: Fix | undefined }>();

/** Inserts whichever of livenessProbe / readinessProbe the container lacks (one edit, so both rules share it). */
export function insertProbesFix(model: KubernetesModel, c: Container): Fix | undefined {
  let cached = probeFixes.get(c);
  if (!cached) probeFixes.set(c, (cached = { fix: buildProbesFix(model, c) }));
  return cached.fix;
}

function buildProbesFix(model: KubernetesModel, c: Container): Fix | undefined {
  const target = probePort(c);
  if (target === undefined) return undefined;
  const { port, http } = target;
  const action = (path: string) => (http ? { httpGet: { path, port } } : { tcpSocket: { port } });
  const entries: Record<string, unknown> = {};
  if (!get(c.node, 'livenessProbe')) {
    entries.livenessProbe = { ...action('/health'), initialDelaySeconds: 10, periodSeconds: 10 };
  }
  if (!get(c.node, 'readinessProbe')) {
    entries.readinessProbe = { ...action('/ready'), initialDelaySeconds: 5, periodSeconds: 5 };
  }
  if (!Object.keys(entries).length) return undefined;
  return {
    title: `Add ${Object.keys(entries).join(' and ')} (${http ? 'httpGet' : 'tcpSocket'} on port ${port})`,
    edits: [insertIntoMap(model.index, c.node, entries)],
  };
}

/** Edits that merge settings into a container's securityContext (created when missing). */
export function containerSecurityEdits(model: KubernetesModel, c: Container, desired: Record<string, unknown>): TextEdit[] {
  const sc = containerSecurityContext(c);
  if (sc) return mergeIntoMap(model.index, sc, desired);
  return mergeIntoMap(model.index, c.node, { securityContext: desired });
}

/** Edits that merge settings into the pod's securityContext, adding only what is missing. */
export function podSecurityEdits(model: KubernetesModel, pod: PodTemplate, desired: Record<string, unknown>): TextEdit[] {
  const sc = podSecurityContext(pod);
  if (sc) return mergeIntoMap(model.index, sc, missingOnly(sc, desired));
  return mergeIntoMap(model.index, pod.spec, { securityContext: desired });
}

/** The part of `desired` a mapping does not have yet (existing values are the user's and stay). */
export function missingOnly(map: YAMLMap | undefined, desired: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(desired)) {
    const have = get(map, k);
    if (have === undefined || (scalarString(have) === undefined && !isMap(have) && !isSeq(have))) out[k] = v;
    else if (typeof v === 'object' && v !== null && !Array.isArray(v) && isMap(have)) {
      const sub = missingOnly(have, v as Record<string, unknown>);
      if (Object.keys(sub).length) out[k] = sub;
    }
  }
  return out;
}

/**
 * A container securityContext fix, or undefined when the container already has the settings. Seven rules offer one
 * per container; their edits are only read when a fix is applied or offered in the editor (the CLI's reports only
 * say whether a safe fix exists), so they are built on first use, from the same parse (where it was then).
 */
export function containerSecurityFix(model: KubernetesModel, c: Container, title: string, desired: Record<string, unknown>, safe = true): Fix | undefined {
  const sc = containerSecurityContext(c);
  const map = sc ?? c.node;
  const want = sc ? desired : { securityContext: desired };
  if (!mergeChanges(map, want)) return undefined;
  // Built later, maybe after the document was moved for a newer version of the file: read it where it is now.
  const doc = c.owner.doc;
  const shift = documentShift(doc);
  let build: (() => TextEdit[]) | undefined = () => atShift(doc, shift, () => mergeIntoMap(model.index, map, want));
  let edits: TextEdit[] = [];
  return {
    title,
    get edits(): TextEdit[] {
      if (build) {
        edits = build();
        build = undefined;
      }
      return edits;
    },
    safe,
  };
}

/** Whether `mergeIntoMap(index, map, desired)` gives any edit: the same walk, without building the edits. */
export function mergeChanges(map: YAMLMap, desired: Record<string, unknown>): boolean {
  for (const [key, want] of Object.entries(desired)) {
    const pair = pairOf(map, key);
    if (!pair) return true;
    const have = pair.value;
    if (have === null || have === undefined || (isScalar(have) && have.value === null)) return true;
    if (typeof want === 'object' && want !== null && !Array.isArray(want)) {
      if (isMap(have) && mergeChanges(have, want as Record<string, unknown>)) return true;
    } else if (Array.isArray(want)) {
      if (isSeq(have)) {
        const present = new Set(have.items.map((i) => scalarString(i)));
        if (want.some((w) => !present.has(String(w)))) return true;
      }
    } else if (isScalar(have) && have.value !== want) return true;
  }
  return false;
}

/** Everything a container needs for the hardened baseline our rules ask for. */
export const HARDENED_CONTAINER = {
  allowPrivilegeEscalation: false,
  readOnlyRootFilesystem: true,
  runAsNonRoot: true,
  capabilities: { drop: ['ALL'] },
  seccompProfile: { type: 'RuntimeDefault' },
};

export function hardenContainerFix(model: KubernetesModel, c: Container): Fix | undefined {
  return containerSecurityFix(model, c, `Harden the securityContext of "${c.name ?? 'container'}"`, HARDENED_CONTAINER, false);
}

export const DEFAULT_RESOURCES = { requests: { cpu: '100m', memory: '256Mi' }, limits: { cpu: '500m', memory: '512Mi' } };

/** `kubernetes.defaultResources` over the built-in defaults. */
export function defaultResources(options: Record<string, unknown>): { requests: Record<string, string>; limits: Record<string, string> } {
  const o = (options.defaultResources ?? {}) as { requests?: Record<string, string>; limits?: Record<string, string> };
  return { requests: { ...DEFAULT_RESOURCES.requests, ...o.requests }, limits: { ...DEFAULT_RESOURCES.limits, ...o.limits } };
}

/** Adds the missing requests/limits of a container, leaving values already set alone. */
export function resourcesFix(model: KubernetesModel, c: Container, options: Record<string, unknown>): Fix | undefined {
  const res = get(c.node, 'resources');
  const desired = defaultResources(options);
  const edits = isMap(res) ? mergeIntoMap(model.index, res, missingOnly(res, desired)) : mergeIntoMap(model.index, c.node, { resources: desired });
  if (!edits.length) return undefined;
  return { title: `Set CPU and memory requests and limits on "${c.name ?? 'container'}"`, edits };
}

/**
 * "Make this workload Pod Security restricted": pod runAsNonRoot + seccomp RuntimeDefault, every container
 * allowPrivilegeEscalation false and capabilities drop ALL, no runAsNonRoot false / runAsUser 0 left.
 */
export function restrictedFix(model: KubernetesModel, pod: PodTemplate): Fix | undefined {
  const windows = isWindowsPod(pod);
  const podDesired: Record<string, unknown> = { runAsNonRoot: true };
  if (!windows) podDesired.seccompProfile = { type: 'RuntimeDefault' };
  const podSc = podSecurityContext(pod);
  const edits: TextEdit[] = [];
  if (podSc && scalarString(get(podSc, 'runAsUser')) === '0') podDesired.runAsUser = 1000;
  if (podSc) {
    const wanted = missingOnly(podSc, podDesired);
    if (scalarString(get(podSc, 'runAsNonRoot')) === 'false') wanted.runAsNonRoot = true;
    if (podDesired.runAsUser) wanted.runAsUser = 1000;
    const type = scalarString(get(get(podSc, 'seccompProfile'), 'type'));
    if (!windows && type && type !== 'RuntimeDefault' && type !== 'Localhost') wanted.seccompProfile = { type: 'RuntimeDefault' };
    edits.push(...mergeIntoMap(model.index, podSc, wanted));
  } else edits.push(...mergeIntoMap(model.index, pod.spec, { securityContext: podDesired }));
  for (const c of containersOf(model, pod)) {
    const sc = containerSecurityContext(c);
    const want: Record<string, unknown> = {};
    if (!windows) {
      want.allowPrivilegeEscalation = false;
      want.capabilities = { drop: ['ALL'] };
    }
    if (scalarString(get(sc, 'runAsNonRoot')) === 'false') want.runAsNonRoot = true;
    if (scalarString(get(sc, 'runAsUser')) === '0') want.runAsUser = 1000;
    const type = scalarString(get(get(sc, 'seccompProfile'), 'type'));
    if (!windows && type && type !== 'RuntimeDefault' && type !== 'Localhost') want.seccompProfile = { type: 'RuntimeDefault' };
    if (get(sc, 'privileged') !== undefined && scalarString(get(sc, 'privileged')) === 'true') want.privileged = false;
    if (Object.keys(want).length) edits.push(...containerSecurityEdits(model, c, want));
  }
  if (!edits.length) return undefined;
  return { title: 'Make this workload Pod Security restricted', edits: coalesceInsertions(edits), safe: false };
}
