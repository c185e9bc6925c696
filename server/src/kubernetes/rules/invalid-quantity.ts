import { schemaRule } from './schema-rule';

export const invalidQuantity = schemaRule(
  {
    id: 'kubernetes/invalid-quantity',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    description: 'A resource quantity that Kubernetes cannot parse (`1GB`, `500 m`, `1gi`).',
    docs: `Quantities (CPU, memory, storage, extended resources) are a number with an optional suffix: decimal \`m\`
(milli), \`k\`, \`M\`, \`G\`, \`T\`, \`P\`, \`E\`, binary \`Ki\`, \`Mi\`, \`Gi\`, \`Ti\`, \`Pi\`, \`Ei\`, or an exponent (\`1e3\`).
Suffixes are case-sensitive and there is no space: \`1GB\`, \`1gi\` and \`512 Mi\` are rejected.

**Bad**
\`\`\`yaml
resources:
  limits: {memory: 1GB, cpu: "0.5 cores"}
\`\`\`
**Good**
\`\`\`yaml
resources:
  limits: {memory: 1Gi, cpu: 500m}
\`\`\``,
  },
  'quantity',
);
