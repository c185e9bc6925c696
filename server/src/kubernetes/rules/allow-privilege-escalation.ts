import type { Rule } from '../../engine/types';
import { get, getIn, rangeOf } from '../../yaml/yaml';
import { containerSecurityFix } from '../fixes';
import type { KubernetesModel } from '../model';
import { pssLevel } from '../pss';
import { boolAt, containerLabel, containerRange, containerSecurityContext, isWindowsPod, stringItems } from '../pod';

export const allowPrivilegeEscalation: Rule<KubernetesModel> = {
  id: 'kubernetes/allow-privilege-escalation',
  aliases: ['polaris/privilegeEscalationAllowed', 'kube-linter/privilege-escalation-container', 'pss/allowPrivilegeEscalation'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'Container does not set `allowPrivilegeEscalation: false`, so setuid binaries can gain root.',
  docs: `Unless \`allowPrivilegeEscalation\` is \`false\`, a process in the container can gain more privileges than its parent
(setuid binaries such as \`sudo\`, file capabilities). It defaults to true. Set it to false on every container.
Windows pods are not checked.

**Good**
\`\`\`yaml
securityContext:
  allowPrivilegeEscalation: false
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const restricted = pssLevel(ctx, c.pod) === 'restricted';
      if (isWindowsPod(c.pod)) continue;
      const sc = containerSecurityContext(c);
      const value = boolAt(sc, 'allowPrivilegeEscalation');
      if (value === false) continue;
      const explicit = value === true;
      const isEphemeral = c.type === 'ephemeralContainers';
      // kube-linter reports explicit escalation: allowPrivilegeEscalation, privileged or an added SYS_ADMIN.
      const kubeLinter = !isEphemeral && (explicit || boolAt(sc, 'privileged') === true || stringItems(getIn(sc, ['capabilities', 'add'])).some((a) => a.value === 'SYS_ADMIN'));
      const aliases = [
        ...(isEphemeral ? [] : ['polaris/privilegeEscalationAllowed']),
        ...(kubeLinter ? ['kube-linter/privilege-escalation-container'] : []),
        ...(restricted ? ['pss/allowPrivilegeEscalation'] : []),
      ];
      ctx.report({
        range: explicit ? rangeOf(ctx.model.index, get(sc, 'allowPrivilegeEscalation'))! : containerRange(ctx.model, c),
        message: explicit
          ? `${containerLabel(c)} allows privilege escalation.`
          : `${containerLabel(c)} does not set allowPrivilegeEscalation: false (it defaults to true).`,
        aliases,
        fix: containerSecurityFix(ctx.model, c, 'Set allowPrivilegeEscalation: false', { allowPrivilegeEscalation: false }),
      });
    }
  },
};
