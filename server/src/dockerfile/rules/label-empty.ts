import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { labelPairs, labelSchema } from '../labels';

export const labelEmpty: Rule<DockerfileModel> = {
  id: 'dockerfile/label-empty',
  aliases: ['DL3051'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  description: 'A label of `dockerfile.labelSchema` has an empty value.',
  docs: `Only runs when \`dockerfile.labelSchema\` is configured. An empty value defeats the purpose of a required label.

**Bad**
\`\`\`dockerfile
LABEL org.opencontainers.image.title=""
\`\`\`
**Good**
\`\`\`dockerfile
LABEL org.opencontainers.image.title="billing-api"
\`\`\``,
  check(ctx) {
    const schema = labelSchema(ctx.options);
    if (!schema) return;
    for (const label of labelPairs(ctx.model)) {
      if (!schema.has(label.key) || label.value.trim() !== '') continue;
      ctx.report({ range: label.keyRange, message: `Label "${label.key}" is empty.` });
    }
  },
};
