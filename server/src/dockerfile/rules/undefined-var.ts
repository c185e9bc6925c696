import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { undefinedVariables } from '../scope';

export const undefinedVar: Rule<DockerfileModel> = {
  id: 'dockerfile/undefined-var',
  aliases: ['UndefinedVar'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'A variable is used before any ARG or ENV in the stage defines it.',
  docs: `In \`COPY\`, \`ADD\`, \`ENV\`, \`ARG\`, \`LABEL\`, \`EXPOSE\`, \`WORKDIR\`, \`USER\`, \`VOLUME\` and \`STOPSIGNAL\` the
builder expands variables itself; an undefined one silently becomes an empty string. Declare build arguments inside
the stage (\`ARG name\` — global ARGs are not visible after \`FROM\` until re-declared). Typos are suggested.
Shell-form \`RUN\`, \`CMD\` and \`ENTRYPOINT\` are left alone: the shell expands their variables.

Without a registry Shipshape does not know the base image's environment: for common OS images it assumes only
\`PATH\`; for other images it reports upper-case names only when they look like a typo of a known one.

**Bad**
\`\`\`dockerfile
FROM alpine:3.20
COPY $SRC /app
\`\`\`
**Good**
\`\`\`dockerfile
FROM alpine:3.20
ARG SRC=.
COPY $SRC /app
\`\`\``,
  check(ctx) {
    for (const use of undefinedVariables(ctx.model)) {
      ctx.report({
        range: use.range,
        message: `Variable "$${use.name}" is not defined in this stage${use.suggestion ? ` (did you mean $${use.suggestion}?)` : ''}: declare it with ARG or ENV.`,
      });
    }
  },
};
