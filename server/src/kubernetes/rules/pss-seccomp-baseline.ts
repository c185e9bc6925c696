import { get, rangeOf } from '../../yaml/yaml';
import { containerLabel, containerSecurityContext, podSecurityContext, stringAt } from '../pod';
import { pssRule, type PssFinding } from '../pss';

export const pssSeccompBaseline = pssRule({
  id: 'kubernetes/pss-seccomp-unconfined',
  control: 'seccompProfile_baseline',
  level: 'baseline',
  description: 'Seccomp must not be disabled (`seccompProfile.type: Unconfined`).',
  docs: `\`Unconfined\` turns off syscall filtering for the pod or container. Use \`RuntimeDefault\` (or a \`Localhost\`
profile), or leave it unset.

**Bad**
\`\`\`yaml
securityContext:
  seccompProfile:
    type: Unconfined
\`\`\``,
  evaluate(ctx, pod, containers) {
    const out: PssFinding[] = [];
    const check = (sc: unknown, who: string) => {
      if (stringAt(sc, 'seccompProfile', 'type') !== 'Unconfined') return;
      out.push({ range: rangeOf(ctx.model.index, get(get(sc, 'seccompProfile'), 'type'))!, message: `${who} disables seccomp (Unconfined); use RuntimeDefault.` });
    };
    check(podSecurityContext(pod), 'The pod');
    for (const c of containers) check(containerSecurityContext(c), containerLabel(c));
    return out;
  },
});
