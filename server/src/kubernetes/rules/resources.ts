import type { Rule } from '../../engine/types';
import { get, getIn, keyRange } from '../../yaml/yaml';
import { resourcesFix } from '../fixes';
import type { KubernetesModel } from '../model';
import { containerLabel, containerRange } from '../pod';

const SETTINGS = [
  { path: ['requests', 'cpu'], label: 'CPU request', aliases: ['kube-linter/unset-cpu-requirements', 'polaris/cpuRequestsMissing'] },
  { path: ['limits', 'cpu'], label: 'CPU limit', aliases: ['polaris/cpuLimitsMissing'] },
  { path: ['requests', 'memory'], label: 'memory request', aliases: ['polaris/memoryRequestsMissing'] },
  { path: ['limits', 'memory'], label: 'memory limit', aliases: ['kube-linter/unset-memory-requirements', 'polaris/memoryLimitsMissing'] },
];

export const resources: Rule<KubernetesModel> = {
  id: 'kubernetes/resources',
  aliases: SETTINGS.flatMap((s) => s.aliases),
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: 'Container lacks CPU or memory requests or limits.',
  docs: `Requests tell the scheduler how much room a pod needs; without them pods pile onto nodes and get evicted first.
Limits stop one container from starving its neighbours (a memory leak takes down the node instead of the pod). Set all
four. The quick fix adds the missing ones from \`kubernetes.defaultResources\` (default: requests cpu 100m / memory 256Mi,
limits cpu 500m / memory 512Mi) and leaves values you set alone.

**Good**
\`\`\`yaml
resources:
  requests: {cpu: 100m, memory: 256Mi}
  limits: {cpu: 500m, memory: 512Mi}
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type === 'ephemeralContainers') continue;
      const res = get(c.node, 'resources');
      const missing = SETTINGS.filter((s) => getIn(res, s.path) === undefined);
      if (!missing.length) continue;
      ctx.report({
        range: keyRange(ctx.model.index, c.node, 'resources') ?? containerRange(ctx.model, c),
        message: `${containerLabel(c)} has no ${missing.map((m) => m.label).join(', ').replace(/, ([^,]*)$/, ' or $1')}.`,
        aliases: missing.flatMap((m) => m.aliases),
        fix: resourcesFix(ctx.model, c, ctx.options),
      });
    }
  },
};
