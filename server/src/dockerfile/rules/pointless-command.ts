import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, programOf, wordRange } from '../run-queries';

const POINTLESS = new Set(['ssh', 'vim', 'shutdown', 'service', 'ps', 'free', 'top', 'kill', 'mount', 'ifconfig']);

export const pointlessCommand: Rule<DockerfileModel> = {
  id: 'dockerfile/pointless-command',
  aliases: ['DL3001'],
  severity: 'info',
  profile: 'recommended',
  category: 'correctness',
  description: 'Interactive or system commands (ssh, vim, service, top, kill…) do nothing useful in a build step.',
  docs: `A RUN step executes once, without a terminal, in a container that has no services running: editors, process
viewers, \`service\`, \`shutdown\`, \`mount\` or \`ssh\` either hang, fail, or change nothing that ends up in the image.

**Bad**
\`\`\`dockerfile
RUN service nginx start
\`\`\`
**Good**
\`\`\`dockerfile
CMD ["nginx", "-g", "daemon off;"]
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      const program = programOf(cmd);
      if (!POINTLESS.has(program)) continue;
      ctx.report({ range: wordRange(ctx.model, cmd.name), message: `"${program}" makes no sense in a build step: it is interactive or acts on a running system.` });
    }
  },
};
