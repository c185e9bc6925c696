import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';

export const exposePortRange: Rule<DockerfileModel> = {
  id: 'dockerfile/expose-port-range',
  aliases: ['DL3011'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'EXPOSE of a port outside 0–65535.',
  docs: `TCP and UDP ports are 16-bit numbers: anything above 65535 does not exist.

**Bad**
\`\`\`dockerfile
EXPOSE 80000
\`\`\`
**Good**
\`\`\`dockerfile
EXPOSE 8000
\`\`\``,
  check(ctx) {
    for (const stage of allStages(ctx.model)) {
      for (const { value, range } of stage.scope.exposes) {
        const ports = value.split('/')[0].split('-');
        const bad = ports.find((p) => /^\d+$/.test(p) && Number(p) > 65535);
        if (bad) ctx.report({ range, message: `Port ${bad} is out of range: valid ports are 0 to 65535.` });
      }
    }
  },
};
