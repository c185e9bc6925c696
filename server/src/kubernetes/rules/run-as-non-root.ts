import type { Rule } from '../../engine/types';
import { rangeOf } from '../../yaml/yaml';
import { containerSecurityFix, podSecurityEdits } from '../fixes';
import type { KubernetesModel } from '../model';
import { boolAt, containerLabel, containerRange, effective, intOf } from '../pod';

export const runAsNonRoot: Rule<KubernetesModel> = {
  id: 'kubernetes/run-as-non-root',
  aliases: ['kube-linter/run-as-non-root', 'polaris/runAsRootAllowed'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'Container may run as root: neither `runAsNonRoot: true` nor a non-zero `runAsUser` applies to it.',
  docs: `Most images run as root unless told otherwise, and root in a container is one kernel bug away from root on the
node. Set \`runAsNonRoot: true\` (the kubelet then refuses root images) or a non-zero \`runAsUser\`, on the container or on
the pod (inherited). A container's own setting wins over the pod's.

**Good**
\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
    runAsUser: 1000
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type === 'ephemeralContainers') continue;
      const nonRoot = boolAt(effective(c, 'runAsNonRoot'));
      const user = intOf(effective(c, 'runAsUser'));
      const group = effective(c, 'runAsGroup');
      if (nonRoot !== true && !(user !== undefined && user > 0)) {
        const podEdits = podSecurityEdits(ctx.model, c.pod, { runAsNonRoot: true, runAsUser: 1000, fsGroup: 1000 });
        ctx.report({
          range: containerRange(ctx.model, c),
          message: `${containerLabel(c)} may run as root: set runAsNonRoot: true or a non-zero runAsUser.`,
          fix: [
            containerSecurityFix(ctx.model, c, 'Set runAsNonRoot: true on the container', { runAsNonRoot: true }, false),
            ...(podEdits.length ? [{ title: 'Run the pod as user 1000 (runAsNonRoot, runAsUser, fsGroup)', edits: podEdits, safe: false }] : []),
          ].filter((f) => f !== undefined),
        });
      } else if (intOf(group) === 0) {
        ctx.report({ range: rangeOf(ctx.model.index, group)!, message: `${containerLabel(c)} runs with group 0 (root).`, aliases: ['kube-linter/run-as-non-root'] });
      }
    }
  },
};
