import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, positionals, programOf, wordRange } from '../run-queries';

export const shellViaLn: Rule<DockerfileModel> = {
  id: 'dockerfile/shell-via-ln',
  aliases: ['DL4005'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: 'Replacing /bin/sh with `ln` to change the shell: use the SHELL instruction.',
  docs: `Relinking \`/bin/sh\` changes the shell for every program in the image, not only for your RUN steps, and
breaks scripts that expect the distribution's \`sh\`. SHELL changes the shell of the following RUN instructions only.

**Bad**
\`\`\`dockerfile
RUN ln -sf /bin/bash /bin/sh
\`\`\`
**Good**
\`\`\`dockerfile
SHELL ["/bin/bash", "-c"]
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'ln') continue;
      // The link created is the last operand: `ln -sf /bin/bash /bin/sh`.
      const operands = positionals(cmd, ['-t', '--target-directory', '-S', '--suffix']);
      const target = operands[operands.length - 1];
      if (operands.length < 2 || target.text !== '/bin/sh') continue;
      ctx.report({ range: wordRange(ctx.model, target), message: 'Use the SHELL instruction to change the shell instead of relinking /bin/sh.' });
    }
  },
};
