import type { Rule } from '../../engine/types';
import { getIn, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { pssLevel } from '../pss';
import { containerLabel, containerSecurityContext, isWindowsPod, stringItems } from '../pod';

/** Capabilities the baseline Pod Security Standard lets a container add (the container runtime's defaults). */
const BASELINE_ALLOWED = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);
/** What Polaris calls dangerous (compared case-insensitively, like Polaris). */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'NET_ADMIN']);

export const capabilitiesAdded: Rule<KubernetesModel> = {
  id: 'kubernetes/capabilities-added',
  aliases: ['pss/capabilities_baseline', 'pss/capabilities_restricted', 'polaris/dangerousCapabilities', 'kube-linter/drop-net-raw-capability'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'Container adds a Linux capability beyond the runtime defaults (SYS_ADMIN, NET_ADMIN, NET_RAW, ALL…).',
  docs: `Each added capability is a piece of root. \`SYS_ADMIN\`, \`NET_ADMIN\` or \`ALL\` are close to a privileged container;
\`NET_RAW\` lets a container spoof packets. The baseline standard allows only the runtime's default set to be added; the
restricted one only \`NET_BIND_SERVICE\`.

**Bad**
\`\`\`yaml
securityContext:
  capabilities:
    add: [SYS_ADMIN]
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const restricted = pssLevel(ctx, c.pod) === 'restricted';
      const sc = containerSecurityContext(c);
      for (const { value, node } of stringItems(getIn(sc, ['capabilities', 'add']))) {
        const aliases: string[] = [];
        if (!BASELINE_ALLOWED.has(value)) aliases.push('pss/capabilities_baseline');
        if (restricted && !isWindowsPod(c.pod) && value !== 'NET_BIND_SERVICE') aliases.push('pss/capabilities_restricted');
        if (c.type !== 'ephemeralContainers' && DANGEROUS.has(value.toUpperCase())) aliases.push('polaris/dangerousCapabilities');
        if (c.type !== 'ephemeralContainers' && value.toUpperCase() === 'NET_RAW') aliases.push('kube-linter/drop-net-raw-capability');
        if (!aliases.length) continue;
        ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `${containerLabel(c)} adds the ${value} capability.`, aliases });
      }
    }
  },
};
