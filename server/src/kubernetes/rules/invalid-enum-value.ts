import { schemaRule } from './schema-rule';

export const invalidEnumValue = schemaRule(
  {
    id: 'kubernetes/invalid-enum-value',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    fixable: true,
    description: 'A value outside the field\'s allowed set (`imagePullPolicy`, `restartPolicy`, Service `type`…).',
    docs: `Many fields accept a fixed set of values, and the API server rejects anything else — including a different
capitalisation (\`ifNotPresent\`). The message lists the allowed values; the quick fix picks the one you most likely meant.

**Bad**
\`\`\`yaml
imagePullPolicy: always
\`\`\`
**Good**
\`\`\`yaml
imagePullPolicy: Always
\`\`\``,
  },
  'enum',
);
