import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boolAt, containerLabel } from '../pod';

export const writableHostMount: Rule<KubernetesModel> = {
  id: 'kubernetes/writable-host-mount',
  aliases: ['kube-linter/writable-host-mount'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'Container mounts a hostPath volume writable.',
  docs: `A writable host mount lets the container change the node's files. Mount it with \`readOnly: true\` unless writing
there is the point.`,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const volumes = get(pod.spec, 'volumes');
      const hostVolumes = new Set(isSeq(volumes) ? volumes.items.filter((v) => isMap(get(v, 'hostPath'))).map((v) => scalarString(get(v, 'name'))) : []);
      if (!hostVolumes.size) continue;
      for (const c of ctx.model.containers) {
        if (c.pod !== pod) continue;
        const mounts = get(c.node, 'volumeMounts');
        if (!isSeq(mounts)) continue;
        for (const mount of mounts.items) {
          const name = scalarString(get(mount, 'name'));
          if (!hostVolumes.has(name) || boolAt(mount, 'readOnly') === true) continue;
          ctx.report({ range: rangeOf(ctx.model.index, get(mount, 'name'))!, message: `${containerLabel(c)} mounts host volume "${name}" writable; add readOnly: true.` });
        }
      }
    }
  },
};
