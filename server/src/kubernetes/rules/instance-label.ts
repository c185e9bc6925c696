import type { Rule } from '../../engine/types';
import { getIn, keyRange, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

const LABEL = 'app.kubernetes.io/instance';

export const instanceLabel: Rule<KubernetesModel> = {
  id: 'kubernetes/instance-label',
  aliases: ['polaris/metadataAndInstanceMismatched'],
  severity: 'info',
  profile: 'all',
  category: 'style',
  description: 'The `app.kubernetes.io/instance` label is missing or differs from the object name.',
  docs: `The recommended label \`app.kubernetes.io/instance\` identifies the instance of an application; tools such as Polaris
expect it to equal \`metadata.name\`.`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (!ctx.model.podTemplates.some((p) => p.owner === m)) continue;
      const node = getIn(m.metadata, ['labels', LABEL]);
      const value = scalarString(node);
      if (value !== undefined && value === m.name) continue;
      ctx.report({
        range: (node && rangeOf(ctx.model.index, node)) || keyRange(ctx.model.index, m.root, 'metadata') || keyRange(ctx.model.index, m.root, 'kind')!,
        message: value === undefined ? `${m.kind} "${m.name ?? '?'}" has no ${LABEL} label.` : `Label ${LABEL} "${value}" differs from the name "${m.name ?? ''}".`,
      });
    }
  },
};
