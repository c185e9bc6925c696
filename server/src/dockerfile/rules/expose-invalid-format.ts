import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

/** BuildKit's split of `[ip:][hostPort:]containerPort`. */
export function splitPortSpec(spec: string): { ip: string; hostPort: string; containerPort: string } {
  const parts = spec.split(':');
  if (parts.length === 1) return { ip: '', hostPort: '', containerPort: parts[0] };
  if (parts.length === 2) return { ip: '', hostPort: parts[0], containerPort: parts[1] };
  if (parts.length === 3) return { ip: parts[0], hostPort: parts[1], containerPort: parts[2] };
  return { ip: parts.slice(0, -2).join(':'), hostPort: parts[parts.length - 2], containerPort: parts[parts.length - 1] };
}

export const exposeInvalidFormat: Rule<DockerfileModel> = {
  id: 'dockerfile/expose-invalid-format',
  aliases: ['ExposeInvalidFormat'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: 'EXPOSE lists an IP address or a host-port mapping; it only takes container ports.',
  docs: `\`EXPOSE\` documents which container ports the image listens on. Host ports and addresses belong to
\`docker run -p\`; BuildKit ignores them here (and may reject them in the future). The quick fix keeps the container port.

**Bad**
\`\`\`dockerfile
EXPOSE 127.0.0.1:8080:80
\`\`\`
**Good**
\`\`\`dockerfile
EXPOSE 80
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.getKeyword() !== 'EXPOSE') continue;
      for (const arg of ins.getArguments()) {
        const port = arg.getValue();
        if (port.includes('$')) continue;
        const { ip, hostPort, containerPort } = splitPortSpec(port);
        if (!ip && !hostPort) continue;
        ctx.report({
          range: arg.getRange(),
          message: `EXPOSE takes container ports only, not an IP address or host-port mapping: "${port}" should be "${containerPort}".`,
          fix: { title: `Keep only the container port ${containerPort}`, edits: [{ range: arg.getRange(), newText: containerPort }], safe: false },
        });
      }
    }
  },
};
