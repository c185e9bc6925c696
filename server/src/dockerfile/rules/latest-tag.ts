import type { Rule } from '../../engine/types';
import { isStageOrScratch, type DockerfileModel } from '../model';

export const latestTag: Rule<DockerfileModel> = {
  id: 'dockerfile/latest-tag',
  aliases: ['DL3007'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'Base image uses the `latest` tag, which moves with every release.',
  docs: `\`latest\` is just the tag a registry moved most recently. Builds are not reproducible and a new major version can
break them without any change on your side. Pin a version tag, or a digest.

**Bad**
\`\`\`dockerfile
FROM node:latest
\`\`\`
**Good**
\`\`\`dockerfile
FROM node:22.11-bookworm-slim
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      if (!image || isStageOrScratch(ctx.model, stage)) continue;
      if (image.tag !== 'latest' || image.digest) continue;
      const range = stage.from.getImageTagRange() ?? stage.from.getImageRange() ?? stage.from.getRange();
      ctx.report({ range, message: `Base image "${image.name}" uses the "latest" tag: pin a version.` });
    }
  },
};
