import { get, isMap, isScalar, isSeq, keyRange, rangeOf, scalarString } from '../../yaml/yaml';
import { pssRule, type PssFinding } from '../pss';

const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);

export const pssRestrictedVolumes = pssRule({
  id: 'kubernetes/pss-restricted-volumes',
  control: 'restrictedVolumes',
  level: 'restricted',
  description: 'Restricted pods may only use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.',
  docs: `Inline volume sources such as \`nfs\`, \`gitRepo\`, \`iscsi\` or cloud disks bypass the PersistentVolume layer and its
access controls. Declare them as PersistentVolumes and mount them through a \`persistentVolumeClaim\`.
(\`hostPath\` volumes are reported by \`kubernetes/host-path\`.)`,
  evaluate(ctx, pod) {
    const out: PssFinding[] = [];
    const volumes = get(pod.spec, 'volumes');
    if (!isSeq(volumes)) return [];
    for (const v of volumes.items) {
      if (!isMap(v)) continue;
      // Keys with no value are not sources (the API drops them).
      const sources = v.items.filter((p) => !(p.value === null || (isScalar(p.value) && p.value.value === null))).map((p) => scalarString(p.key) ?? '').filter((k) => k !== 'name');
      if (sources.some((s) => ALLOWED.has(s)) || sources.includes('hostPath')) continue;
      const source = sources[0];
      const name = scalarString(get(v, 'name')) ?? '?';
      const range = (source && keyRange(ctx.model.index, v, source)) || rangeOf(ctx.model.index, get(v, 'name')) || rangeOf(ctx.model.index, v)!;
      out.push({ range, message: `Volume "${name}" uses ${source ? `the "${source}" source` : 'no known source'}, which restricted pods may not use.` });
    }
    return out;
  },
});
