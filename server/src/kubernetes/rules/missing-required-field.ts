import { schemaRule } from './schema-rule';

export const missingRequiredField = schemaRule(
  {
    id: 'kubernetes/missing-required-field',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    description: 'A field the schema requires is missing (container `name`, Deployment `selector`, Service port `port`…).',
    docs: `The API server rejects objects that lack required fields. The finding is reported on the key (or list item)
that should contain the missing field. Kustomize patches are partial objects and are not checked for required fields:
files a kustomization.yaml (beside them or one folder up) lists under \`patches\`/\`patchesStrategicMerge\`, and files
named \`*patch*.yaml\`. Documents with template expressions (\`{{ }}\`) are not checked either.

**Bad**
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
spec:            # missing selector
  template: …
\`\`\`
**Good**
\`\`\`yaml
spec:
  selector:
    matchLabels: {app: web}
  template: …
\`\`\``,
  },
  'required',
);
