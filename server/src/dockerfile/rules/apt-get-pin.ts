import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, wordRange } from '../run-queries';
import { aptGetInstall, packageWords } from '../packages';

export const aptGetPin: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-get-pin',
  aliases: ['DL3008'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`apt-get install` of a package without a pinned version.',
  docs: `Without a version, each build installs whatever the archive holds that day: builds stop being reproducible and
an upgrade can break them silently. Pin with \`package=version\` (a trailing \`*\` keeps patch updates: \`curl=7.88.*\`).
Local \`.deb\` files, paths and release pins (\`pkg/bookworm-backports\`) are accepted.

**Bad**
\`\`\`dockerfile
RUN apt-get install -y --no-install-recommends curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apt-get install -y --no-install-recommends curl=7.88.1-10+deb12u8
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      const install = aptGetInstall(cmd);
      if (!install) continue;
      for (const pkg of packageWords(install.packages, /\.deb$/)) {
        if (pkg.text.includes('=') || pkg.text.includes('/')) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": apt-get install ${pkg.text}=<version>.` });
      }
    }
  },
};
