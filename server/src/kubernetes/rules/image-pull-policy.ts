import type { Rule } from '../../engine/types';
import { get, insertIntoMap, rangeOf, replaceScalar, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel, containerRange } from '../pod';

export const imagePullPolicy: Rule<KubernetesModel> = {
  id: 'kubernetes/image-pull-policy',
  aliases: ['polaris/pullPolicyNotAlways'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  fixable: true,
  description: 'Container does not set `imagePullPolicy: Always`.',
  docs: `With \`IfNotPresent\` a node reuses whatever image it cached under the tag, which may not be what the registry
serves now (and skips the registry's authorization check). \`Always\` re-resolves the tag on every start. Opt-in: with
pinned digests it is not needed.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type === 'ephemeralContainers') continue;
      const node = get(c.node, 'imagePullPolicy');
      if (scalarString(node) === 'Always') continue;
      ctx.report({
        range: (node && rangeOf(ctx.model.index, node)) || containerRange(ctx.model, c),
        message: `${containerLabel(c)} does not always pull its image.`,
        fix: {
          title: 'Set imagePullPolicy: Always',
          edits: [node ? replaceScalar(ctx.model.index, node, 'Always') : insertIntoMap(ctx.model.index, c.node, { imagePullPolicy: 'Always' })],
        },
      });
    }
  },
};
