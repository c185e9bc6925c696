import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

export const fromAsCasing: Rule<DockerfileModel> = {
  id: 'dockerfile/from-as-casing',
  aliases: ['FromAsCasing'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  description: 'The `AS` keyword should use the same casing as `FROM`.',
  docs: `\`FROM image AS name\` reads as one statement: write \`AS\` in the same case as \`FROM\` (\`FROM … AS …\` or
\`from … as …\`). Mixed-case \`From\` is left to consistent-instruction-casing.

**Bad**
\`\`\`dockerfile
FROM alpine:3.20 as build
\`\`\`
**Good**
\`\`\`dockerfile
FROM alpine:3.20 AS build
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const from = stage.from;
      const args = from.getArguments();
      if (args.length < 3 || args[1].getValue().toLowerCase() !== 'as') continue;
      const keyword = from.getInstruction();
      const as = args[1].getValue();
      let wanted: string | undefined;
      if (keyword === keyword.toUpperCase()) wanted = 'AS';
      else if (keyword === keyword.toLowerCase()) wanted = 'as';
      if (!wanted || as === wanted) continue;
      ctx.report({
        range: args[1].getRange(),
        message: `"${as}" should match the casing of "${keyword}": write "${wanted}".`,
        fix: { title: `Write "${wanted}"`, edits: [{ range: args[1].getRange(), newText: wanted }] },
      });
    }
  },
};
