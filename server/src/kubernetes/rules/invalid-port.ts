import { schemaRule } from './schema-rule';

export const invalidPort = schemaRule(
  {
    id: 'kubernetes/invalid-port',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    description: 'A port number outside 1–65535 (container, Service, probe and Ingress backend ports).',
    docs: `Ports are 1 to 65535. \`hostPort\` and \`nodePort\` may be 0 (unset). Probe and Service \`targetPort\` values may
also be a port *name*, which must follow the IANA service-name rules (see \`kubernetes/invalid-name\`).

**Bad**
\`\`\`yaml
ports:
  - containerPort: 80800
\`\`\`
**Good**
\`\`\`yaml
ports:
  - containerPort: 8080
\`\`\``,
  },
  'port',
);
