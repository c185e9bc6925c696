import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { renameStageEdits } from '../stages';

export const stageNameCasing: Rule<DockerfileModel> = {
  id: 'dockerfile/stage-name-casing',
  aliases: ['StageNameCasing'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  description: 'Stage names should be lowercase.',
  docs: `Stage names are case-insensitive: BuildKit lower-cases them, so \`FROM base\` and \`COPY --from=Base\` name the
same stage. Writing them in lowercase keeps references greppable and unambiguous.

The quick fix lower-cases the name and every reference to the stage (\`FROM\`, \`COPY --from\`, \`RUN --mount=from=\`).

**Bad**
\`\`\`dockerfile
FROM node:22 AS Builder
\`\`\`
**Good**
\`\`\`dockerfile
FROM node:22 AS builder
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const name = stage.from.getBuildStage();
      const range = stage.from.getBuildStageRange();
      if (!name || !range || name === name.toLowerCase()) continue;
      const lower = name.toLowerCase();
      ctx.report({
        range,
        message: `Stage name "${name}" should be lowercase: "${lower}".`,
        fix: { title: `Rename stage to "${lower}"`, edits: renameStageEdits(ctx.model, range, name, lower) },
      });
    }
  },
};
