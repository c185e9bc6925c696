import type { Rule } from '../../engine/types';
import { get, getIn, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel } from '../pod';

const PROBES = [
  { key: 'livenessProbe', alias: 'kube-linter/liveness-port' },
  { key: 'readinessProbe', alias: 'kube-linter/readiness-port' },
  { key: 'startupProbe', alias: 'kube-linter/startup-port' },
];

export const probePort: Rule<KubernetesModel> = {
  id: 'kubernetes/probe-port',
  aliases: PROBES.map((p) => p.alias),
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: "A probe targets a port the container does not declare (unknown name, or a number not among its ports).",
  docs: `A probe on a named port that the container does not declare (or declares for UDP) can never succeed: the pod
never becomes ready, or is restarted forever. A numbered port missing from a container that lists its ports is usually a
typo. Use one of the container's TCP \`ports\`.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const ports = get(c.node, 'ports');
      const declared = isSeq(ports) ? ports.items.filter(isMap) : [];
      const tcp = declared.filter((p) => (scalarString(get(p, 'protocol')) ?? 'TCP') === 'TCP');
      const names = new Set(tcp.map((p) => scalarString(get(p, 'name'))).filter(Boolean));
      const numbers = new Set(tcp.map((p) => scalarString(get(p, 'containerPort'))).filter(Boolean));
      for (const probe of PROBES) {
        const spec = get(c.node, probe.key);
        if (!isMap(spec)) continue;
        for (const action of ['httpGet', 'tcpSocket', 'grpc']) {
          const portNode = getIn(spec, [action, 'port']);
          const port = scalarString(portNode);
          if (port === undefined || port.includes('{{')) continue;
          const numeric = /^\d+$/.test(port);
          if (numeric ? !declared.length || numbers.has(port) : names.has(port)) continue;
          ctx.report({
            range: rangeOf(ctx.model.index, portNode)!,
            message: numeric
              ? `${containerLabel(c)}: ${probe.key} uses port ${port}, which is not among its TCP ports.`
              : `${containerLabel(c)}: ${probe.key} uses port "${port}", but the container has no TCP port by that name.`,
            aliases: [probe.alias],
          });
        }
      }
    }
  },
};
