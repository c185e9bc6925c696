import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';

/** hadolint's code for a repeated instruction (reported on every repeat after the first). */
const HADOLINT: Record<string, string> = { CMD: 'DL4003', ENTRYPOINT: 'DL4004', HEALTHCHECK: 'DL3012' };

export const multipleInstructions: Rule<DockerfileModel> = {
  id: 'dockerfile/multiple-instructions',
  aliases: ['DL4003', 'DL4004', 'DL3012', 'MultipleInstructionsDisallowed'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'A stage has more than one CMD, ENTRYPOINT or HEALTHCHECK; only the last one counts.',
  docs: `Only the last CMD, ENTRYPOINT and HEALTHCHECK of a stage take effect; the others are dead code that misleads
readers. Every instance but one is reported: BuildKit's code on the ones that are overridden, hadolint's on the
ones that override an earlier one.

**Bad**
\`\`\`dockerfile
CMD ["node", "a.js"]
CMD ["node", "b.js"]
\`\`\`
**Good**
\`\`\`dockerfile
CMD ["node", "b.js"]
\`\`\``,
  check(ctx) {
    for (const stage of allStages(ctx.model)) {
      for (const keyword of Object.keys(HADOLINT)) {
        const all = stage.instructions.filter((i) => i.getKeyword() === keyword);
        all.forEach((ins, i) => {
          const aliases: string[] = [];
          if (i > 0) aliases.push(HADOLINT[keyword]);
          if (i < all.length - 1) aliases.push('MultipleInstructionsDisallowed');
          if (!aliases.length) return;
          const message = i < all.length - 1
            ? `This ${keyword} is overridden by a later ${keyword} in the same stage and has no effect.`
            : `${keyword} is repeated in this stage; only this last one takes effect.`;
          ctx.report({ range: ins.getInstructionRange(), message, aliases });
        });
      }
    }
  },
};
