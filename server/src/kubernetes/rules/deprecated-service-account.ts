import type { Rule } from '../../engine/types';
import { get, keyRange, pairOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const deprecatedServiceAccount: Rule<KubernetesModel> = {
  id: 'kubernetes/deprecated-service-account',
  aliases: ['kube-linter/deprecated-service-account-field'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  tags: ['deprecated'],
  description: 'Pod uses the deprecated `serviceAccount` field instead of `serviceAccountName`.',
  docs: `\`serviceAccount\` is a deprecated alias of \`serviceAccountName\`. Use \`serviceAccountName\` (and if both are set, make
them agree).`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const pair = pairOf(pod.spec, 'serviceAccount');
      if (!pair) continue;
      const value = scalarString(pair.value);
      const current = scalarString(get(pod.spec, 'serviceAccountName'));
      const range = keyRange(ctx.model.index, pod.spec, 'serviceAccount')!;
      const fix = current === undefined ? { title: 'Rename to serviceAccountName', edits: [{ range, newText: 'serviceAccountName' }] } : undefined;
      ctx.report({
        range,
        message: current !== undefined && value !== undefined && current !== value
          ? `serviceAccount "${value}" disagrees with serviceAccountName "${current}"; serviceAccount is deprecated.`
          : 'serviceAccount is deprecated; use serviceAccountName.',
        fix,
      });
    }
  },
};
