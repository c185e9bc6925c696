import type { Rule } from '../../engine/types';
import type { DockerfileModel, Stage } from '../model';

function hasHealthcheck(stage: Stage | undefined): boolean {
  for (let s = stage; s; s = s.parent) if (s.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK')) return true;
  return false;
}

export const healthcheckRequired: Rule<DockerfileModel> = {
  id: 'dockerfile/healthcheck-required',
  aliases: ['DL3057'],
  severity: 'info',
  profile: 'all',
  category: 'reliability',
  description: 'A stage has no HEALTHCHECK, nor inherits one (opt-in).',
  docs: `Without a HEALTHCHECK, Docker and Swarm only know whether the process is running, not whether it works.
Opt-in (profile \`all\`): many images are run by orchestrators with their own probes.

As in hadolint, every stage is checked: a stage is fine when it, or a stage it builds \`FROM\`, has a
\`HEALTHCHECK\` (\`HEALTHCHECK NONE\` included). The finding is on the stage's FROM.

**Bad**
\`\`\`dockerfile
FROM nginx:1.27
\`\`\`
**Good**
\`\`\`dockerfile
FROM nginx:1.27
HEALTHCHECK CMD curl -fsS http://localhost/ || exit 1
\`\`\``,
  check(ctx) {
    const { stages } = ctx.model;
    for (const stage of stages) {
      if (hasHealthcheck(stage)) continue;
      const which = stage === stages[stages.length - 1] ? 'The final stage' : stage.name ? `Stage "${stage.name}"` : `Stage ${stage.index + 1}`;
      ctx.report({ range: stage.from.getInstructionRange(), message: `${which} has no HEALTHCHECK instruction.` });
    }
  },
};
