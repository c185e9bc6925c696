import type { Rule } from '../../engine/types';
import { get, getIn, isMap, keyRange, rangeOf, scalarString } from '../../yaml/yaml';
import { isApiObject, type KubernetesModel } from '../model';

/** A plain address: local part, `@`, a domain with at least one dot. */
const EMAIL = /^[A-Za-z0-9_.+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+$/;

export const requiredAnnotationEmail: Rule<KubernetesModel> = {
  id: 'kubernetes/required-annotation-email',
  aliases: ['kube-linter/required-annotation-email'],
  severity: 'info',
  profile: 'all',
  category: 'style',
  description: 'The object has no `email` annotation with a valid address.',
  docs: `An \`email\` annotation tells whoever finds the object (an on-call engineer, a cluster admin cleaning up) whom to
contact. Every object is checked, except \`List\` wrappers and kustomize files; the value must look like an address
(\`name@example.com\`).

**Good**
\`\`\`yaml
metadata:
  name: web
  annotations:
    email: payments-team@example.com
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (!isApiObject(m) || !m.kind) continue;
      const annotations = get(m.metadata, 'annotations');
      const node = getIn(annotations, ['email']);
      const value = scalarString(node);
      if (value !== undefined && EMAIL.test(value.trim())) continue;
      ctx.report({
        range:
          (value !== undefined && rangeOf(ctx.model.index, node)) ||
          (isMap(annotations) && keyRange(ctx.model.index, m.metadata, 'annotations')) ||
          keyRange(ctx.model.index, m.root, 'metadata') ||
          keyRange(ctx.model.index, m.root, 'kind') ||
          rangeOf(ctx.model.index, m.root)!,
        message:
          value !== undefined
            ? `${m.kind} "${m.name ?? '?'}": annotation email "${value}" is not an email address.`
            : `${m.kind} "${m.name ?? '?'}" has no email annotation.`,
      });
    }
  },
};
