import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, programOf, wordRange } from '../run-queries';

export const cdInsteadOfWorkdir: Rule<DockerfileModel> = {
  id: 'dockerfile/cd-instead-of-workdir',
  aliases: ['DL3003'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  description: '`cd` in RUN: use WORKDIR to change directory.',
  docs: `\`cd\` only lasts until the end of its RUN, which makes later instructions depend on a directory that is no
longer current. WORKDIR sets it for every following instruction and documents it. (No quick fix: moving a \`cd\`
out of a command chain changes which commands run where.)

**Bad**
\`\`\`dockerfile
RUN cd /app && make
\`\`\`
**Good**
\`\`\`dockerfile
WORKDIR /app
RUN make
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'cd' || cmd.name.quoted) continue;
      ctx.report({ range: wordRange(ctx.model, cmd.name), message: 'Use WORKDIR to switch to a directory instead of cd.' });
    }
  },
};
