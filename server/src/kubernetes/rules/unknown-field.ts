import { schemaRule } from './schema-rule';

export const unknownField = schemaRule(
  {
    id: 'kubernetes/unknown-field',
    aliases: ['kube-linter/schema-validation'],
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    fixable: true,
    description: 'A field the object\'s schema does not define (usually a typo or a field at the wrong level).',
    docs: `Kubernetes rejects unknown fields (\`kubectl apply\` uses strict field validation since 1.27) or, with older
clients, silently drops them: a misspelled \`livenesProbe\` means no probe at all. Shipshape checks every key of every
built-in kind (Kubernetes 1.34, bundled, offline), of the custom resources whose CustomResourceDefinition is in the
workspace, and of Argo CD, Argo Rollouts, Flux and kustomize objects. It suggests the closest field and the quick fix
renames the key.

This is kubeconform's \`-strict\` mode, on by default.

The built-in schema is generated from the \`kubernetes-models\` package (Kubernetes' own OpenAPI) by
\`npm run gen:k8s-schema\`. No registry package ships schemas for Argo CD, Argo Rollouts, Flux and kustomize, so theirs
are compact and hand-written: top-level and \`spec\` keys are checked, deeper fast-moving parts (generators, strategies,
patches) are not. Custom resources without a CustomResourceDefinition in the workspace are not checked.

**Bad**
\`\`\`yaml
containers:
  - name: web
    image: nginx:1.27
    livenesProbe:          # unknown: did you mean livenessProbe?
      httpGet: {path: /health, port: 80}
\`\`\`
**Good**
\`\`\`yaml
    livenessProbe:
      httpGet: {path: /health, port: 80}
\`\`\``,
  },
  'unknown-field',
);
