import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { podRange, stringAt } from '../pod';

export const defaultServiceAccount: Rule<KubernetesModel> = {
  id: 'kubernetes/default-service-account',
  aliases: ['kube-linter/default-service-account'],
  severity: 'info',
  profile: 'recommended',
  category: 'security',
  description: "Pod runs as the namespace's `default` service account.",
  docs: `Every pod without \`serviceAccountName\` shares the namespace's \`default\` account, so a permission granted to one
workload is granted to all of them. Give each workload its own ServiceAccount (and set
\`automountServiceAccountToken: false\` when it does not call the API).`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const node = get(pod.spec, 'serviceAccountName') ?? get(pod.spec, 'serviceAccount');
      const name = stringAt(pod.spec, 'serviceAccountName') ?? stringAt(pod.spec, 'serviceAccount') ?? '';
      if (name !== '' && name !== 'default') continue;
      ctx.report({
        range: (node && rangeOf(ctx.model.index, node)) || podRange(ctx.model, pod),
        message: name ? 'The pod explicitly uses the "default" service account.' : 'The pod sets no serviceAccountName, so it uses the "default" service account.',
      });
    }
  },
};
