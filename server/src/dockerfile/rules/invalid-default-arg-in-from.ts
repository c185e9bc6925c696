import type { Rule } from '../../engine/types';
import { globalArgs, imageWord } from '../from-args';
import type { DockerfileModel } from '../model';
import { expand, isValidImageReference } from '../words';

export const invalidDefaultArgInFrom: Rule<DockerfileModel> = {
  id: 'dockerfile/invalid-default-arg-in-from',
  aliases: ['InvalidDefaultArgInFrom'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'With the ARG defaults (no --build-arg), the base image of a FROM is empty or not a valid image name.',
  docs: `A build that passes no \`--build-arg\` must still work: give every ARG used in \`FROM\` a default that makes the
image reference valid.

**Bad**
\`\`\`dockerfile
ARG TAG
FROM alpine:\${TAG}
\`\`\`
**Good**
\`\`\`dockerfile
ARG TAG=3.20
FROM alpine:\${TAG}
\`\`\``,
  check(ctx) {
    const { values } = globalArgs(ctx.model);
    for (const stage of ctx.model.stages) {
      const word = imageWord(ctx.model, stage);
      if (!word || word.refs.length === 0) continue;
      const resolved = expand(word.text, values, ctx.model.escape);
      if (isValidImageReference(resolved)) continue;
      ctx.report({
        range: stage.from.getImageRange()!,
        message: resolved
          ? `With the ARG defaults, "${word.text}" resolves to "${resolved}", which is not a valid image name: give the ARG a default.`
          : `With the ARG defaults, "${word.text}" resolves to an empty image name: give the ARG a default.`,
      });
    }
  },
};
