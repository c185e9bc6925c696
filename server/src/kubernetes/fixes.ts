// Quick fixes shared by several Kubernetes rules.
import type { Fix } from '../engine/types';
import { get, insertIntoMap, isMap, isSeq, scalarString } from '../yaml/yaml';
import type { Container, KubernetesModel } from './model';

/** The port probes should target: the first declared port, by name when it has one. */
export function probePort(c: Container): string | number | undefined {
  const ports = get(c.node, 'ports');
  if (!isSeq(ports)) return undefined;
  for (const p of ports.items) {
    if (!isMap(p)) continue;
    const name = scalarString(get(p, 'name'));
    if (name) return name;
    const num = Number(scalarString(get(p, 'containerPort')));
    if (Number.isInteger(num)) return num;
  }
  return undefined;
}

/** Inserts whichever of livenessProbe / readinessProbe the container lacks (one edit, so both rules share it). */
export function insertProbesFix(model: KubernetesModel, c: Container): Fix | undefined {
  const port = probePort(c);
  if (port === undefined) return undefined;
  const entries: Record<string, unknown> = {};
  if (!get(c.node, 'livenessProbe')) {
    entries.livenessProbe = { httpGet: { path: '/health', port }, initialDelaySeconds: 10, periodSeconds: 10 };
  }
  if (!get(c.node, 'readinessProbe')) {
    entries.readinessProbe = { httpGet: { path: '/ready', port }, initialDelaySeconds: 5, periodSeconds: 5 };
  }
  if (!Object.keys(entries).length) return undefined;
  return {
    title: `Add ${Object.keys(entries).join(' and ')} (httpGet on port ${port})`,
    edits: [insertIntoMap(model.index, c.node, entries)],
  };
}
