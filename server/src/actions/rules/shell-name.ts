import type { Scalar } from 'yaml';
import { isMap, isScalar } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import type { ActionsModel, Job } from '../model';
import { jobOs } from '../runners';
import { get, getIn } from '../../yaml/yaml';
import { nodeRange } from './structure-rule';

const POSIX = ['bash', 'pwsh', 'python', 'sh'];
const WINDOWS = ['bash', 'pwsh', 'python', 'cmd', 'powershell'];

export const shellName: Rule<ActionsModel> = {
  id: 'actions/shell-name',
  aliases: ['actionlint/shell-name'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: '`shell:` that is not a built-in shell of the runner OS (or a custom command with "{0}").',
  docs: `\`shell:\` takes \`bash\`, \`pwsh\`, \`python\`, \`sh\` (Linux, macOS), \`cmd\` and \`powershell\` (Windows), or a
custom command containing \`{0}\` for the script path (\`perl {0}\`).

**Bad**
\`\`\`yaml
runs-on: ubuntu-latest
defaults:
  run:
    shell: powershell
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    const check = (node: unknown, job: Job | undefined) => {
      if (!isScalar(node) || typeof node.value !== 'string') return;
      const value = node.value.trim();
      if (!value || value.includes('${{') || value.includes('{0}') || /\s/.test(value)) return;
      const os = jobOs(job);
      const allowed = os === 'windows' ? WINDOWS : os ? POSIX : [...new Set([...POSIX, ...WINDOWS])];
      if (allowed.includes(value.toLowerCase())) return;
      const where = os === 'windows' ? ' on Windows' : os ? ' on Linux and macOS' : '';
      ctx.report({ range: nodeRange(model, node as Scalar), message: `"${value}" is not a shell${where}: use ${allowed.join(', ')}, or a command with "{0}" for the script.` });
    };
    if (model.root) check(getIn(model.root, ['defaults', 'run', 'shell']), undefined);
    for (const job of model.jobs) {
      check(getIn(job.node, ['defaults', 'run', 'shell']), job);
      for (const step of job.steps) check(get(step.node, 'shell'), job);
    }
    if (model.kind === 'action') for (const step of model.steps) if (isMap(step.node)) check(get(step.node, 'shell'), undefined);
  },
};
