import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

export const lastUserRoot: Rule<DockerfileModel> = {
  id: 'dockerfile/last-user-root',
  aliases: ['DL3002'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'The final stage switches to root last: the container runs as root.',
  docs: `A process running as root in a container is one kernel bug away from root on the host. Switch back to an
unprivileged user after the steps that need root.

**Bad**
\`\`\`dockerfile
USER root
RUN apt-get update
CMD ["app"]
\`\`\`
**Good**
\`\`\`dockerfile
USER root
RUN apt-get update
USER app
CMD ["app"]
\`\`\``,
  check(ctx) {
    const stage = ctx.model.stages[ctx.model.stages.length - 1];
    const user = stage?.scope.user;
    if (!user || !stage.instructions.includes(user.instruction)) return;
    const name = user.value.split(':')[0].trim();
    if (name !== 'root' && name !== '0') return;
    ctx.report({ range: user.instruction.getArgumentsRange()!, message: 'The last USER of the final stage is root; switch to an unprivileged user.' });
  },
};
