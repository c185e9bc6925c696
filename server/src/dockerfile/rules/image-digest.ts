import type { Rule } from '../../engine/types';
import { isStageOrScratch, type DockerfileModel } from '../model';

export const imageDigest: Rule<DockerfileModel> = {
  id: 'dockerfile/image-digest',
  aliases: [],
  severity: 'info',
  profile: 'strict',
  category: 'reliability',
  description: 'The base image is pinned by tag but not by digest; tags can be moved.',
  docs: `A tag such as \`node:22.11-bookworm-slim\` is re-pointed when the publisher rebuilds the image (security fixes,
but also changes you did not review). A digest (\`@sha256:…\`) names exactly one image; keep the tag for readability and
let a bot (Renovate, Dependabot) update both.

**Bad**
\`\`\`dockerfile
FROM node:22.11-bookworm-slim
\`\`\`
**Good**
\`\`\`dockerfile
FROM node:22.11-bookworm-slim@sha256:<digest>
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      if (!image || isStageOrScratch(ctx.model, stage) || image.unresolved || image.digest || !image.tag) continue;
      const range = stage.from.getImageTagRange() ?? stage.from.getImageRange() ?? stage.from.getRange();
      ctx.report({ range, message: `Base image "${image.name}:${image.tag}" is pinned by tag only: add its digest (${image.name}:${image.tag}@sha256:…) for reproducible builds.` });
    }
  },
};
