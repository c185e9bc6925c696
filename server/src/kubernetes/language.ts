import type { Language, Suppression } from '../engine/types';
import { get, isMap, scalarString } from '../yaml/yaml';
import { buildModel, type KubernetesModel } from './model';
import { kubernetesRules } from './rules';
import { applyTemplating } from './documents';
import { kubernetesCompletions, kubernetesHover, kubernetesSymbols } from './features';
import { crdSummary } from './schema/crds';

const KUBE_LINTER_CHECK = 'ignore-check.kube-linter.io/';

/** Annotation-based suppressions users already have, scoped to the annotated object. */
function annotationSuppressions(model: KubernetesModel): Suppression[] {
  const out: Suppression[] = [];
  for (const m of model.manifests) {
    const annotations = get(m.metadata, 'annotations');
    if (!isMap(annotations)) continue;
    const rules: string[] = [];
    for (const pair of annotations.items) {
      const key = scalarString(pair.key) ?? '';
      if (key.startsWith(KUBE_LINTER_CHECK)) rules.push(`kube-linter/${key.slice(KUBE_LINTER_CHECK.length)}`);
      else if (key === 'kube-linter.io/ignore-all') rules.push('*');
      else if (key === 'shipshape.dev/ignore') rules.push(...(scalarString(pair.value) ?? '').split(/[\s,]+/).filter(Boolean));
    }
    if (rules.length) out.push({ rules, fromLine: m.lines[0], toLine: m.lines[1] });
  }
  return out;
}

export const kubernetesLanguage: Language<KubernetesModel> = {
  kind: 'kubernetes',
  parse(text) {
    const model = buildModel(text);
    const problems = applyTemplating(model, model.yaml.problems);
    return { model, problems: problems.map((p) => ({ ...p, ruleId: 'kubernetes/syntax' })) };
  },
  rules: kubernetesRules,
  suppressions: annotationSuppressions,
  summarize: (model) => ({ crds: crdSummary(model) }),
  hover: kubernetesHover,
  complete: kubernetesCompletions,
  symbols: kubernetesSymbols,
};
