import type { Language, Suppression } from '../engine/types';
import { get, isMap, scalarString, type YAMLMap } from '../yaml/yaml';
import { buildModel, type KubernetesModel, type PodTemplate } from './model';
import { summarizeModel } from './project';
import { kubernetesRules } from './rules';
import { applyTemplating } from './documents';
import { kubernetesCompletions, kubernetesHover, kubernetesSymbols } from './features';
import { crdSummary } from './schema/crds';
import { kubeLinterConfig } from './kube-linter-config';
import { kubernetesPartContext, kubernetesPartModel, kubernetesParts, partLocalRules } from './parts';

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';
const POLARIS_PREFIX = 'polaris.fairwinds.com/';

/** Every Polaris alias: what `polaris.fairwinds.com/exempt` turns off (findings that stand for a Polaris check). */
let polarisAliasList: string[] | undefined;
const polarisAliases = () => (polarisAliasList ??= [...new Set(kubernetesRules.flatMap((r) => r.aliases.filter((a) => a.startsWith('polaris/'))))]);

const truthy = (v: string | undefined) => (v ?? '').trim().toLowerCase() === 'true';

/** Rule tokens one annotation suppresses (ids, aliases or `*`). */
function annotationRules(key: string, value: string | undefined): string[] {
  if (key.startsWith(KUBE_LINTER_CHECK)) return [`kube-linter/${key.slice(KUBE_LINTER_CHECK.length)}`];
  if (key === 'kube-linter.io/ignore-all') return ['*'];
  if (key === 'shipshape.dev/ignore') return (value ?? '').split(/[\s,]+/).filter(Boolean);
  if (key === 'kube-score/ignore') return (value ?? '').split(/[\s,]+/).filter(Boolean).map((c) => `kube-score/${c}`);
  if (key === `${POLARIS_PREFIX}exempt`) return truthy(value) ? polarisAliases() : [];
  if (key.startsWith(POLARIS_PREFIX) && key.endsWith('-exempt')) {
    return truthy(value) ? [`polaris/${key.slice(POLARIS_PREFIX.length, -'-exempt'.length)}`] : [];
  }
  return [];
}

function rulesFromAnnotations(metadata: YAMLMap | undefined): string[] {
  const annotations = get(metadata, 'annotations');
  if (!isMap(annotations)) return [];
  return annotations.items.flatMap((pair) => annotationRules(scalarString(pair.key) ?? '', scalarString(pair.value)));
}

/** Annotation-based suppressions users already have, scoped to the annotated object. */
function annotationSuppressions(model: KubernetesModel): Suppression[] {
  const out: Suppression[] = [];
  const byOwner = new Map<unknown, PodTemplate[]>();
  for (const p of model.podTemplates) {
    const list = byOwner.get(p.owner);
    if (list) list.push(p);
    else byOwner.set(p.owner, [p]);
  }
  for (const m of model.manifests) {
    // The object's own annotations and its pod template's both cover the whole object.
    const templates = (byOwner.get(m) ?? []).filter((p) => p.metadata !== m.metadata);
    const rules = [...rulesFromAnnotations(m.metadata), ...templates.flatMap((p) => rulesFromAnnotations(p.metadata))];
    if (rules.length) out.push({ rules, fromLine: m.lines[0], toLine: m.lines[1] });
  }
  return out;
}

export const kubernetesLanguage: Language<KubernetesModel> = {
  kind: 'kubernetes',
  parse(text, path) {
    const model = buildModel(text, path);
    const problems = applyTemplating(model, model.yaml.problems);
    return { model, problems: problems.map((p) => ({ ...p, ruleId: 'kubernetes/syntax' })) };
  },
  rules: kubernetesRules,
  toolConfigs: [kubeLinterConfig],
  options: ['podSecurity', 'defaultResources', 'dnsConfigOptions', 'allowedPriorityClasses'],
  suppressions: annotationSuppressions,
  // One summary for the project index: objects for cross-object checks, CRD schemas for validation.
  summarize: (model) => ({ ...summarizeModel(model), crds: crdSummary(model) }),
  // Editors re-lint only the edited `---` document for most rules (engine/reuse.ts).
  parts: kubernetesParts,
  partLocalRules,
  partContext: kubernetesPartContext,
  partModel: kubernetesPartModel,
  hover: kubernetesHover,
  complete: kubernetesCompletions,
  symbols: kubernetesSymbols,
};
