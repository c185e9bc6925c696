import { get, rangeOf } from '../../yaml/yaml';
import { containerLabel, containerSecurityContext, inUserNamespace, stringAt } from '../pod';
import { pssLevel, pssRule, type PssFinding } from '../pss';

export const procMount = pssRule({
  id: 'kubernetes/proc-mount',
  control: 'procMount',
  level: 'baseline',
  aliases: ['kube-linter/unsafe-proc-mount', 'polaris/procMount', 'pss/procMount_restricted'],
  description: 'Container unmasks /proc (`procMount` other than Default).',
  docs: `The default /proc masks hide kernel interfaces a container should not see. \`procMount: Unmasked\` removes them.
Leave \`procMount\` unset or \`Default\`. The baseline standard lets pods with \`hostUsers: false\` (user namespaces)
unmask /proc; the restricted one does not.

**Bad**
\`\`\`yaml
securityContext:
  procMount: Unmasked
\`\`\``,
  evaluate(ctx, pod, containers) {
    const out: PssFinding[] = [];
    // Baseline lets user-namespace pods (hostUsers: false) unmask /proc; restricted never does (procMount_restricted).
    const baseline = !inUserNamespace(pod);
    const restricted = pssLevel(ctx, pod) === 'restricted';
    for (const c of containers) {
      const sc = containerSecurityContext(c);
      const value = stringAt(sc, 'procMount');
      const node = get(sc, 'procMount');
      if (node === undefined || value === 'Default' || value === undefined) continue;
      const isEphemeral = c.type === 'ephemeralContainers';
      const aliases = [
        ...(baseline ? ['pss/procMount'] : []),
        ...(restricted ? ['pss/procMount_restricted'] : []),
        ...(isEphemeral ? [] : ['kube-linter/unsafe-proc-mount', 'polaris/procMount']),
      ];
      out.push({ range: rangeOf(ctx.model.index, node)!, message: `${containerLabel(c)} sets procMount "${value}"; use Default.`, aliases });
    }
    return out;
  },
});
