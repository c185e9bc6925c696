import type { Rule } from '../../engine/types';
import { get, rangeOf, scalarString, type Node } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { imageParts } from '../../engine/image-ref';

/** Every container image written literally (not templated), split into parts, with its node. */
export function literalImages(model: KubernetesModel): Array<{ node: Node; name: string; tag?: string; digest?: string }> {
  const out: Array<{ node: Node; name: string; tag?: string; digest?: string }> = [];
  for (const c of model.containers) {
    const node = get(c.node, 'image');
    const image = scalarString(node);
    if (!node || !image || image.includes('{{') || image.includes('$(')) continue;
    out.push({ node, ...imageParts(image.trim()) });
  }
  return out;
}

export const imageTag: Rule<KubernetesModel> = {
  id: 'kubernetes/image-tag',
  aliases: ['kube-linter/latest-tag', 'polaris/tagNotSpecified', 'kube-score/container-image-tag'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'Container image uses `:latest` or no tag, so pods on different nodes may run different code.',
  docs: `An image without a tag means \`:latest\`. Each node pulls whatever \`latest\` is when a pod lands there, so one
Deployment can run several versions at once, and a rollback does not roll anything back. Pin a version tag or a digest.

**Bad**
\`\`\`yaml
image: nginx
\`\`\`
**Good**
\`\`\`yaml
image: nginx:1.27.2
\`\`\``,
  check(ctx) {
    for (const { node, name, tag, digest } of literalImages(ctx.model)) {
      if (digest) continue;
      const range = rangeOf(ctx.model.index, node)!;
      if (!tag) ctx.report({ range, message: `Image "${name}" has no tag (it means :latest); pin a version.` });
      else if (tag === 'latest') ctx.report({ range, message: `Image "${name}" uses the "latest" tag; pin a version.` });
    }
  },
};
