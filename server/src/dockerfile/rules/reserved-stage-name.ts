import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

const RESERVED = new Set(['scratch', 'context']);

export const reservedStageName: Rule<DockerfileModel> = {
  id: 'dockerfile/reserved-stage-name',
  aliases: ['ReservedStageName', 'DL3063'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'A stage is named `scratch` or `context`, names BuildKit reserves.',
  docs: `\`scratch\` is the empty image and \`context\` the build context: a stage with one of these names cannot be
referenced reliably (\`FROM scratch\` keeps meaning the empty image). Pick another name.

**Bad**
\`\`\`dockerfile
FROM alpine:3.20 AS scratch
\`\`\`
**Good**
\`\`\`dockerfile
FROM alpine:3.20 AS base
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const name = stage.from.getBuildStage();
      const range = stage.from.getBuildStageRange();
      if (!name || !range || !RESERVED.has(name.toLowerCase())) continue;
      ctx.report({ range, message: `Stage name "${name}" is reserved by BuildKit ("${name.toLowerCase()}"): choose another name.` });
    }
  },
};
