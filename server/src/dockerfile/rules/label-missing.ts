import type { Rule } from '../../engine/types';
import type { DockerfileModel, Stage } from '../model';
import { labelSchema, labelsOf } from '../labels';

export const labelMissing: Rule<DockerfileModel> = {
  id: 'dockerfile/label-missing',
  aliases: ['DL3049'],
  severity: 'info',
  profile: 'recommended',
  category: 'style',
  description: 'A label required by `dockerfile.labelSchema` is missing from the final image.',
  docs: `Only runs when \`dockerfile.labelSchema\` is configured (label name → \`text\`, \`url\`, \`email\`, \`rfc3339\`,
\`spdx\`, \`hash\` or \`semver\`). Labels set in the stages the final stage builds on count.

**Bad** (with \`labelSchema: { org.opencontainers.image.source: url }\`)
\`\`\`dockerfile
FROM alpine:3.21
\`\`\`
**Good**
\`\`\`dockerfile
FROM alpine:3.21
LABEL org.opencontainers.image.source="https://github.com/acme/app"
\`\`\``,
  check(ctx) {
    const schema = labelSchema(ctx.options);
    const last = ctx.model.stages[ctx.model.stages.length - 1];
    if (!schema || !last) return;
    const present = new Set<string>();
    for (let s: Stage | undefined = last; s; s = s.parent) for (const l of labelsOf(s)) present.add(l.key);
    for (const name of schema.keys()) {
      if (present.has(name)) continue;
      ctx.report({ range: last.from.getInstructionRange(), message: `Label "${name}" required by the label schema is missing.` });
    }
  },
};
