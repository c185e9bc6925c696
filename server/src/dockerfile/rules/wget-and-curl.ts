import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, programOf, wordRange } from '../run-queries';

export const wgetAndCurl: Rule<DockerfileModel> = {
  id: 'dockerfile/wget-and-curl',
  aliases: ['DL4001'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  description: 'Both wget and curl are used: pick one download tool.',
  docs: `Installing and using two tools that do the same job makes the image bigger for nothing. Reported on every
use of the tool that appears second in the file.

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
    const uses = [...commandsOf(ctx.model)].filter(({ cmd }) => programOf(cmd) === 'wget' || programOf(cmd) === 'curl');
    const first = uses[0] && programOf(uses[0].cmd);
    if (!first || !uses.some(({ cmd }) => programOf(cmd) !== first)) return;
    for (const { cmd } of uses) {
      if (programOf(cmd) === first) continue;
      ctx.report({ range: wordRange(ctx.model, cmd.name), message: `Both wget and curl are used; use ${first} here too.` });
    }
  },
};
