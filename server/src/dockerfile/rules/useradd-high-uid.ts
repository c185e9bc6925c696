import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, hasOption, insertAfter, programOf, wordRange } from '../run-queries';

export const useraddHighUid: Rule<DockerfileModel> = {
  id: 'dockerfile/useradd-high-uid',
  aliases: ['DL3046'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`useradd` with a high UID and without `-l` creates a huge sparse lastlog file.',
  docs: `\`useradd\` writes an entry for the UID into \`/var/log/lastlog\` and \`faillog\`; with a UID of six digits or more
those sparse files are gigabytes in the layer. \`-l\` (\`--no-log-init\`) skips them. The quick fix adds \`-l\`.

**Bad**
\`\`\`dockerfile
RUN useradd -u 1000000 app
\`\`\`
**Good**
\`\`\`dockerfile
RUN useradd -l -u 1000000 app
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      if (programOf(cmd) !== 'useradd' || hasOption(cmd, ['no-log-init'], 'l')) continue;
      const args = cmd.args;
      const i = args.findIndex((a) => a.text === '-u' || a.text === '--uid' || /^(-u|--uid=)\d+$/.test(a.text));
      if (i < 0) continue;
      const uid = /^(-u|--uid=)(\d+)$/.exec(args[i].text)?.[2] ?? args[i + 1]?.text ?? '';
      if (!/^\d{6,}$/.test(uid)) continue;
      ctx.report({
        range: wordRange(ctx.model, cmd.name),
        message: `useradd with UID ${uid} needs -l (--no-log-init), or the lastlog file bloats the image.`,
        fix: insertAfter(ctx.model, cmd.name, ' -l', 'Add -l'),
      });
    }
  },
};
