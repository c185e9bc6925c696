import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { flagValue } from '../instructions';

export const copyFromSelf: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-from-self',
  aliases: ['DL3023'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: '`COPY --from` names the stage it is in.',
  docs: `A stage cannot copy from itself: the build fails (or, with a same-named image, copies something else).

**Bad**
\`\`\`dockerfile
FROM node:22 AS build
COPY --from=build /app/dist /dist
\`\`\`
**Good**
\`\`\`dockerfile
FROM node:22 AS build
FROM nginx:1.27
COPY --from=build /app/dist /usr/share/nginx/html
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      if (!stage.name) continue;
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        const from = flagValue(ins, 'from');
        if (from?.value.toLowerCase() !== stage.name) continue;
        ctx.report({ range: from.range, message: `COPY --from="${from.value}" refers to its own stage.` });
      }
    }
  },
};
