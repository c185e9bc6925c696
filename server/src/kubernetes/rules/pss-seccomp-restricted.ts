import { get, rangeOf } from '../../yaml/yaml';
import { containerSecurityFix } from '../fixes';
import { containerLabel, containerRange, containerSecurityContext, isWindowsPod, podSecurityContext, stringAt } from '../pod';
import { pssRule, type PssFinding } from '../pss';

const valid = (t: string | undefined) => t === 'RuntimeDefault' || t === 'Localhost';

export const pssSeccompRestricted = pssRule({
  id: 'kubernetes/pss-seccomp-profile',
  control: 'seccompProfile_restricted',
  level: 'restricted',
  description: 'Restricted pods must set seccompProfile RuntimeDefault or Localhost on the pod or on every container.',
  docs: `Without a seccomp profile most runtimes run containers unconfined. Set \`seccompProfile.type: RuntimeDefault\` in
the pod's securityContext (inherited by every container) or on each container. Windows pods are exempt.

**Good**
\`\`\`yaml
spec:
  securityContext:
    seccompProfile:
      type: RuntimeDefault
\`\`\``,
  evaluate(ctx, pod, containers) {
    if (isWindowsPod(pod)) return [];
    const out: PssFinding[] = [];
    const podSc = podSecurityContext(pod);
    const podType = stringAt(podSc, 'seccompProfile', 'type');
    const podProfile = get(podSc, 'seccompProfile');
    if (podProfile !== undefined && !valid(podType)) {
      out.push({ range: rangeOf(ctx.model.index, get(podProfile, 'type') ?? podProfile)!, message: `The pod sets seccompProfile type ${podType ? `"${podType}"` : '(none)'}; use RuntimeDefault or Localhost.` });
    }
    for (const c of containers) {
      const sc = containerSecurityContext(c);
      const profile = get(sc, 'seccompProfile');
      const type = stringAt(sc, 'seccompProfile', 'type');
      if (profile !== undefined) {
        if (!valid(type)) out.push({ range: rangeOf(ctx.model.index, get(profile, 'type') ?? profile)!, message: `${containerLabel(c)} sets seccompProfile type ${type ? `"${type}"` : '(none)'}; use RuntimeDefault or Localhost.` });
      } else if (!valid(podType)) {
        out.push({
          range: containerRange(ctx.model, c),
          message: `${containerLabel(c)} has no seccompProfile, and the pod sets none (RuntimeDefault or Localhost).`,
          fix: containerSecurityFix(ctx.model, c, 'Set seccompProfile RuntimeDefault', { seccompProfile: { type: 'RuntimeDefault' } }),
        });
      }
    }
    return out;
  },
});
