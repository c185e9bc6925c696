// Kubernetes files as independent parts for finding reuse (engine/reuse.ts): one part per `---` document. Most rules
// look at one object at a time; those that compare objects (across documents or files), read other files, or report
// on the file as a whole are not part-local and run over the whole file on every version.
import * as path from 'node:path';
import type { Part, Rule, WorkspaceReader } from '../engine/types';
import { documentStarts, indentStep, indentsSequences } from '../yaml/yaml';
import type { KubernetesModel } from './model';
import { kubernetesRules } from './rules';
import { accessToCreatePods } from './rules/access-to-create-pods';
import { accessToSecrets } from './rules/access-to-secrets';
import { automountServiceAccountToken } from './rules/automount-service-account-token';
import { danglingServiceMonitor } from './rules/dangling-service-monitor';
import { duplicateObject } from './rules/duplicate-object';
import { hpaTarget } from './rules/hpa-target';
import { ingressBackend } from './rules/ingress-backend';
import { kustomizeMissingFile } from './rules/kustomize-missing-file';
import { missingReference } from './rules/missing-reference';
import { networkPolicy } from './rules/network-policy';
import { networkPolicySelector } from './rules/network-policy-selector';
import { pdbDisruptions } from './rules/pdb-disruptions';
import { pdbMinAvailableVsHpa } from './rules/pdb-min-available-vs-hpa';
import { podDisruptionBudget } from './rules/pod-disruption-budget';
import { priorityClassName } from './rules/priority-class-name';
import { rbacBindingClusterAdmin } from './rules/rbac-binding-cluster-admin';
import { rbacBindingExecAttach } from './rules/rbac-binding-exec-attach';
import { serviceSelector } from './rules/service-selector';
import { serviceTargetPort } from './rules/service-target-port';
import { kubernetesSyntax } from './rules/syntax';
import { templatedDocument } from './rules/templated-document';
import { isKustomizePatch } from './schema/patches';
import { gitops, KUSTOMIZATION_FILE } from './schema/resolve';
import { builtin } from './schema/shapes';

/** Rules whose findings depend on more than one object's document. */
const NOT_PART_LOCAL: ReadonlyArray<Rule<KubernetesModel>> = [
  kubernetesSyntax, // parse problems are the parser's, already reused per document
  templatedDocument, // counts the file's skipped documents
  kustomizeMissingFile, // reads other files
  // Cross-object checks (objects of the file and of the project index):
  accessToCreatePods,
  accessToSecrets,
  automountServiceAccountToken,
  danglingServiceMonitor,
  duplicateObject,
  hpaTarget,
  ingressBackend,
  missingReference,
  networkPolicySelector,
  networkPolicy,
  pdbDisruptions,
  pdbMinAvailableVsHpa,
  podDisruptionBudget,
  priorityClassName, // PriorityClasses defined in the workspace
  rbacBindingClusterAdmin,
  rbacBindingExecAttach,
  serviceSelector,
  serviceTargetPort,
];

export const partLocalRules: ReadonlySet<string> = new Set(kubernetesRules.filter((r) => !NOT_PART_LOCAL.includes(r)).map((r) => r.id));

/** The `---` documents of a file, each with its own text; undefined when the split is not clean. */
export function kubernetesParts(model: KubernetesModel, filePath: string): Part[] | undefined {
  // A kustomization.yaml is validated as a whole (its first document has no apiVersion/kind).
  if (KUSTOMIZATION_FILE.test(path.basename(filePath))) return undefined;
  const text = model.text;
  const starts = documentStarts(text);
  const docs = model.yaml.docs;
  if (!starts || starts.length !== docs.length) return undefined;
  const parts: Part[] = starts.map((start, i) => {
    const end = starts[i + 1] ?? text.length;
    return { key: text.slice(start, end), start, end };
  });
  for (let i = 0; i < docs.length; i++) {
    const at = docs[i].range[0];
    if (at < parts[i].start || (at >= parts[i].end && i < parts.length - 1)) return undefined;
  }
  // Custom resources are validated against CRDs of other documents and files: their findings are never reused.
  for (const m of model.manifests) {
    if (!m.apiVersion || !m.kind || builtin.kind(m.apiVersion, m.kind) || gitops.kind(m.apiVersion, m.kind)) continue;
    const at = m.root.range?.[0] ?? -1;
    const part = parts.find((p) => at >= p.start && at < p.end);
    if (part) part.reusable = false;
  }
  return parts;
}

/** File-wide facts part-local findings depend on: fixes follow the file's indentation style and line breaks. */
export function kubernetesPartContext(model: KubernetesModel, text: string, filePath: string, workspace: WorkspaceReader): string {
  return `${indentStep(text)}|${indentsSequences(text)}|${JSON.stringify(model.index.eol)}|${isKustomizePatch(filePath, workspace)}`;
}

/**
 * The model with only the documents of some parts, plus the file's CustomResourceDefinitions (custom resources are
 * validated against them; the engine drops what rules report in the parts it did not ask for).
 */
export function kubernetesPartModel(model: KubernetesModel, parts: Part[]): KubernetesModel {
  const inParts = (offset: number | undefined) => offset !== undefined && parts.some((p) => offset >= p.start && offset < p.end);
  const crdDocs = new Set(model.manifests.filter((m) => m.kind === 'CustomResourceDefinition').map((m) => m.doc));
  const docs = model.yaml.docs.filter((d) => inParts(d.range[0]) || crdDocs.has(d));
  const keep = new Set(docs);
  const manifests = model.manifests.filter((m) => keep.has(m.doc));
  const owners = new Set(manifests);
  return {
    ...model,
    yaml: { docs, problems: model.yaml.problems },
    manifests,
    podTemplates: model.podTemplates.filter((p) => owners.has(p.owner)),
    containers: model.containers.filter((c) => owners.has(c.owner)),
    templatedDocuments: model.templatedDocuments?.filter((t) => inParts(t.start)),
  };
}
