// Which schema applies to each object of a file, and the schema problems of a whole file, computed once per
// model (every schema rule reads its share from this one walk).
import * as path from 'node:path';
import { isMap, isScalar, type Node, type YAMLMap } from '../../yaml/yaml';
import type { ProjectIndex, WorkspaceReader } from '../../engine/types';
import { isKustomizePatch } from './patches';
import type { KubernetesModel } from '../model';
import { knownCrds, type CrdSchema } from './crds';
import { gitopsSchema } from './gitops';
import { builtin, CompactShapes, customResourceShape, type Shape } from './shapes';
import { validateManifest, type IssueCode, type SchemaIssue } from './validate';

export const gitops = new CompactShapes(gitopsSchema, builtin);
const crdShapes = new WeakMap<CrdSchema, Shape>();

export type SchemaSource = 'builtin' | 'crd' | 'gitops';

export class SchemaResolver {
  private crds?: Map<string, CrdSchema>;

  constructor(
    private readonly model: KubernetesModel,
    private readonly project?: ProjectIndex,
    /** The linted file: lets the workspace's CRDs be gathered once per index state instead of once per file. */
    private readonly filePath?: string,
  ) {}

  shapeFor(apiVersion: string | undefined, kind: string | undefined): { shape: Shape; source: SchemaSource } | undefined {
    if (!apiVersion || !kind) return undefined;
    const b = builtin.kind(apiVersion, kind);
    if (b) return { shape: b, source: 'builtin' };
    const g = gitops.kind(apiVersion, kind);
    if (g) return { shape: g, source: 'gitops' };
    this.crds ??= knownCrds(this.model, this.project, this.filePath);
    const crd = this.crds.get(`${apiVersion}|${kind}`);
    if (!crd?.schema) return undefined;
    let shape = crdShapes.get(crd);
    if (!shape) crdShapes.set(crd, (shape = customResourceShape(crd.schema, kind)));
    return { shape, source: 'crd' };
  }
}

/** A mapping validated against a shape: each manifest, plus a kustomization.yaml without apiVersion/kind. */
export interface SchemaTarget {
  root: YAMLMap;
  shape: Shape;
  kind?: string;
  /** The document's text contains `{{`: nodes with template expressions are skipped. */
  templated: boolean;
}

export const KUSTOMIZATION_FILE = /^kustomization\.ya?ml$/;

export function schemaTargets(model: KubernetesModel, filePath: string, project?: ProjectIndex): SchemaTarget[] {
  const resolver = new SchemaResolver(model, project, filePath);
  const targets: SchemaTarget[] = [];
  const isTemplated = (root: YAMLMap) => {
    const r = root.range;
    return !!r && model.text.slice(r[0], r[1]).includes('{{');
  };
  for (const m of model.manifests) {
    // A `…List` with items: the items are manifests of their own and are validated one by one.
    if (m.kind?.endsWith('List') && m.root.has('items')) continue;
    // A syntax error (reported by kubernetes/syntax) shifts keys around: schema findings there would be noise.
    if (m.doc.errors.some((e) => e.code !== 'DUPLICATE_KEY')) continue;
    const found = resolver.shapeFor(m.apiVersion, m.kind);
    if (found) targets.push({ root: m.root, shape: found.shape, kind: m.kind, templated: isTemplated(m.root) });
  }
  if (KUSTOMIZATION_FILE.test(path.basename(filePath))) {
    const root = model.yaml.docs[0]?.contents;
    const shape = gitops.kind('kustomize.config.k8s.io/v1beta1', 'Kustomization')!;
    if (isMap(root) && !model.manifests.some((m) => m.root === root)) targets.push({ root, shape, kind: 'Kustomization', templated: false });
  }
  return targets;
}

interface Cached {
  project?: ProjectIndex;
  path: string;
  issues: SchemaIssue[];
}
const cache = new WeakMap<KubernetesModel, Cached>();

/** Every schema problem of the file (cached per model, path and project index). */
export function schemaIssues(model: KubernetesModel, filePath: string, project?: ProjectIndex, workspace?: WorkspaceReader): SchemaIssue[] {
  const hit = cache.get(model);
  if (hit && hit.project === project && hit.path === filePath) return hit.issues;
  let issues: SchemaIssue[] = [];
  for (const t of schemaTargets(model, filePath, project)) {
    const text = model.text;
    const skip = t.templated
      ? (n: Node) => !!n.range && (isScalar(n) ? text.slice(n.range[0], n.range[1]).includes('{{') : text.startsWith('{{', n.range[0]))
      : undefined;
    issues.push(...validateManifest(t.root, t.shape, { index: model.index, kind: t.kind, skip }));
  }
  if (issues.some((i) => i.code === 'required') && isKustomizePatch(filePath, workspace)) issues = issues.filter((i) => i.code !== 'required');
  cache.set(model, { project, path: filePath, issues });
  return issues;
}

export function issuesOf(code: IssueCode, model: KubernetesModel, filePath: string, project?: ProjectIndex, workspace?: WorkspaceReader): SchemaIssue[] {
  return schemaIssues(model, filePath, project, workspace).filter((i) => i.code === code);
}
