import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

const KEYWORDS = new Set([
  'ADD', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL',
  'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR',
]);

export const instructionOrder: Rule<DockerfileModel> = {
  id: 'dockerfile/instruction-order',
  aliases: ['DL3061'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Instruction before the first FROM (only ARG may come first).',
  docs: `A Dockerfile starts with \`FROM\`, optionally preceded by \`ARG\`s (and parser directives and comments).
Anything else before the first FROM is rejected by the builder.

**Bad**
\`\`\`dockerfile
RUN echo hi
FROM alpine:3.21
\`\`\`
**Good**
\`\`\`dockerfile
ARG ALPINE_VERSION=3.21
FROM alpine:\${ALPINE_VERSION}
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword === 'FROM') return;
      // Unknown words are syntax errors (reported by dockerfile/syntax), not an ordering problem.
      if (keyword === 'ARG' || !KEYWORDS.has(keyword)) continue;
      ctx.report({ range: ins.getInstructionRange(), message: `${ins.getInstruction()} comes before the first FROM; only ARG may precede it.` });
    }
  },
};
