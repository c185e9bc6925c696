import type { Rule } from '../../engine/types';
import { get, isMap, isScalar, rangeOf } from '../../yaml/yaml';
import type { ActionsModel } from '../model';

export const excessivePermissions: Rule<ActionsModel> = {
  id: 'actions/excessive-permissions',
  aliases: ['zizmor/excessive-permissions'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`permissions: write-all`, or write scopes granted to every job at workflow level.',
  docs: `The \`GITHUB_TOKEN\` can do whatever \`permissions:\` allows; a compromised step (a hijacked action, an
injection) inherits all of it. \`write-all\` grants every scope; write scopes at workflow level are handed to every
job, including those that only build or test.

Grant \`read\` at workflow level and the write scopes only in the job that needs them.

**Bad**
\`\`\`yaml
permissions: write-all
\`\`\`
**Good**
\`\`\`yaml
permissions:
  contents: read
jobs:
  release:
    permissions:
      contents: write
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    if (model.kind !== 'workflow' || !model.root) return;
    const check = (perms: unknown, where: 'workflow' | 'job') => {
      if (isScalar(perms) && perms.value === 'write-all') {
        ctx.report({ range: rangeOf(model.index, perms)!, message: `"write-all" gives the token every write scope${where === 'workflow' ? ' in every job' : ''}: list only the scopes this ${where === 'workflow' ? 'workflow' : 'job'} needs.` });
      } else if (where === 'workflow' && isMap(perms) && model.jobs.length > 1) {
        for (const p of perms.items) {
          if (isScalar(p.value) && p.value.value === 'write' && isScalar(p.key)) {
            ctx.report({ range: rangeOf(model.index, p.value)!, message: `"${p.key.value}: write" at workflow level is granted to all ${model.jobs.length} jobs: move it to the job that needs it.` });
          }
        }
      }
    };
    check(get(model.root, 'permissions'), 'workflow');
    for (const job of model.jobs) check(get(job.node, 'permissions'), 'job');
  },
};
