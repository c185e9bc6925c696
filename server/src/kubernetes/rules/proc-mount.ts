import { get, rangeOf } from '../../yaml/yaml';
import { containerLabel, containerSecurityContext, stringAt } from '../pod';
import { pssRule, type PssFinding } from '../pss';

export const procMount = pssRule({
  id: 'kubernetes/proc-mount',
  control: 'procMount',
  level: 'baseline',
  aliases: ['kube-linter/unsafe-proc-mount', 'polaris/procMount'],
  description: 'Container unmasks /proc (`procMount` other than Default).',
  docs: `The default /proc masks hide kernel interfaces a container should not see. \`procMount: Unmasked\` removes them.
Leave \`procMount\` unset or \`Default\`.

**Bad**
\`\`\`yaml
securityContext:
  procMount: Unmasked
\`\`\``,
  evaluate(ctx, _pod, containers) {
    const out: PssFinding[] = [];
    for (const c of containers) {
      const sc = containerSecurityContext(c);
      const value = stringAt(sc, 'procMount');
      const node = get(sc, 'procMount');
      if (node === undefined || value === 'Default' || value === undefined) continue;
      out.push({ range: rangeOf(ctx.model.index, node)!, message: `${containerLabel(c)} sets procMount "${value}"; use Default.` });
    }
    return out;
  },
});
