import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import { insertProbesFix } from '../fixes';
import { JOB_KINDS, type KubernetesModel } from '../model';

export const livenessProbe: Rule<KubernetesModel> = {
  id: 'kubernetes/liveness-probe',
  aliases: ['kube-linter/no-liveness-probe', 'polaris/livenessProbeMissing'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'Long-running container has no livenessProbe, so a hung process is never restarted.',
  docs: `Without a liveness probe the kubelet only restarts a container when its process exits. A process that deadlocks
or stops answering keeps its pod "Running" forever.

Applies to the regular containers of every workload except Jobs and CronJobs (which run to completion).
The quick fix adds \`livenessProbe\` and \`readinessProbe\` with \`httpGet\` on the container's first port
(\`/health\` and \`/ready\`); adjust the paths to your application's endpoints.

**Good**
\`\`\`yaml
livenessProbe:
  httpGet:
    path: /health
    port: http
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type !== 'containers' || JOB_KINDS.has(c.owner.kind ?? '')) continue;
      if (get(c.node, 'livenessProbe') !== undefined) continue;
      const range = rangeOf(ctx.model.index, get(c.node, 'name')) ?? rangeOf(ctx.model.index, c.node)!;
      ctx.report({
        range,
        message: `Container "${c.name ?? '?'}" has no livenessProbe.`,
        fix: insertProbesFix(ctx.model, c),
      });
    }
  },
};
