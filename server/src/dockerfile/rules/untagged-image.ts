import type { Rule } from '../../engine/types';
import { isStageOrScratch, type DockerfileModel } from '../model';

export const untaggedImage: Rule<DockerfileModel> = {
  id: 'dockerfile/untagged-image',
  aliases: ['DL3006'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'Base image has no tag, so every build may pull a different image.',
  docs: `\`FROM ubuntu\` means \`FROM ubuntu:latest\`: whatever the registry holds on the day you build.
Builds stop being reproducible and a new major version can break them silently. Name a tag (or a digest).

A tag that comes from an \`ARG\` default counts as pinned: \`ARG NODE_VERSION=20\` then \`FROM node:\${NODE_VERSION}\`.
References to earlier build stages and \`scratch\` are not images and are never reported.

**Bad**
\`\`\`dockerfile
FROM debian
\`\`\`
**Good**
\`\`\`dockerfile
FROM debian:12.7-slim
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const image = stage.image;
      if (!image || isStageOrScratch(ctx.model, stage) || image.unresolved) continue;
      if (image.tag || image.digest) continue;
      const range = stage.from.getImageRange() ?? stage.from.getRange();
      ctx.report({ range, message: `Base image "${image.name}" has no tag: pin a version, e.g. ${image.name}:<version>.` });
    }
  },
};
