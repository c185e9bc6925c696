import type { Onbuild } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

const FORBIDDEN = new Set(['ONBUILD', 'FROM', 'MAINTAINER']);

export const onbuildTrigger: Rule<DockerfileModel> = {
  id: 'dockerfile/onbuild-trigger',
  aliases: ['DL3043'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'ONBUILD cannot trigger ONBUILD, FROM or MAINTAINER.',
  docs: `The builder rejects \`ONBUILD ONBUILD\`, \`ONBUILD FROM\` and \`ONBUILD MAINTAINER\`.

**Bad**
\`\`\`dockerfile
ONBUILD FROM debian:12
\`\`\`
**Good**
\`\`\`dockerfile
ONBUILD RUN ./configure
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.getKeyword() !== 'ONBUILD') continue;
      const onbuild = ins as Onbuild;
      const trigger = onbuild.getTrigger()?.toUpperCase();
      const range = onbuild.getTriggerRange();
      if (!trigger || !range || !FORBIDDEN.has(trigger)) continue;
      ctx.report({ range, message: `${trigger} is not allowed as an ONBUILD trigger.` });
    }
  },
};
