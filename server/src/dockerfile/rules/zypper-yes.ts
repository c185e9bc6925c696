import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, hasOption, insertAfter, programOf, spanRange, subcommand } from '../run-queries';
import { ZYPPER } from '../packages';

const CHANGES = new Set(['install', 'in', 'remove', 'rm', 'source-install', 'si', 'patch', 'update', 'up', 'dist-upgrade', 'dup']);

export const zypperYes: Rule<DockerfileModel> = {
  id: 'dockerfile/zypper-yes',
  aliases: ['DL3034'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'zypper changes packages without `-n`/`-y`, so it waits for a confirmation.',
  docs: `A build cannot answer zypper's prompts. Use the global \`--non-interactive\` (\`-n\`) option or \`-y\`
(\`--no-confirm\`) on the command. The quick fix adds \`-y\` after the subcommand.

**Bad**
\`\`\`dockerfile
RUN zypper install nginx=1.21.5 && zypper clean
\`\`\`
**Good**
\`\`\`dockerfile
RUN zypper install -y nginx=1.21.5 && zypper clean
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'zypper') continue;
      const { sub } = subcommand(cmd, ZYPPER.valueOptions);
      if (!sub || !CHANGES.has(sub.text)) continue;
      if (hasOption(cmd, ['non-interactive', 'no-confirm', 'yes'], 'ny')) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: `zypper ${sub.text} needs -n (--non-interactive) or -y to run without a prompt.`,
        fix: insertAfter(ctx.model, sub, ' -y', 'Add -y'),
      });
    }
  },
};
