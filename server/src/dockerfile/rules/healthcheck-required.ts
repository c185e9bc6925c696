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
  description: 'The final image has no HEALTHCHECK (opt-in).',
  docs: `Without a HEALTHCHECK, Docker and Swarm only know whether the process is running, not whether it works.
Opt-in (profile \`all\`): many images are run by orchestrators with their own probes.

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
    const last = ctx.model.stages[ctx.model.stages.length - 1];
    if (!last || hasHealthcheck(last)) return;
    ctx.report({ range: last.from.getInstructionRange(), message: 'The final stage has no HEALTHCHECK instruction.' });
  },
};
