import type { Rule } from '../../engine/types';
import { fileStagesOf, type DockerfileModel } from '../model';

export const lastUserRoot: Rule<DockerfileModel> = {
  id: 'dockerfile/last-user-root',
  aliases: ['DL3002'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'A stage switches to root last: its container (and any stage built FROM it) runs as root.',
  docs: `A process running as root in a container is one kernel bug away from root on the host. Switch back to an
unprivileged user after the steps that need root.

Every stage is checked, as hadolint does: the last \`USER\` of a stage is what the stage's image, and any stage
built \`FROM\` it, runs as. \`root\`, \`0\` and \`root:<group>\` / \`0:<gid>\` count as root; a stage that never
sets \`USER\` is left to \`dockerfile/runs-as-root\`.

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
    // Every stage of the file decides which is final (when the engine runs rules on some stages only).
    const fileStages = fileStagesOf(ctx.model);
    const final = fileStages[fileStages.length - 1];
    for (const stage of ctx.model.stages) {
      const user = stage.scope.user;
      // Only a USER of the stage itself: one inherited from `FROM base` is reported in that stage.
      if (!user || !stage.instructions.includes(user.instruction)) continue;
      const name = user.value.split(':')[0].trim();
      if (name !== 'root' && name !== '0') continue;
      const which = stage === final ? 'the final stage' : stage.name ? `stage "${stage.name}"` : `stage ${stage.index + 1}`;
      ctx.report({ range: user.instruction.getArgumentsRange()!, message: `The last USER of ${which} is root; switch to an unprivileged user.` });
    }
  },
};
