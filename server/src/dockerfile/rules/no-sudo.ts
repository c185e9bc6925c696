import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, programOf, wordRange } from '../run-queries';

export const noSudo: Rule<DockerfileModel> = {
  id: 'dockerfile/no-sudo',
  aliases: ['DL3004'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  description: '`sudo` in RUN: switch users with USER instead.',
  docs: `\`sudo\` has unpredictable TTY and signal behaviour in containers and leaves a privilege-escalation path in
the image. Run root steps before \`USER\`, or switch with \`USER root\` and back.

**Bad**
\`\`\`dockerfile
USER app
RUN sudo apt-get update
\`\`\`
**Good**
\`\`\`dockerfile
USER root
RUN apt-get update
USER app
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'sudo') continue;
      ctx.report({ range: wordRange(ctx.model, cmd.name), message: 'Do not use sudo in a build; use USER to run steps as another user.' });
    }
  },
};
