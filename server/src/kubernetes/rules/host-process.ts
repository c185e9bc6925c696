import type { Rule } from '../../engine/types';
import { get, getIn, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boolAt, containerLabel, containerSecurityContext, podSecurityContext } from '../pod';

export const hostProcess: Rule<KubernetesModel> = {
  id: 'kubernetes/host-process',
  aliases: ['pss/windowsHostProcess', 'polaris/hostProcess'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  description: 'Windows HostProcess container: it runs directly on the node with full access.',
  docs: `\`windowsOptions.hostProcess: true\` runs a Windows container as a process on the host, with the node's
privileges. Only node-management agents need it; everything else must not set it.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const podSc = podSecurityContext(pod);
      if (boolAt(podSc, 'windowsOptions', 'hostProcess') === true) {
        ctx.report({ range: rangeOf(ctx.model.index, getIn(podSc, ['windowsOptions', 'hostProcess']))!, message: 'The pod runs as a Windows HostProcess.' });
      }
    }
    for (const c of ctx.model.containers) {
      const sc = containerSecurityContext(c);
      if (boolAt(sc, 'windowsOptions', 'hostProcess') !== true) continue;
      ctx.report({ range: rangeOf(ctx.model.index, get(get(sc, 'windowsOptions'), 'hostProcess'))!, message: `${containerLabel(c)} runs as a Windows HostProcess.` });
    }
  },
};
