import { isMap, isScalar, type Node } from 'yaml';
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { get } from '../../yaml/yaml';
import { nodeRange } from './structure-rule';

export const credentials: Rule<ActionsModel> = {
  id: 'actions/credentials',
  aliases: ['actionlint/credentials'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  description: 'Container or service registry password written in the workflow instead of a secret.',
  docs: `A password in \`container.credentials\` or \`services.<id>.credentials\` is visible to everyone who can read the
repository. Store it as a secret and reference it.

**Bad**
\`\`\`yaml
container:
  image: registry.example.com/app
  credentials:
    username: bot
    password: hunter2
\`\`\`
**Good**
\`\`\`yaml
    password: \${{ secrets.REGISTRY_PASSWORD }}
\`\`\``,
  check(ctx) {
    for (const job of ctx.model.jobs) {
      const containers: Array<[string, unknown]> = [['container', get(job.node, 'container')]];
      const services = get(job.node, 'services');
      if (isMap(services)) for (const p of services.items) containers.push([`service "${String((p.key as { value?: unknown })?.value)}"`, p.value]);
      for (const [what, c] of containers) {
        const pw = get(get(c, 'credentials'), 'password');
        if (isScalar(pw) && typeof pw.value === 'string' && pw.value && !pw.value.includes('${{')) {
          ctx.report({ range: nodeRange(ctx.model, pw as Node), message: `The registry password of the ${what} is written in the workflow: use a secret (\${{ secrets.NAME }}).` });
        }
      }
    }
  },
};
