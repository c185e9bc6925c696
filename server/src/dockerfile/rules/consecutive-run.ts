import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { flagsOf } from '../instructions';

export const consecutiveRun: Rule<DockerfileModel> = {
  id: 'dockerfile/consecutive-run',
  aliases: ['DL3059'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  description: 'Consecutive RUN instructions could be one.',
  docs: `Each RUN adds a layer; consecutive ones with the same options can usually be joined with \`&&\`, which also lets
cleanup in the same layer actually shrink it. RUNs with different flags (mounts, network) are not reported, nor
RUNs that already chain commands (\`a && b\`, \`a; b\`): splitting those is taken as a deliberate cache boundary.

**Bad**
\`\`\`dockerfile
RUN apt-get update
RUN apt-get install -y --no-install-recommends curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl
\`\`\``,
  check(ctx) {
    for (const stage of allStages(ctx.model)) {
      const commandCount = new Map(stage.runs.map((r) => [r.instruction, r.script.commands.length]));
      let previous: string | undefined;
      for (const ins of stage.instructions) {
        // A RUN that already chains several commands is a deliberate layer boundary (as in hadolint).
        const chained = (commandCount.get(ins) ?? 0) > 1;
        if (ins.getKeyword() !== 'RUN' || chained) {
          previous = undefined;
          continue;
        }
        const flags = flagsOf(ins).map((f) => f.toString()).sort().join(' ');
        if (previous !== undefined && previous === flags) {
          ctx.report({ range: ins.getInstructionRange(), message: 'This RUN follows another RUN: consider joining them into one layer.' });
        }
        previous = flags;
      }
    }
  },
};
