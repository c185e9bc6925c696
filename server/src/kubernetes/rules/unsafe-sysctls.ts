import { get, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import { podSecurityContext } from '../pod';
import { pssRule, type PssFinding } from '../pss';

/** Sysctls the Pod Security Standards consider namespaced and isolated (policy v1.37). */
const SAFE_SYSCTLS = new Set([
  'kernel.shm_rmid_forced',
  'net.ipv4.ip_local_port_range',
  'net.ipv4.tcp_syncookies',
  'net.ipv4.ping_group_range',
  'net.ipv4.ip_unprivileged_port_start',
  'net.ipv4.ip_local_reserved_ports',
  'net.ipv4.tcp_keepalive_time',
  'net.ipv4.tcp_fin_timeout',
  'net.ipv4.tcp_keepalive_intvl',
  'net.ipv4.tcp_keepalive_probes',
  'net.ipv4.tcp_rmem',
  'net.ipv4.tcp_wmem',
  'net.ipv4.tcp_slow_start_after_idle',
  'net.ipv4.tcp_notsent_lowat',
]);
/** kube-linter's default unsafe prefixes. */
const KUBE_LINTER_UNSAFE = ['kernel.msg', 'kernel.sem', 'kernel.shm', 'fs.mqueue.', 'net.'];

export const unsafeSysctls = pssRule({
  id: 'kubernetes/unsafe-sysctls',
  control: 'sysctls',
  level: 'baseline',
  aliases: ['kube-linter/unsafe-sysctls'],
  description: 'Pod sets a sysctl outside the safe, namespaced set.',
  docs: `Most sysctls are not isolated per pod: setting them affects the node or every pod on it. Only the safe set
(\`kernel.shm_rmid_forced\`, \`net.ipv4.ip_local_port_range\`, \`net.ipv4.tcp_syncookies\`, \`net.ipv4.ping_group_range\`,
\`net.ipv4.ip_unprivileged_port_start\`, \`net.ipv4.ip_local_reserved_ports\`, the \`net.ipv4.tcp_keepalive_*\`,
\`net.ipv4.tcp_fin_timeout\`, \`net.ipv4.tcp_rmem\`/\`tcp_wmem\`, \`net.ipv4.tcp_slow_start_after_idle\`,
\`net.ipv4.tcp_notsent_lowat\`) is allowed by the baseline standard.`,
  evaluate(ctx, pod) {
    const out: PssFinding[] = [];
    const list = get(podSecurityContext(pod), 'sysctls');
    if (!isSeq(list)) return [];
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const nameNode = get(item, 'name');
      const name = scalarString(nameNode) ?? '';
      const pss = !SAFE_SYSCTLS.has(name);
      const kubeLinter = KUBE_LINTER_UNSAFE.some((p) => name.startsWith(p));
      if (!pss && !kubeLinter) continue;
      const aliases = [...(pss ? ['pss/sysctls'] : []), ...(kubeLinter ? ['kube-linter/unsafe-sysctls'] : [])];
      const message = pss ? `Sysctl "${name}" is not in the safe set; it can affect the whole node.` : `Sysctl "${name}" is in a family kube-linter treats as unsafe.`;
      out.push({ range: rangeOf(ctx.model.index, nameNode ?? item)!, message, aliases });
    }
    return out;
  },
});
