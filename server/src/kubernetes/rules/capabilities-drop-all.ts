import type { Rule } from '../../engine/types';
import { get, getIn, isMap, keyRange, rangeOf } from '../../yaml/yaml';
import { containerSecurityFix } from '../fixes';
import type { KubernetesModel } from '../model';
import { pssLevel } from '../pss';
import { containerLabel, containerRange, containerSecurityContext, isWindowsPod, stringItems } from '../pod';

/** Polaris accepts dropping all of these instead of ALL. */
const POLARIS_INSECURE = ['NET_ADMIN', 'CHOWN', 'DAC_OVERRIDE', 'FSETID', 'FOWNER', 'MKNOD', 'NET_RAW', 'SETGID', 'SETUID', 'SETFCAP', 'SETPCAP', 'NET_BIND_SERVICE', 'SYS_CHROOT', 'KILL', 'AUDIT_WRITE'];

export const capabilitiesDropAll: Rule<KubernetesModel> = {
  id: 'kubernetes/capabilities-drop-all',
  aliases: ['polaris/insecureCapabilities', 'pss/capabilities_restricted', 'kube-linter/drop-net-raw-capability'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'Container keeps the default Linux capabilities instead of dropping ALL.',
  docs: `Containers start with a dozen capabilities (NET_RAW, CHOWN, SETUID…) most processes never use. Drop them all and add
back only what the process needs (often nothing, sometimes \`NET_BIND_SERVICE\`). Windows pods are not checked.

**Good**
\`\`\`yaml
securityContext:
  capabilities:
    drop: [ALL]
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const restricted = pssLevel(ctx, c.pod) === 'restricted';
      if (isWindowsPod(c.pod)) continue;
      const sc = containerSecurityContext(c);
      const caps = get(sc, 'capabilities');
      const dropNode = getIn(sc, ['capabilities', 'drop']);
      const drops = stringItems(dropNode).map((d) => d.value);
      const upper = new Set(drops.map((d) => d.toUpperCase()));
      if (upper.has('ALL') && (!restricted || drops.includes('ALL'))) continue;
      const aliases: string[] = [];
      const isEphemeral = c.type === 'ephemeralContainers';
      if (!isEphemeral && !upper.has('ALL') && !POLARIS_INSECURE.every((cap) => upper.has(cap))) aliases.push('polaris/insecureCapabilities');
      if (restricted && !drops.includes('ALL')) aliases.push('pss/capabilities_restricted');
      if (!isEphemeral && isMap(caps) && !upper.has('ALL') && !upper.has('NET_RAW')) aliases.push('kube-linter/drop-net-raw-capability');
      ctx.report({
        range: rangeOf(ctx.model.index, dropNode) ?? keyRange(ctx.model.index, sc, 'capabilities') ?? containerRange(ctx.model, c),
        message: `${containerLabel(c)} does not drop ALL capabilities.`,
        aliases,
        fix: containerSecurityFix(ctx.model, c, 'Drop ALL capabilities', { capabilities: { drop: ['ALL'] } }, false),
      });
    }
  },
};
