import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, insertAfter, spanRange } from '../run-queries';
import { aptGetInstall } from '../packages';

export const aptNoRecommends: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-no-recommends',
  aliases: ['DL3015'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`apt-get install` without `--no-install-recommends` pulls in packages you did not ask for.',
  docs: `By default apt also installs every "recommended" package, which often doubles the image size. Ask for them
explicitly when you need them. The quick fix adds \`--no-install-recommends\` after \`install\`.

**Bad**
\`\`\`dockerfile
RUN apt-get install -y curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apt-get install -y --no-install-recommends curl
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      const install = aptGetInstall(cmd);
      if (!install) continue;
      const args = cmd.args.map((a) => a.text);
      if (args.includes('--no-install-recommends')) continue;
      if (args.some((a, i) => /^APT::Install-Recommends=(false|0|no)$/i.test(a) && (args[i - 1] === '-o' || args[i - 1] === '--option'))) continue;
      if (args.some((a) => /^(-o|--option=)APT::Install-Recommends=(false|0|no)$/i.test(a))) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, install.sub),
        message: 'Add --no-install-recommends so that apt-get installs only the packages you list.',
        fix: insertAfter(ctx.model, install.sub, ' --no-install-recommends', 'Add --no-install-recommends'),
      });
    }
  },
};
