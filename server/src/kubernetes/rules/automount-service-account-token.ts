import type { Rule } from '../../engine/types';
import { get, insertIntoMap, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boolAt, podRange, stringAt } from '../pod';
import { objectsNamed } from '../project-objects';

export const automountServiceAccountToken: Rule<KubernetesModel> = {
  id: 'kubernetes/automount-service-account-token',
  aliases: ['polaris/automountServiceAccountToken'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  fixable: true,
  description: 'Pod gets a Kubernetes API token mounted although nothing turns automounting off.',
  docs: `Unless the pod or its ServiceAccount sets \`automountServiceAccountToken: false\`, every container gets an API token
at \`/var/run/secrets/kubernetes.io/serviceaccount\`: an intruder's first step into the cluster. Turn it off for
workloads that do not call the Kubernetes API. The pod's setting wins over the ServiceAccount's.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const own = boolAt(pod.spec, 'automountServiceAccountToken');
      if (own === false) continue;
      const saName = stringAt(pod.spec, 'serviceAccountName') ?? stringAt(pod.spec, 'serviceAccount') ?? 'default';
      const ns = pod.owner.namespace;
      const sa = objectsNamed(ctx, 'ServiceAccount', saName).find((a) => (a.namespace ?? ns) === ns);
      if (own === undefined && sa?.automountServiceAccountToken === false) continue;
      ctx.report({
        range: own === true ? rangeOf(ctx.model.index, get(pod.spec, 'automountServiceAccountToken'))! : podRange(ctx.model, pod),
        message: own === true ? 'The pod explicitly mounts a service account token.' : 'The pod mounts a service account token (automountServiceAccountToken is not false).',
        fix: own === undefined ? { title: 'Set automountServiceAccountToken: false', edits: [insertIntoMap(ctx.model.index, pod.spec, { automountServiceAccountToken: false })], safe: false } : undefined,
      });
    }
  },
};
