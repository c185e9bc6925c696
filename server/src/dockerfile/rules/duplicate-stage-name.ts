import type { Rule } from '../../engine/types';
import { fileStagesOf, type DockerfileModel } from '../model';

export const duplicateStageName: Rule<DockerfileModel> = {
  id: 'dockerfile/duplicate-stage-name',
  aliases: ['DL3024', 'DuplicateStageName'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Two stages have the same name.',
  docs: `Stage names are compared without case and must be unique: \`--target\` and \`COPY --from\` could not tell them
apart. Reported on every stage that reuses an earlier name.

**Bad**
\`\`\`dockerfile
FROM node:22 AS build
FROM golang:1.23 AS build
\`\`\`
**Good**
\`\`\`dockerfile
FROM node:22 AS web-build
FROM golang:1.23 AS api-build
\`\`\``,
  check(ctx) {
    const seen = new Set<string>();
    // Every stage of the file: while a file is edited the model may hold only the edited stages (parts.ts).
    for (const stage of fileStagesOf(ctx.model)) {
      if (!stage.name) continue;
      if (seen.has(stage.name)) {
        const range = stage.from.getBuildStageRange() ?? stage.from.getRange();
        ctx.report({ range, message: `Stage name "${stage.from.getBuildStage()}" is already used by an earlier stage.` });
      }
      seen.add(stage.name);
    }
  },
};
