import { schemaRule } from './schema-rule';

export const invalidType = schemaRule(
  {
    id: 'kubernetes/invalid-type',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    fixable: true,
    description: 'A value of the wrong type: a number where a string is expected, a list instead of a mapping…',
    docs: `The API server decodes manifests into typed objects and rejects values of the wrong type. The classic case is
an environment variable or label value that YAML reads as a number or boolean (\`value: 8080\`, \`enabled: true\`):
it must be quoted. Fields typed *integer or string* (ports, \`maxSurge\`) accept both.

The quick fix quotes a number or boolean where a string is expected, and unquotes \`"3"\` where a number is expected.

**Bad**
\`\`\`yaml
env:
  - name: PORT
    value: 8080
\`\`\`
**Good**
\`\`\`yaml
env:
  - name: PORT
    value: "8080"
\`\`\``,
  },
  'type',
);
