import type { Rule } from '../../engine/types';
import { get, isScalar, rangeOf } from '../../yaml/yaml';
import { jobContainers } from '../facts';
import type { ActionsModel } from '../model';

/** `latest` or no tag at all (a digest is always fine). */
function unpinned(image: string): 'untagged' | 'latest' | undefined {
  if (image.includes('${{') || image.includes('@sha256:')) return undefined;
  const slash = image.lastIndexOf('/');
  const colon = image.lastIndexOf(':');
  if (colon <= slash) return 'untagged';
  return image.slice(colon + 1) === 'latest' ? 'latest' : undefined;
}

export const unpinnedImages: Rule<ActionsModel> = {
  id: 'actions/unpinned-images',
  aliases: ['zizmor/unpinned-images'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'A job container or service image has no tag or uses `latest`.',
  docs: `An untagged or \`latest\` image changes whenever its publisher pushes, so the job can break — or run
someone else's code — without any change on your side. Pin a version tag, or better a digest.

**Good**
\`\`\`yaml
services:
  db:
    image: postgres:16.4@sha256:…
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    for (const job of model.jobs) {
      for (const c of jobContainers(job)) {
        const node = isScalar(c) ? c : get(c, 'image');
        if (!isScalar(node) || typeof node.value !== 'string' || !node.value) continue;
        const problem = unpinned(node.value);
        if (!problem) continue;
        ctx.report({
          range: rangeOf(model.index, node)!,
          message: problem === 'latest' ? `"${node.value}" follows the moving "latest" tag: pin a version or digest.` : `"${node.value}" has no tag, so it means "latest": pin a version or digest.`,
        });
      }
    }
  },
};
