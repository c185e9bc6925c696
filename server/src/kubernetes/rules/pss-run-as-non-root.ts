import { get, rangeOf } from '../../yaml/yaml';
import { containerSecurityFix } from '../fixes';
import { boolAt, containerLabel, containerRange, containerSecurityContext, inUserNamespace, podSecurityContext } from '../pod';
import { pssRule, type PssFinding } from '../pss';

export const pssRunAsNonRoot = pssRule({
  id: 'kubernetes/pss-run-as-non-root',
  control: 'runAsNonRoot',
  level: 'restricted',
  description: 'Restricted pods must set `runAsNonRoot: true` on the pod or on every container, and never false.',
  docs: `With \`runAsNonRoot: true\` the kubelet refuses to start a container whose user is root. The restricted standard
requires it at the pod level (inherited) or on every container; a non-zero \`runAsUser\` alone is not enough.

**Good**
\`\`\`yaml
spec:
  securityContext:
    runAsNonRoot: true
\`\`\`

Pods with \`hostUsers: false\` (user namespaces) are exempt.`,
  evaluate(ctx, pod, containers) {
    // Pods in a user namespace (hostUsers: false) are exempt: root inside maps to an unprivileged user outside.
    if (inUserNamespace(pod)) return [];
    const out: PssFinding[] = [];
    const podSc = podSecurityContext(pod);
    const podValue = boolAt(podSc, 'runAsNonRoot');
    if (podValue === false) out.push({ range: rangeOf(ctx.model.index, get(podSc, 'runAsNonRoot'))!, message: 'The pod sets runAsNonRoot: false.' });
    for (const c of containers) {
      const sc = containerSecurityContext(c);
      const node = get(sc, 'runAsNonRoot');
      const value = boolAt(sc, 'runAsNonRoot');
      if (node !== undefined && value !== undefined) {
        if (value === false) out.push({ range: rangeOf(ctx.model.index, node)!, message: `${containerLabel(c)} sets runAsNonRoot: false.`, fix: containerSecurityFix(ctx.model, c, 'Set runAsNonRoot: true', { runAsNonRoot: true }, false) });
      } else if (podValue !== true) {
        out.push({
          range: containerRange(ctx.model, c),
          message: `${containerLabel(c)} does not set runAsNonRoot: true, and neither does the pod.`,
          fix: containerSecurityFix(ctx.model, c, 'Set runAsNonRoot: true', { runAsNonRoot: true }, false),
        });
      }
    }
    return out;
  },
});
