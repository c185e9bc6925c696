import { get, rangeOf } from '../../yaml/yaml';
import { containerLabel, containerSecurityContext, inUserNamespace, intAt, podSecurityContext } from '../pod';
import { pssRule, type PssFinding } from '../pss';

export const pssRunAsUser = pssRule({
  id: 'kubernetes/pss-run-as-user',
  control: 'runAsUser',
  level: 'restricted',
  description: 'Restricted pods must not set `runAsUser: 0` (root) on the pod or any container.',
  docs: `\`runAsUser: 0\` runs the container as root whatever its image says. Use a non-zero UID, or leave it unset and
set \`runAsNonRoot: true\`. Pods with \`hostUsers: false\` (user namespaces) are exempt.`,
  evaluate(ctx, pod, containers) {
    if (inUserNamespace(pod)) return [];
    const out: PssFinding[] = [];
    const podSc = podSecurityContext(pod);
    if (intAt(podSc, 'runAsUser') === 0) out.push({ range: rangeOf(ctx.model.index, get(podSc, 'runAsUser'))!, message: 'The pod sets runAsUser: 0 (root).' });
    for (const c of containers) {
      const sc = containerSecurityContext(c);
      if (intAt(sc, 'runAsUser') === 0) out.push({ range: rangeOf(ctx.model.index, get(sc, 'runAsUser'))!, message: `${containerLabel(c)} sets runAsUser: 0 (root).` });
    }
    return out;
  },
});
