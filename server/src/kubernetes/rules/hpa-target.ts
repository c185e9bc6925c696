import type { Rule } from '../../engine/types';
import { getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { sameNamespace, workspaceComplete } from '../project';
import { objectsNamed, workloadObjects } from '../project-objects';

export const hpaTarget: Rule<KubernetesModel> = {
  id: 'kubernetes/hpa-target',
  aliases: ['kube-linter/dangling-horizontalpodautoscaler', 'kube-score/horizontalpodautoscaler-has-target'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'HorizontalPodAutoscaler scales a workload the workspace does not define.',
  docs: `An autoscaler whose \`scaleTargetRef\` names no existing object does nothing. Under profile \`recommended\` it is checked once the workspace
defines workloads at all; with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete.`,
  check(ctx) {
    // Only autoscalers are checked: other files need no look at the workspace (a copy of its lists per file).
    if (!ctx.model.manifests.some((m) => m.kind === 'HorizontalPodAutoscaler')) return;
    if (!workloadObjects(ctx).length && !workspaceComplete(ctx)) return;
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'HorizontalPodAutoscaler') continue;
      const nameNode = getIn(m.root, ['spec', 'scaleTargetRef', 'name']);
      const kind = scalarString(getIn(m.root, ['spec', 'scaleTargetRef', 'kind']));
      const name = scalarString(nameNode);
      if (!nameNode || !name || !kind) continue;
      if (objectsNamed(ctx, kind, name).some((o) => sameNamespace(o.namespace, m.namespace))) continue;
      ctx.report({ range: rangeOf(ctx.model.index, nameNode)!, message: `${kind} "${name}" is not defined in the workspace.` });
    }
  },
};
