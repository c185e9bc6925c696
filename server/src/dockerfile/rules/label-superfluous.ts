import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { labelPairs, labelSchema } from '../labels';

export const labelSuperfluous: Rule<DockerfileModel> = {
  id: 'dockerfile/label-superfluous',
  aliases: ['DL3050'],
  severity: 'info',
  profile: 'recommended',
  category: 'style',
  description: 'A label not in `dockerfile.labelSchema` (with `dockerfile.strictLabels: true`).',
  docs: `Only runs when \`dockerfile.labelSchema\` is configured and \`dockerfile.strictLabels\` is \`true\`: every label
must then be one of the schema's.

**Bad** (with \`labelSchema: { org.opencontainers.image.version: semver }\`, \`strictLabels: true\`)
\`\`\`dockerfile
LABEL build-host=ci-17
\`\`\`
**Good**
\`\`\`dockerfile
LABEL org.opencontainers.image.version=1.4.2
\`\`\``,
  check(ctx) {
    const schema = labelSchema(ctx.options);
    if (!schema || ctx.options.strictLabels !== true) return;
    for (const label of labelPairs(ctx.model)) {
      if (schema.has(label.key)) continue;
      ctx.report({ range: label.keyRange, message: `Label "${label.key}" is not in the label schema.` });
    }
  },
};
