import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { hasOption, isVariable, wordRange } from '../run-queries';
import { subcommandsOf } from '../packages';

const VALUE_OPTIONS = ['-v', '--version', '-i', '--install-dir', '-n', '--bindir', '-s', '--source', '-P', '--trust-policy', '--platform'];

export const gemPin: Rule<DockerfileModel> = {
  id: 'dockerfile/gem-pin',
  aliases: ['DL3028'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`gem install` of a gem without a pinned version.',
  docs: `Without a version, each build installs the newest release of the gem. Pin it with \`gem:version\` or
\`-v version\`, or use Bundler with a \`Gemfile.lock\`.

**Bad**
\`\`\`dockerfile
RUN gem install bundler
\`\`\`
**Good**
\`\`\`dockerfile
RUN gem install bundler:2.5.23
\`\`\``,
  check(ctx) {
    for (const { cmd, operands } of subcommandsOf(ctx.model, ['gem'], ['install', 'i'], VALUE_OPTIONS)) {
      if (hasOption(cmd, ['version'], 'v')) continue;
      // Words after `--` are the gem's build options (`-- --with-pg-config=…`), not gems.
      const dashes = cmd.args.find((a) => a.text === '--');
      for (const pkg of operands) {
        if (dashes && pkg.start > dashes.start) break;
        if (!pkg.text || isVariable(pkg) || pkg.text.includes(':') || /\.gem$|^\.{0,2}\//.test(pkg.text)) continue;
        // A boolean after a build flag (`--use-system-libraries true`) is that flag's value.
        if (/^(true|false)$/.test(pkg.text)) continue;
        ctx.report({ range: wordRange(ctx.model, pkg), message: `Pin the version of "${pkg.text}": gem install ${pkg.text}:<version>.` });
      }
    }
  },
};
