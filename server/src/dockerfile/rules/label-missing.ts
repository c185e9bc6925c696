import type { Rule } from '../../engine/types';
import type { DockerfileModel, Stage } from '../model';
import { flagValue } from '../instructions';
import { labelSchema, labelsOf } from '../labels';

export const labelMissing: Rule<DockerfileModel> = {
  id: 'dockerfile/label-missing',
  aliases: ['DL3049'],
  severity: 'info',
  profile: 'recommended',
  category: 'style',
  description: 'A label required by `dockerfile.labelSchema` is missing from a stage.',
  docs: `Only runs when \`dockerfile.labelSchema\` is configured (label name → \`text\`, \`url\`, \`email\`, \`rfc3339\`,
\`spdx\`, \`hash\` or \`semver\`). As in hadolint, every stage is checked, on its FROM: labels set in the stages it
builds on count, and a stage that only serves as a \`COPY --from\` source is left alone (its labels never reach an image).

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
    if (!schema) return;
    const copiedFrom = new Set<string>();
    for (const ins of ctx.model.instructions) {
      const from = ins.getKeyword() === 'COPY' ? flagValue(ins, 'from')?.value.toLowerCase() : undefined;
      if (from) copiedFrom.add(from);
    }
    for (const stage of ctx.model.stages) {
      if ((stage.name && copiedFrom.has(stage.name)) || copiedFrom.has(String(stage.index))) continue;
      const present = new Set<string>();
      for (let s: Stage | undefined = stage; s; s = s.parent) for (const l of labelsOf(s)) present.add(l.key);
      for (const name of schema.keys()) {
        if (present.has(name)) continue;
        ctx.report({ range: stage.from.getInstructionRange(), message: `Label "${name}" required by the label schema is missing.` });
      }
    }
  },
};
