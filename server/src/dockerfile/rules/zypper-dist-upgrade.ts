import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, programOf, spanRange, subcommand } from '../run-queries';
import { ZYPPER } from '../packages';

export const zypperDistUpgrade: Rule<DockerfileModel> = {
  id: 'dockerfile/zypper-dist-upgrade',
  aliases: ['DL3035'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`zypper dist-upgrade` in an image build replaces the base distribution under you.',
  docs: `A distribution upgrade belongs in a new base image, not in a build step: it makes builds slow and their
result depend on the day they ran. Update the base image tag instead.

**Bad**
\`\`\`dockerfile
RUN zypper dist-upgrade -y
\`\`\`
**Good**
\`\`\`dockerfile
FROM opensuse/leap:15.6
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'zypper') continue;
      const { sub } = subcommand(cmd, ZYPPER.valueOptions);
      if (sub?.text !== 'dist-upgrade' && sub?.text !== 'dup') continue;
      ctx.report({ range: spanRange(ctx.model, cmd.name, sub), message: 'Do not run zypper dist-upgrade in a build; use a newer base image.' });
    }
  },
};
