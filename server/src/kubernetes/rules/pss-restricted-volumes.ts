import { get, isMap, isScalar, isSeq, keyRange, scalarString } from '../../yaml/yaml';
import { pssRule, type PssFinding } from '../pss';

const ALLOWED = new Set(['configMap', 'csi', 'downwardAPI', 'emptyDir', 'ephemeral', 'image', 'persistentVolumeClaim', 'projected', 'secret']);
/** The other volume sources of the core API (hostPath is reported by kubernetes/host-path with this control's alias). */
const OTHER_SOURCES = new Set([
  'awsElasticBlockStore', 'azureDisk', 'azureFile', 'cephfs', 'cinder', 'fc', 'flexVolume', 'flocker', 'gcePersistentDisk', 'gitRepo',
  'glusterfs', 'iscsi', 'nfs', 'photonPersistentDisk', 'portworxVolume', 'quobyte', 'rbd', 'scaleIO', 'storageos', 'vsphereVolume',
]);

export const pssRestrictedVolumes = pssRule({
  id: 'kubernetes/pss-restricted-volumes',
  control: 'restrictedVolumes',
  level: 'restricted',
  description: 'Restricted pods may only use configMap, csi, downwardAPI, emptyDir, ephemeral, image, persistentVolumeClaim, projected and secret volumes.',
  docs: `Inline volume sources such as \`nfs\`, \`gitRepo\`, \`iscsi\` or cloud disks bypass the PersistentVolume layer and its
access controls. Declare them as PersistentVolumes and mount them through a \`persistentVolumeClaim\`.
(\`hostPath\` volumes are reported by \`kubernetes/host-path\`.) As in the admission controller, a volume with no source is
the \`emptyDir\` the API server defaults it to, and a volume with an allowed source passes.`,
  restrictedFix: false,
  evaluate(ctx, pod) {
    const out: PssFinding[] = [];
    const volumes = get(pod.spec, 'volumes');
    if (!isSeq(volumes)) return [];
    for (const v of volumes.items) {
      if (!isMap(v)) continue;
      // Keys with no value are not sources, nor are unknown keys (the API drops both); no source at all is an emptyDir.
      const sources = v.items.filter((p) => !(p.value === null || (isScalar(p.value) && p.value.value === null))).map((p) => scalarString(p.key) ?? '');
      if (sources.some((s) => ALLOWED.has(s)) || sources.includes('hostPath')) continue;
      const source = sources.find((s) => OTHER_SOURCES.has(s));
      if (!source) continue;
      const name = scalarString(get(v, 'name')) ?? '?';
      out.push({ range: keyRange(ctx.model.index, v, source)!, message: `Volume "${name}" uses the "${source}" source, which restricted pods may not use.` });
    }
    return out;
  },
});
