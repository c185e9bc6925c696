import type { Rule } from '../../engine/types';
import { globalArgs, imageWord, platformWord } from '../from-args';
import type { DockerfileModel } from '../model';
import { suggest } from '../words';

export const undefinedArgInFrom: Rule<DockerfileModel> = {
  id: 'dockerfile/undefined-arg-in-from',
  aliases: ['UndefinedArgInFrom'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'A FROM instruction uses a build argument that is not declared before the first FROM.',
  docs: `\`FROM\` can only use ARGs declared before the first \`FROM\` (global ARGs) and BuildKit's predefined ones
(\`BUILDPLATFORM\`, \`TARGETARCH\`…). Anything else expands to an empty string, which often means a typo such as
\`$BUILDPLATFROM\`; the message suggests the closest declared name.

**Bad**
\`\`\`dockerfile
FROM node:22\${VARIANT}
\`\`\`
**Good**
\`\`\`dockerfile
ARG VARIANT=-alpine
FROM node:22\${VARIANT}
\`\`\``,
  check(ctx) {
    const { declared, values } = globalArgs(ctx.model);
    const known = new Set([...declared, ...values.keys()]);
    for (const stage of ctx.model.stages) {
      const words = [platformWord(ctx.model, stage), imageWord(ctx.model, stage)];
      const seen = new Set<string>();
      for (const word of words) {
        for (const ref of word?.refs ?? []) {
          if (known.has(ref.name) || seen.has(ref.name)) continue;
          seen.add(ref.name);
          const hint = suggest(ref.name, known);
          ctx.report({
            range: ctx.model.index.range(ref.start, ref.end),
            message: `FROM uses build argument "${ref.name}", which is not declared before the first FROM${hint ? ` (did you mean ${hint}?)` : ''}.`,
          });
        }
      }
    }
  },
};
