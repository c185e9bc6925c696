// CustomResourceDefinitions as schema sources: from the linted file itself and from the project index.
import type { ProjectIndex } from '../../engine/types';
import type { KubernetesModel, Manifest } from '../model';

/** One served version of a custom resource and its openAPIV3Schema (JSON). */
export interface CrdSchema {
  apiVersion: string;
  kind: string;
  schema?: unknown;
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | undefined => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : undefined);

export function crdSchemasOf(manifest: Manifest): CrdSchema[] {
  if (manifest.kind !== 'CustomResourceDefinition' || !manifest.apiVersion?.startsWith('apiextensions.k8s.io/')) return [];
  const spec = obj(obj(manifest.root.toJSON())?.spec);
  const group = typeof spec?.group === 'string' ? spec.group : undefined;
  const kind = obj(spec?.names)?.kind;
  if (!group || typeof kind !== 'string') return [];
  const shared = obj(obj(spec?.validation)?.openAPIV3Schema); // v1beta1: one schema for every version
  const out: CrdSchema[] = [];
  const versions = Array.isArray(spec?.versions) ? spec.versions : [];
  for (const v of versions) {
    const version = obj(v);
    if (typeof version?.name !== 'string') continue;
    const schema = obj(obj(version.schema)?.openAPIV3Schema) ?? shared;
    out.push({ apiVersion: `${group}/${version.name}`, kind, schema: compact(schema) });
  }
  if (!versions.length && typeof spec?.version === 'string') out.push({ apiVersion: `${group}/${spec.version}`, kind, schema: compact(shared) });
  return out;
}

const KEPT = new Set(['type', 'properties', 'items', 'additionalProperties', 'required', 'enum', 'x-kubernetes-int-or-string', 'x-kubernetes-preserve-unknown-fields']);
const MAX_DESCRIPTION = 400;

/**
 * What validation, hover and completion use of an openAPIV3Schema, so project-index summaries stay small
 * (operator CRDs carry megabytes of CEL rules, patterns and long descriptions).
 */
function compact(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(compact);
  const o = obj(schema);
  if (!o) return schema;
  const out: Json = {};
  for (const [key, value] of Object.entries(o)) {
    if (key === 'description' && typeof value === 'string') out.description = value.length > MAX_DESCRIPTION ? `${value.slice(0, MAX_DESCRIPTION)}…` : value;
    else if (key === 'properties' && obj(value)) out.properties = Object.fromEntries(Object.entries(value as Json).map(([k, v]) => [k, compact(v)]));
    else if (KEPT.has(key)) out[key] = key === 'enum' || key === 'required' ? value : compact(value);
  }
  return out;
}

/** What a Kubernetes file contributes to the project index for schema purposes. */
export function crdSummary(model: KubernetesModel): CrdSchema[] {
  return model.manifests.flatMap(crdSchemasOf);
}

/** CRDs known for a lint: the file's own first, then the workspace's (index summaries carrying `crds`). */
export function knownCrds(model: KubernetesModel, project: ProjectIndex | undefined, filePath?: string): Map<string, CrdSchema> {
  const map = new Map<string, CrdSchema>();
  const add = (c: CrdSchema) => {
    const key = `${c.apiVersion}|${c.kind}`;
    if (!map.has(key)) map.set(key, c);
  };
  for (const c of crdSummary(model)) add(c);
  // The engine's overlay index: the workspace's CRDs are gathered once per state of the index under it, and the
  // index's entries for the linted file left out (its own CRDs, from its current text, came first).
  const base = filePath !== undefined && project && typeof (project as Partial<Layered>).underlying === 'function' ? (project as unknown as Layered).underlying('kubernetes') : undefined;
  if (base) {
    for (const { path, crd } of workspaceCrds(base)) if (path !== filePath) add(crd);
    return map;
  }
  for (const { summary } of project?.summaries('kubernetes') ?? []) for (const crd of crdsOfSummary(summary)) add(crd);
  return map;
}

/** An index a lint sees through (the engine's overlay): the shared index under it, recording that `kind` was read. */
interface Layered {
  underlying(kind: 'kubernetes'): ProjectIndex;
}

function crdsOfSummary(summary: unknown): CrdSchema[] {
  const crds = obj(summary)?.crds;
  if (!Array.isArray(crds)) return [];
  const out: CrdSchema[] = [];
  for (const c of crds) {
    const crd = obj(c);
    if (typeof crd?.apiVersion === 'string' && typeof crd.kind === 'string') out.push(crd as unknown as CrdSchema);
  }
  return out;
}

/** The CRDs of an index's state, in its order, with the file each comes from. */
const workspaceCrdsOf = new WeakMap<ProjectIndex, { list: unknown; generation: unknown; entries: Array<{ path: string; crd: CrdSchema }> }>();

function workspaceCrds(index: ProjectIndex): Array<{ path: string; crd: CrdSchema }> {
  const list = index.summaries('kubernetes');
  const generation = (index as { generation?: unknown }).generation;
  const cached = workspaceCrdsOf.get(index);
  if (cached && cached.list === list && cached.generation === generation) return cached.entries;
  const entries: Array<{ path: string; crd: CrdSchema }> = [];
  for (const { path, summary } of list) for (const crd of crdsOfSummary(summary)) entries.push({ path, crd });
  workspaceCrdsOf.set(index, { list, generation, entries });
  return entries;
}
