import { schemaRule } from './schema-rule';

export const invalidName = schemaRule(
  {
    id: 'kubernetes/invalid-name',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    description: 'A name, namespace, label or port name that breaks Kubernetes naming rules (DNS-1123, label syntax).',
    docs: `Kubernetes restricts names so they can be used in DNS and URLs:

- object names: DNS-1123 subdomains (lowercase letters, digits, \`-\`, \`.\`; ≤ 253), Services and Namespaces DNS-1123
  labels (no dots; ≤ 63); container names are labels too;
- label keys \`[prefix/]name\` (name ≤ 63 of letters, digits, \`-\`, \`_\`, \`.\`), label values ≤ 63 of the same characters;
- container port names: IANA service names (≤ 15 lowercase letters, digits and \`-\`, with a letter).

Values with template expressions (\`{{ }}\`, \`\${VAR}\`) are not checked.

**Bad**
\`\`\`yaml
metadata:
  name: My_App
  labels:
    team: "platform team"
\`\`\`
**Good**
\`\`\`yaml
metadata:
  name: my-app
  labels:
    team: platform-team
\`\`\``,
  },
  'name',
);
