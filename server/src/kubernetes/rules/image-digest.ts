import type { Rule } from '../../engine/types';
import { rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { literalImages } from './image-tag';

export const imageDigest: Rule<KubernetesModel> = {
  id: 'kubernetes/image-digest',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  category: 'security',
  description: 'Container image is pinned by tag, not by digest.',
  docs: `A tag can be moved to other content (by a compromised registry account or a careless re-push); a digest cannot.
Pin \`image: name:tag@sha256:…\` so every node runs exactly the image you reviewed. (\`:latest\` and untagged images are
reported by \`kubernetes/image-tag\`.)`,
  check(ctx) {
    for (const { node, name, tag, digest } of literalImages(ctx.model)) {
      if (digest || !tag || tag === 'latest') continue;
      ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `Image "${name}:${tag}" is not pinned by digest.` });
    }
  },
};
