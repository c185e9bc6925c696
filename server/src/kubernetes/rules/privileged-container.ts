import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import { containerSecurityFix } from '../fixes';
import type { KubernetesModel } from '../model';
import { boolAt, containerLabel, containerSecurityContext } from '../pod';

export const privilegedContainer: Rule<KubernetesModel> = {
  id: 'kubernetes/privileged-container',
  aliases: ['kube-linter/privileged-container', 'polaris/runAsPrivileged', 'pss/privileged', 'kube-score/container-security-context-privileged'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'Container runs privileged: it has every capability and full access to the host devices.',
  docs: `A privileged container is root on the node in all but name: it can load kernel modules, read every device and
escape to the host. Remove \`privileged: true\`; grant only the capabilities the process needs.

**Bad**
\`\`\`yaml
securityContext:
  privileged: true
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const sc = containerSecurityContext(c);
      if (boolAt(sc, 'privileged') !== true) continue;
      ctx.report({
        range: rangeOf(ctx.model.index, get(sc, 'privileged'))!,
        message: `${containerLabel(c)} runs privileged.`,
        aliases: c.type === 'ephemeralContainers' ? ['pss/privileged'] : undefined,
        fix: containerSecurityFix(ctx.model, c, 'Set privileged: false', { privileged: false }, false),
      });
    }
  },
};
