import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel } from '../pod';

export const sshPort: Rule<KubernetesModel> = {
  id: 'kubernetes/ssh-port',
  aliases: ['kube-linter/ssh-port'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'Container exposes TCP port 22 (SSH).',
  docs: `An SSH server in a container is a second way in that bypasses \`kubectl exec\` auditing and RBAC. Use
\`kubectl exec\` / debug containers instead; if this is not SSH, move it off port 22.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const ports = get(c.node, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        if (!isMap(p) || scalarString(get(p, 'containerPort')) !== '22' || (scalarString(get(p, 'protocol')) ?? 'TCP') !== 'TCP') continue;
        ctx.report({ range: rangeOf(ctx.model.index, get(p, 'containerPort'))!, message: `${containerLabel(c)} exposes port 22 (SSH).` });
      }
    }
  },
};
