import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

export const userNumeric: Rule<DockerfileModel> = {
  id: 'dockerfile/user-numeric',
  aliases: ['DL3066'],
  severity: 'info',
  // On in hadolint 2.15, but it fires on most images (USER node, USER nginx): kept for the strict profile.
  profile: 'strict',
  category: 'security',
  description: 'USER by name: the host and Kubernetes cannot tell whether it is root.',
  docs: `A user name is resolved inside the image only; policies such as Kubernetes' \`runAsNonRoot\` need a numeric
UID to verify the container does not run as root. Use \`USER <uid>[:<gid>]\`.

**Bad**
\`\`\`dockerfile
USER app
\`\`\`
**Good**
\`\`\`dockerfile
USER 10001:10001
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      if (ins.getKeyword() !== 'USER') continue;
      const arg = ins.getArguments()[0];
      if (!arg) continue;
      const user = arg.getValue().split(':')[0];
      if (!user || /^\d+$/.test(user) || user.includes('$')) continue;
      const r = arg.getRange();
      const range = { start: r.start, end: { line: r.start.line, character: r.start.character + user.length } };
      ctx.report({ range, message: `USER "${user}" is a name; use a numeric UID so that the runtime can check it is not root.` });
    }
  },
};
