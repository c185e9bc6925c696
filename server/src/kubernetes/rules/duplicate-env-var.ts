import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel } from '../pod';

export const duplicateEnvVar: Rule<KubernetesModel> = {
  id: 'kubernetes/duplicate-env-var',
  aliases: ['kube-linter/duplicate-env-var', 'kube-score/environment-variable-key-duplication'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'Container sets the same environment variable twice; only the last one counts.',
  docs: `When \`env\` lists a name twice, Kubernetes keeps the last value silently. Remove the duplicate so the manifest says
what the container gets.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const env = get(c.node, 'env');
      if (!isSeq(env)) continue;
      const seen = new Set<string>();
      for (const e of env.items) {
        if (!isMap(e)) continue;
        const nameNode = get(e, 'name');
        const name = scalarString(nameNode);
        if (name === undefined) continue;
        if (seen.has(name)) ctx.report({ range: rangeOf(ctx.model.index, nameNode)!, message: `${containerLabel(c)} sets ${name} more than once.` });
        seen.add(name);
      }
    }
  },
};
