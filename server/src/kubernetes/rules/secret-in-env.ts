import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel } from '../pod';

/** Variable names that announce a credential. */
const SENSITIVE_NAME = /passw(or)?d|secret|token|api_?key|private_?key|access_?key|credential|auth_?key|batch_?key|key_content|connection_?string/i;
const PRIVATE_KEY = /BEGIN [A-Z ]*PRIVATE KEY/;

export const secretInEnv: Rule<KubernetesModel> = {
  id: 'kubernetes/secret-in-env',
  aliases: ['kube-linter/env-var-secret', 'polaris/sensitiveContainerEnvVar'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'A credential is written literally in a container environment variable.',
  docs: `A password or key in \`env[].value\` lives in the manifest, in Git, and in every \`kubectl get -o yaml\`. Put it in a
Secret and reference it with \`valueFrom.secretKeyRef\`.

**Bad**
\`\`\`yaml
env:
  - name: DB_PASSWORD
    value: hunter2
\`\`\`
**Good**
\`\`\`yaml
env:
  - name: DB_PASSWORD
    valueFrom:
      secretKeyRef: {name: db, key: password}
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const env = get(c.node, 'env');
      if (!isSeq(env)) continue;
      for (const e of env.items) {
        if (!isMap(e)) continue;
        const name = scalarString(get(e, 'name')) ?? '';
        const valueNode = get(e, 'value');
        const value = scalarString(valueNode);
        if (!value || value.includes('{{') || /^\$\(.*\)$/.test(value)) continue;
        const byName = SENSITIVE_NAME.test(name);
        const byValue = PRIVATE_KEY.test(value);
        if (!byName && !byValue) continue;
        const aliases = ['polaris/sensitiveContainerEnvVar', ...(/secret/i.test(name) ? ['kube-linter/env-var-secret'] : [])];
        ctx.report({
          range: rangeOf(ctx.model.index, valueNode)!,
          message: byValue
            ? `${containerLabel(c)} has a private key in environment variable ${name}; use a Secret.`
            : `${containerLabel(c)} sets ${name} literally; reference a Secret with valueFrom.secretKeyRef.`,
          aliases,
        });
      }
    }
  },
};
