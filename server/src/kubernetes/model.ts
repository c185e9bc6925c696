// The Kubernetes model: every YAML document with top-level apiVersion and kind, their pod templates and containers.
import type { Document } from 'yaml';
import { LineIndex } from '../engine/text';
import type { TemplatedDocument } from './documents';
import { get, getIn, isMap, isSeq, pairOf, parseYaml, scalarString, type Node, type YamlFile, type YAMLMap } from '../yaml/yaml';

export interface Manifest {
  doc: Document.Parsed;
  /** The object's own mapping (for `List` items, the item). */
  root: YAMLMap;
  apiVersion?: string;
  kind?: string;
  name?: string;
  namespace?: string;
  metadata?: YAMLMap;
  /** First and last line of the object, for object-wide suppressions. */
  lines: [number, number];
}

export type ContainerType = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface PodTemplate {
  owner: Manifest;
  /** The pod spec mapping. */
  spec: YAMLMap;
  /** The pod template's metadata (or the Pod's own). */
  metadata?: YAMLMap;
  /** The `spec` key holding the pod spec (where findings about a missing pod-level field go). */
  specKey?: Node;
}

export interface Container {
  owner: Manifest;
  pod: PodTemplate;
  node: YAMLMap;
  name?: string;
  type: ContainerType;
}

export interface KubernetesModel {
  text: string;
  index: LineIndex;
  yaml: YamlFile;
  manifests: Manifest[];
  podTemplates: PodTemplate[];
  containers: Container[];
  /** Documents with `{{ }}` template expressions (set by the language's parse; see documents.ts). */
  templatedDocuments?: TemplatedDocument[];
}

/** Where each workload kind keeps its pod spec. */
export const POD_SPEC_PATHS: Record<string, string[]> = {
  Pod: ['spec'],
  Deployment: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
  Rollout: ['spec', 'template', 'spec'],
  DeploymentConfig: ['spec', 'template', 'spec'],
  PodTemplate: ['template', 'spec'],
};

export const JOB_KINDS = new Set(['Job', 'CronJob']);

function manifestOf(doc: Document.Parsed, root: YAMLMap, index: LineIndex): Manifest {
  const metadata = get(root, 'metadata');
  const range = root.range ?? [0, 0, 0];
  return {
    doc,
    root,
    apiVersion: scalarString(get(root, 'apiVersion')),
    kind: scalarString(get(root, 'kind')),
    name: scalarString(get(metadata, 'name')),
    namespace: scalarString(get(metadata, 'namespace')),
    metadata: isMap(metadata) ? metadata : undefined,
    lines: [index.positionAt(range[0]).line, index.positionAt(range[1]).line],
  };
}

/** The model of a manifest file's text; `path`: the file (its previous version's documents may be reused). */
export function buildModel(text: string, path?: string): KubernetesModel {
  const index = LineIndex.of(text);
  const yaml = parseYaml(text, index, path);
  const manifests: Manifest[] = [];
  for (const doc of yaml.docs) {
    const root = doc.contents;
    if (!isMap(root) || get(root, 'apiVersion') === undefined || get(root, 'kind') === undefined) continue;
    const m = manifestOf(doc, root, index);
    manifests.push(m);
    const items = get(root, 'items');
    if (m.kind?.endsWith('List') && isSeq(items)) {
      for (const item of items.items) if (isMap(item)) manifests.push(manifestOf(doc, item, index));
    }
  }
  const podTemplates: PodTemplate[] = [];
  const containers: Container[] = [];
  for (const m of manifests) {
    const path = m.kind ? POD_SPEC_PATHS[m.kind] : undefined;
    if (!path) continue;
    const spec = getIn(m.root, path);
    if (!isMap(spec)) continue;
    const metaPath = path.slice(0, -1).concat('metadata');
    const metadata = getIn(m.root, metaPath);
    const parent = path.length > 1 ? getIn(m.root, path.slice(0, -1)) : m.root;
    const specKey = pairOf(parent, 'spec')?.key ?? undefined;
    const pod: PodTemplate = { owner: m, spec, metadata: isMap(metadata) ? metadata : undefined, specKey };
    podTemplates.push(pod);
    for (const type of ['containers', 'initContainers', 'ephemeralContainers'] as const) {
      const list = get(spec, type);
      if (!isSeq(list)) continue;
      for (const c of list.items) {
        if (isMap(c)) containers.push({ owner: m, pod, node: c, name: scalarString(get(c, 'name')), type });
      }
    }
  }
  return { text, index, yaml, manifests, podTemplates, containers };
}

/**
 * Whether a manifest is an object the API server stores: not a `List` wrapper (its items are manifests of their own)
 * and not a kustomize file (`kustomization.yaml` configures a build, it is never applied).
 */
export function isApiObject(m: Manifest): boolean {
  if (m.kind?.endsWith('List') && isSeq(get(m.root, 'items'))) return false;
  return !m.apiVersion?.startsWith('kustomize.config.k8s.io/');
}
