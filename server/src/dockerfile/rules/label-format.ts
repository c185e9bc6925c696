import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { FORMAT_CODE, labelPairs, labelSchema, validLabelValue } from '../labels';

const DESCRIBE: Record<string, string> = {
  url: 'a valid URL',
  rfc3339: 'an RFC 3339 date-time (e.g. 2025-01-31T12:00:00Z)',
  spdx: 'an SPDX license expression (e.g. Apache-2.0)',
  hash: 'a full git commit hash',
  semver: 'a semantic version (e.g. 1.4.2)',
  email: 'an e-mail address',
};

export const labelFormat: Rule<DockerfileModel> = {
  id: 'dockerfile/label-format',
  aliases: ['DL3052', 'DL3053', 'DL3054', 'DL3055', 'DL3056', 'DL3058'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  description: 'A label value does not match its type in `dockerfile.labelSchema`.',
  docs: `Only runs when \`dockerfile.labelSchema\` is configured. Types: \`url\` (DL3052), \`rfc3339\` (DL3053),
\`spdx\` (DL3054), \`hash\` (DL3055, a full git commit hash), \`semver\` (DL3056), \`email\` (DL3058); \`text\` accepts
anything. Values that use build variables are not checked.

**Bad** (with \`labelSchema: { org.opencontainers.image.version: semver }\`)
\`\`\`dockerfile
LABEL org.opencontainers.image.version=latest
\`\`\`
**Good**
\`\`\`dockerfile
LABEL org.opencontainers.image.version=1.4.2
\`\`\``,
  check(ctx) {
    const schema = labelSchema(ctx.options);
    if (!schema) return;
    for (const label of labelPairs(ctx.model)) {
      const type = schema.get(label.key);
      if (!type || type === 'text' || !label.value.trim() || label.value.includes('$')) continue;
      if (validLabelValue(type, label.value)) continue;
      ctx.report({
        range: label.valueRange ?? label.keyRange,
        message: `Label "${label.key}" must be ${DESCRIBE[type]}.`,
        aliases: [FORMAT_CODE[type]],
      });
    }
  },
};
