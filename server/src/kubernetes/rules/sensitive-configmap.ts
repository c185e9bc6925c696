import type { Rule } from '../../engine/types';
import { get, isMap, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

const SENSITIVE_KEY = /passw(or)?d|secret|token|api_?key|private_?key|access_?key|credential|auth_?key|batch_?key|key_content|connection_?string/i;
const PRIVATE_KEY = /BEGIN [A-Z ]*PRIVATE KEY/;

export const sensitiveConfigMap: Rule<KubernetesModel> = {
  id: 'kubernetes/sensitive-configmap',
  aliases: ['polaris/sensitiveConfigmapContent'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'ConfigMap holds what looks like a credential.',
  docs: `ConfigMaps are readable by anyone who can read the namespace's configuration and are not encrypted at rest. Move
passwords, tokens and keys to a Secret (better: an external secret store).`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'ConfigMap') continue;
      const data = get(m.root, 'data');
      if (!isMap(data)) continue;
      for (const pair of data.items) {
        const key = scalarString(pair.key) ?? '';
        const value = scalarString(pair.value) ?? '';
        const byValue = PRIVATE_KEY.test(value);
        if (!byValue && !(SENSITIVE_KEY.test(key) && value.trim() !== '')) continue;
        ctx.report({
          range: rangeOf(ctx.model.index, pair.key as never)!,
          message: byValue ? `ConfigMap "${m.name ?? '?'}" holds a private key under "${key}".` : `ConfigMap "${m.name ?? '?'}" key "${key}" looks like a credential; use a Secret.`,
        });
      }
    }
  },
};
