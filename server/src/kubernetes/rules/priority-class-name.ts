import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { objectsOfKind } from '../project';

/** The classes Kubernetes defines itself. */
const BUILT_IN = ['system-cluster-critical', 'system-node-critical'];

/** `kubernetes.allowedPriorityClasses`, or the built-in classes when unset. */
export function allowedPriorityClasses(options: Record<string, unknown>): string[] {
  const setting = options.allowedPriorityClasses;
  return Array.isArray(setting) ? setting.map(String) : BUILT_IN;
}

export const priorityClassName: Rule<KubernetesModel> = {
  id: 'kubernetes/priority-class-name',
  aliases: ['kube-linter/priority-class-name'],
  severity: 'warning',
  profile: 'all',
  category: 'reliability',
  description: 'The pod uses a priority class that is not allowed (`kubernetes.allowedPriorityClasses`) nor defined in the workspace.',
  docs: `A pod naming a PriorityClass that does not exist is rejected at admission; one naming a class the platform team did
not intend for applications can preempt other workloads. Allowed are the classes of the setting
\`kubernetes.allowedPriorityClasses\` (by default Kubernetes' own \`system-cluster-critical\` and \`system-node-critical\`) and
every PriorityClass the workspace defines. Pods without \`priorityClassName\` are not reported here
(see \`kubernetes/priority-class\`).

\`\`\`yaml
# .shipshape.yaml
kubernetes:
  allowedPriorityClasses: [system-cluster-critical, business-critical, batch-low]
\`\`\`

**Bad**
\`\`\`yaml
spec:
  priorityClassName: urgent   # no such PriorityClass
\`\`\``,
  check(ctx) {
    const allowed = allowedPriorityClasses(ctx.options);
    let defined: string[] | undefined;
    for (const pod of ctx.model.podTemplates) {
      const node = get(pod.spec, 'priorityClassName');
      const name = scalarString(node)?.trim();
      if (!name || allowed.includes(name)) continue;
      defined ??= objectsOfKind(ctx, 'PriorityClass').map((o) => o.name ?? '');
      if (defined.includes(name)) continue;
      const list = [...allowed, ...defined].join(', ');
      ctx.report({
        range: rangeOf(ctx.model.index, node)!,
        message: `${pod.owner.kind} "${pod.owner.name ?? '?'}" uses priority class "${name}", which is not allowed${list ? ` (allowed: ${list})` : ''}.`,
      });
    }
  },
};
