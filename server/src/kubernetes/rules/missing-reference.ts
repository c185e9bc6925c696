import type { Range, Rule } from '../../engine/types';
import { get, getIn, isMap, isSeq, rangeOf, scalarString, type Node } from '../../yaml/yaml';
import type { KubernetesModel, PodTemplate } from '../model';
import { boolAt, containersOf } from '../pod';
import { sameNamespace, workspaceComplete } from '../project';
import { hasKind, objectsNamed } from '../project-objects';

interface Reference {
  kind: 'ServiceAccount' | 'ConfigMap' | 'Secret' | 'PersistentVolumeClaim';
  name: string;
  node: Node;
  /** For env valueFrom key references: the key and its node. */
  key?: { value: string; node: Node };
}

/** Every object a pod template refers to by name (optional references left out). */
function referencesOf(model: KubernetesModel, pod: PodTemplate): Reference[] {
  const out: Reference[] = [];
  const add = (kind: Reference['kind'], node: Node | undefined, optionalOwner?: unknown, keyNode?: Node) => {
    const name = scalarString(node);
    const keyValue = scalarString(keyNode);
    if (node && name && !name.includes('{{') && boolAt(optionalOwner, 'optional') !== true) {
      out.push({ kind, name, node, key: keyNode && keyValue !== undefined ? { value: keyValue, node: keyNode } : undefined });
    }
  };
  const sa = get(pod.spec, 'serviceAccountName') ?? get(pod.spec, 'serviceAccount');
  if (scalarString(sa) !== 'default') add('ServiceAccount', sa);
  const volumes = get(pod.spec, 'volumes');
  // A StatefulSet's claim templates replace the pod volumes of the same name with per-replica claims.
  const templates = pod.owner.kind === 'StatefulSet' ? getIn(pod.owner.root, ['spec', 'volumeClaimTemplates']) : undefined;
  const templated = new Set(isSeq(templates) ? templates.items.map((t) => scalarString(getIn(t, ['metadata', 'name']))).filter((n): n is string => n !== undefined) : []);
  if (isSeq(volumes)) {
    for (const v of volumes.items) {
      if (templated.has(scalarString(get(v, 'name')) ?? '')) continue;
      add('ConfigMap', getIn(v, ['configMap', 'name']), get(v, 'configMap'));
      add('Secret', getIn(v, ['secret', 'secretName']), get(v, 'secret'));
      add('PersistentVolumeClaim', getIn(v, ['persistentVolumeClaim', 'claimName']));
      const sources = getIn(v, ['projected', 'sources']);
      if (isSeq(sources)) {
        for (const s of sources.items) {
          add('ConfigMap', getIn(s, ['configMap', 'name']), get(s, 'configMap'));
          add('Secret', getIn(s, ['secret', 'name']), get(s, 'secret'));
        }
      }
    }
  }
  const pullSecrets = get(pod.spec, 'imagePullSecrets');
  if (isSeq(pullSecrets)) for (const s of pullSecrets.items) add('Secret', get(s, 'name'));
  for (const c of containersOf(model, pod)) {
    const envFrom = get(c.node, 'envFrom');
    if (isSeq(envFrom)) {
      for (const e of envFrom.items) {
        add('ConfigMap', getIn(e, ['configMapRef', 'name']), get(e, 'configMapRef'));
        add('Secret', getIn(e, ['secretRef', 'name']), get(e, 'secretRef'));
      }
    }
    const env = get(c.node, 'env');
    if (isSeq(env)) {
      for (const e of env.items) {
        if (!isMap(e)) continue;
        add('ConfigMap', getIn(e, ['valueFrom', 'configMapKeyRef', 'name']), getIn(e, ['valueFrom', 'configMapKeyRef']), getIn(e, ['valueFrom', 'configMapKeyRef', 'key']));
        add('Secret', getIn(e, ['valueFrom', 'secretKeyRef', 'name']), getIn(e, ['valueFrom', 'secretKeyRef']), getIn(e, ['valueFrom', 'secretKeyRef', 'key']));
      }
    }
  }
  return out;
}

export const missingReference: Rule<KubernetesModel> = {
  id: 'kubernetes/missing-reference',
  aliases: ['kube-linter/non-existent-service-account', 'kube-linter/env-value-from'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'Pod refers to a ServiceAccount, ConfigMap, Secret (or a key of one) or PersistentVolumeClaim the workspace does not define.',
  docs: `A pod whose ServiceAccount, ConfigMap, Secret or claim does not exist stays \`Pending\` or \`CreateContainerConfigError\`.
Under profile \`recommended\` a kind is checked once the workspace defines at least one object of it (otherwise they are
probably created elsewhere); with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete. References marked \`optional: true\` are not checked, nor are StatefulSet volumes
replaced by a \`volumeClaimTemplates\` entry of the same name.`,
  check(ctx) {
    const complete = workspaceComplete(ctx);
    for (const pod of ctx.model.podTemplates) {
      for (const ref of referencesOf(ctx.model, pod)) {
        if (!hasKind(ctx, ref.kind) && !complete) continue;
        const envAlias = ref.key ? ['kube-linter/env-value-from'] : [];
        const target = objectsNamed(ctx, ref.kind, ref.name).find((o) => sameNamespace(o.namespace, pod.owner.namespace));
        if (target) {
          if (ref.key && target.keys && !target.keys.includes(ref.key.value)) {
            ctx.report({ range: rangeOf(ctx.model.index, ref.key.node)!, message: `${ref.kind} "${ref.name}" has no key "${ref.key.value}".`, aliases: envAlias });
          }
          continue;
        }
        const range: Range = rangeOf(ctx.model.index, ref.node)!;
        ctx.report({
          range,
          message: `${ref.kind} "${ref.name}" is not defined in the workspace.`,
          aliases: ref.kind === 'ServiceAccount' ? ['kube-linter/non-existent-service-account'] : envAlias,
        });
      }
    }
  },
};
