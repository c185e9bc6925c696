import type { Rule } from '../../engine/types';
import { platformWord } from '../from-args';
import type { DockerfileModel } from '../model';

export const redundantTargetPlatform: Rule<DockerfileModel> = {
  id: 'dockerfile/redundant-target-platform',
  aliases: ['RedundantTargetPlatform', 'DL3065'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  description: '`FROM --platform=$TARGETPLATFORM` is the default and can be removed.',
  docs: `Stages are built for the target platform unless told otherwise, so \`--platform=$TARGETPLATFORM\` changes
nothing. (\`--platform=$BUILDPLATFORM\` is the useful one, for cross-compiling stages.) The quick fix removes the flag.

**Bad**
\`\`\`dockerfile
FROM --platform=$TARGETPLATFORM alpine:3.20
\`\`\`
**Good**
\`\`\`dockerfile
FROM alpine:3.20
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const word = platformWord(ctx.model, stage);
      if (!word || !/^\$(?:TARGETPLATFORM|\{TARGETPLATFORM\})$/.test(word.text)) continue;
      const flagRange = word.flag.getRange();
      const start = ctx.model.index.offsetAt(flagRange.start);
      let end = ctx.model.index.offsetAt(flagRange.end);
      while (end < ctx.model.text.length && (ctx.model.text[end] === ' ' || ctx.model.text[end] === '\t')) end++;
      ctx.report({
        range: word.flag.getValueRange()!,
        message: `Setting the platform to ${word.text} is redundant: stages use the target platform by default.`,
        fix: { title: 'Remove the --platform flag', edits: [{ range: ctx.model.index.range(start, end), newText: '' }] },
      });
    }
  },
};
