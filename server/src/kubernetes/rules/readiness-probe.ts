import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import { insertProbesFix } from '../fixes';
import { JOB_KINDS, type KubernetesModel } from '../model';

export const readinessProbe: Rule<KubernetesModel> = {
  id: 'kubernetes/readiness-probe',
  aliases: ['kube-linter/no-readiness-probe', 'polaris/readinessProbeMissing'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'Long-running container has no readinessProbe, so it gets traffic before it can serve.',
  docs: `Without a readiness probe a pod counts as ready as soon as its containers start, so Services send it requests
during start-up and while it is overloaded, and rolling updates remove old pods before the new ones can serve.

Applies to the regular containers of every workload except Jobs and CronJobs (which run to completion).
The quick fix adds \`livenessProbe\` and \`readinessProbe\` with \`httpGet\` on the container's first port
(\`/health\` and \`/ready\`); adjust the paths to your application's endpoints.

**Good**
\`\`\`yaml
readinessProbe:
  httpGet:
    path: /ready
    port: http
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type !== 'containers' || JOB_KINDS.has(c.owner.kind ?? '')) continue;
      if (get(c.node, 'readinessProbe') !== undefined) continue;
      const range = rangeOf(ctx.model.index, get(c.node, 'name')) ?? rangeOf(ctx.model.index, c.node)!;
      ctx.report({
        range,
        message: `Container "${c.name ?? '?'}" has no readinessProbe.`,
        fix: insertProbesFix(ctx.model, c),
      });
    }
  },
};
