import { get, getIn, rangeOf, scalarString } from '../../yaml/yaml';
import { containerLabel } from '../pod';
import { pssRule, type PssFinding } from '../pss';

const HANDLERS: string[][] = [
  ['livenessProbe'],
  ['readinessProbe'],
  ['startupProbe'],
  ['lifecycle', 'postStart'],
  ['lifecycle', 'preStop'],
];

export const pssHostProbes = pssRule({
  id: 'kubernetes/pss-host-probes',
  control: 'hostProbesAndHostLifecycle',
  level: 'baseline',
  description: 'A probe or lifecycle hook sets `host`, letting the kubelet send requests to another address.',
  docs: `\`httpGet.host\` / \`tcpSocket.host\` in probes and lifecycle hooks make the kubelet connect to an arbitrary address
from the node's network (a server-side request forgery primitive). Leave \`host\` unset: the kubelet then targets the
pod's IP. Use \`httpHeaders\` with \`Host\` for virtual hosts.`,
  evaluate(ctx, _pod, containers) {
    const out: PssFinding[] = [];
    for (const c of containers) {
      for (const path of HANDLERS) {
        const handler = getIn(c.node, path);
        for (const action of ['httpGet', 'tcpSocket']) {
          const node = get(get(handler, action), 'host');
          const host = scalarString(node);
          if (!host) continue;
          out.push({ range: rangeOf(ctx.model.index, node)!, message: `${containerLabel(c)}: ${path.join('.')} targets host "${host}"; leave host unset.` });
        }
      }
    }
    return out;
  },
});
