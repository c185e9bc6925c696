import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

export const maintainerDeprecated: Rule<DockerfileModel> = {
  id: 'dockerfile/maintainer-deprecated',
  aliases: ['DL4000', 'MaintainerDeprecated'],
  severity: 'error',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  tags: ['deprecated'],
  description: 'MAINTAINER is deprecated: use a LABEL.',
  docs: `MAINTAINER was deprecated in Docker 1.13. The OCI annotation \`org.opencontainers.image.authors\` carries the
same information and is read by registries. The quick fix rewrites the instruction as that LABEL.

**Bad**
\`\`\`dockerfile
MAINTAINER Jane Doe <jane@example.com>
\`\`\`
**Good**
\`\`\`dockerfile
LABEL org.opencontainers.image.authors="Jane Doe <jane@example.com>"
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const ins of model.instructions) {
      if (ins.getKeyword() !== 'MAINTAINER') continue;
      const args = ins.getArgumentsRange();
      const author = (ins.getArgumentsContent() ?? '').replace(/\\\r?\n\s*/g, ' ').trim().replace(/^"(.*)"$/, '$1');
      const label = `LABEL org.opencontainers.image.authors=${JSON.stringify(author)}`;
      const range = { start: ins.getRange().start, end: args?.end ?? ins.getRange().end };
      ctx.report({
        range: ins.getInstructionRange(),
        message: 'MAINTAINER is deprecated; use LABEL org.opencontainers.image.authors instead.',
        fix: author ? { title: 'Replace with LABEL org.opencontainers.image.authors', edits: [{ range, newText: label }] } : undefined,
      });
    }
  },
};
