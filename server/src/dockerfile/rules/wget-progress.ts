import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, hasOption, programOf, wordRange } from '../run-queries';

export const wgetProgress: Rule<DockerfileModel> = {
  id: 'dockerfile/wget-progress',
  aliases: ['DL3047'],
  severity: 'info',
  profile: 'recommended',
  category: 'style',
  description: '`wget` without `--progress` (or `-q`/`-nv`) floods the build log.',
  docs: `Without a terminal, wget prints a progress line every few kilobytes: a large download fills the build log
with thousands of lines. Use \`--progress=dot:giga\`, or \`-q\`/\`-nv\`.

**Bad**
\`\`\`dockerfile
RUN wget https://example.com/big.tar.gz
\`\`\`
**Good**
\`\`\`dockerfile
RUN wget --progress=dot:giga https://example.com/big.tar.gz
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'wget') continue;
      if (hasOption(cmd, ['progress', 'quiet', 'no-verbose', 'output-file', 'append-output'], 'qoa') || cmd.args.some((a) => a.text === '-nv')) continue;
      ctx.report({ range: wordRange(ctx.model, cmd.name), message: 'Add --progress=dot:giga (or -q / -nv) to wget to keep the build log readable.' });
    }
  },
};
