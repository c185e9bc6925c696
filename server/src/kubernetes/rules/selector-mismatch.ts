import type { Rule } from '../../engine/types';
import { get, getIn, isMap, keyRange, mergeIntoMap, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { selectorOf } from '../project';

const SELECTING = new Set(['Deployment', 'StatefulSet', 'DaemonSet', 'ReplicaSet', 'ReplicationController', 'Rollout', 'DeploymentConfig']);

export const selectorMismatch: Rule<KubernetesModel> = {
  id: 'kubernetes/selector-mismatch',
  aliases: ['kube-linter/mismatching-selector', 'kube-score/statefulset-pod-selector-labels-match-template-metadata-labels'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: "Workload selector does not match its own pod template's labels.",
  docs: `A Deployment (StatefulSet, DaemonSet…) manages the pods its \`selector\` matches. If the template's labels do not
include every selector label, the API server rejects the object (or, for older kinds, the controller creates pods it
never counts). The quick fix adds the missing labels to the pod template.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const m = pod.owner;
      if (!SELECTING.has(m.kind ?? '')) continue;
      const selector = selectorOf(m);
      if (!selector || !Object.keys(selector).length) continue;
      const labelsNode = get(pod.metadata, 'labels');
      const labels: Record<string, string> = {};
      if (isMap(labelsNode)) for (const p of labelsNode.items) labels[scalarString(p.key) ?? ''] = scalarString(p.value) ?? '';
      const missing = Object.entries(selector).filter(([k, v]) => labels[k] !== v);
      if (!missing.length) continue;
      const template = m.kind === 'Pod' ? undefined : getIn(m.root, ['spec', 'template']);
      const want = Object.fromEntries(missing);
      const edits = isMap(labelsNode)
        ? mergeIntoMap(ctx.model.index, labelsNode, want)
        : pod.metadata
          ? mergeIntoMap(ctx.model.index, pod.metadata, { labels: want })
          : isMap(template)
            ? mergeIntoMap(ctx.model.index, template, { metadata: { labels: want } })
            : [];
      ctx.report({
        range: keyRange(ctx.model.index, get(m.root, 'spec'), 'selector') ?? keyRange(ctx.model.index, m.root, 'kind')!,
        message: `${m.kind} "${m.name ?? '?'}" selects ${missing.map(([k, v]) => `${k}=${v}`).join(', ')}, which its pod template's labels lack.`,
        aliases: ['kube-linter/mismatching-selector', ...(m.kind === 'StatefulSet' ? ['kube-score/statefulset-pod-selector-labels-match-template-metadata-labels'] : [])],
        fix: edits.length ? { title: 'Add the selector labels to the pod template', edits } : undefined,
      });
    }
  },
};
