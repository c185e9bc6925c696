import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { commandsOf, programOf, wordRange } from '../run-queries';

export const wgetAndCurl: Rule<DockerfileModel> = {
  id: 'dockerfile/wget-and-curl',
  aliases: ['DL4001'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  description: 'Both wget and curl are used: pick one download tool.',
  docs: `Installing and using two tools that do the same job makes the image bigger for nothing. Each stage is
checked on its own (as hadolint does): reported on every use of the tool that appears second in the stage.

**Bad**
\`\`\`dockerfile
RUN wget -q https://example.com/a.tgz
RUN curl -fsSLO https://example.com/b.tgz
\`\`\`
**Good**
\`\`\`dockerfile
RUN curl -fsSLO https://example.com/a.tgz && curl -fsSLO https://example.com/b.tgz
\`\`\``,
  check(ctx) {
    // Per stage: a builder stage that downloads with curl does not put curl in an image that uses wget.
    for (const stage of allStages(ctx.model)) {
      const uses = commandsOf(ctx.model, stage).filter(({ cmd }) => programOf(cmd) === 'wget' || programOf(cmd) === 'curl');
      const first = uses[0] && programOf(uses[0].cmd);
      if (!first) continue;
      for (const { cmd } of uses) {
        if (programOf(cmd) === first) continue;
        ctx.report({ range: wordRange(ctx.model, cmd.name), message: `Both wget and curl are used in this stage; use ${first} here too.` });
      }
    }
  },
};
