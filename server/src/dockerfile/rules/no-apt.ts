import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, programOf, wordRange } from '../run-queries';

export const noApt: Rule<DockerfileModel> = {
  id: 'dockerfile/no-apt',
  aliases: ['DL3027'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`apt` is an interactive front end; scripts should use `apt-get` or `apt-cache`.',
  docs: `\`apt\`'s command-line interface is not stable for scripts (it warns so itself) and its output is meant for
people. Use \`apt-get\` to install and \`apt-cache\` to query.

**Bad**
\`\`\`dockerfile
RUN apt install -y curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apt-get install -y --no-install-recommends curl
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'apt') continue;
      ctx.report({ range: wordRange(ctx.model, cmd.name), message: 'Use apt-get (or apt-cache) instead of apt in scripts.' });
    }
  },
};
