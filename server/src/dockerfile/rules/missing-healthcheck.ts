import type { Rule } from '../../engine/types';
import { distroOf, finalImageInstructions, insertionPoint } from '../final-stage';
import type { DockerfileModel } from '../model';

export const missingHealthcheck: Rule<DockerfileModel> = {
  id: 'dockerfile/missing-healthcheck',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'The final image EXPOSEs a port (a service) but defines no HEALTHCHECK.',
  docs: `A service image should tell the runtime how to check that it is healthy: Docker and Compose then report
\`unhealthy\` containers and can restart or stop routing to them. Add a \`HEALTHCHECK\` (or \`HEALTHCHECK NONE\` to
state that there is none). On Kubernetes, probes in the manifest play this role.

The quick fix inserts a template probing the first EXPOSEd port (\`wget\` on Alpine, \`curl\` elsewhere); adjust the
path to your health endpoint.

**Bad**
\`\`\`dockerfile
FROM nginx:1.27
EXPOSE 80
\`\`\`
**Good**
\`\`\`dockerfile
FROM nginx:1.27
EXPOSE 80
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:80/ || exit 1
\`\`\``,
  check(ctx) {
    const final = finalImageInstructions(ctx.model);
    if (!final || final.instructions.some((i) => i.getKeyword() === 'HEALTHCHECK')) return;
    const expose = final.instructions.find((i) => i.getKeyword() === 'EXPOSE' && i.getArguments().length > 0);
    if (!expose) return;
    const portArg = expose.getArguments()[0];
    const port = /^(\d+)/.exec(portArg.getValue().split(':').pop() ?? '')?.[1] ?? portArg.getValue();
    const probe = distroOf(final.stage) === 'alpine' ? `wget -qO- http://localhost:${port}/ || exit 1` : `curl -fsS http://localhost:${port}/ || exit 1`;
    const { range: insertAt, prefix, suffix } = insertionPoint(ctx.model, final.stage);
    ctx.report({
      range: portArg.getRange(),
      message: `The image exposes port ${portArg.getValue()} but has no HEALTHCHECK: add one so the runtime can detect an unhealthy service.`,
      fix: {
        title: `Add a HEALTHCHECK on port ${port}`,
        edits: [{ range: insertAt, newText: `${prefix}HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ${probe}${suffix}` }],
        safe: false,
      },
    });
  },
};
