import type { Rule } from '../../engine/types';
import { getIn, keyRange, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { identity, objectsElsewhere } from '../project';

export const duplicateObject: Rule<KubernetesModel> = {
  id: 'kubernetes/duplicate-object',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Two objects share kind, namespace and name: one silently overwrites the other on apply.',
  docs: `\`kubectl apply\` treats kind + namespace + name as the identity of an object, so the second definition replaces the
first. Rename one of them or delete the copy.`,
  check(ctx) {
    const seen = new Set<string>();
    for (const m of ctx.model.manifests) {
      if (!m.kind || !m.name || m.kind.endsWith('List')) continue;
      const key = identity(m.kind, m.namespace, m.name);
      const elsewhere = objectsElsewhere(ctx, key)[0];
      if (!seen.has(key) && !elsewhere) {
        seen.add(key);
        continue;
      }
      ctx.report({
        range: rangeOf(ctx.model.index, getIn(m.metadata, ['name'])) ?? keyRange(ctx.model.index, m.root, 'kind')!,
        message: elsewhere && !seen.has(key) ? `${m.kind} "${m.name}" is also defined in ${elsewhere.path}.` : `${m.kind} "${m.name}" is defined twice in this file.`,
      });
      seen.add(key);
    }
  },
};
