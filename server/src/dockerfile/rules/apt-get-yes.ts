import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { commandsOf, insertAfter, spanRange } from '../run-queries';
import { aptGetInstall } from '../packages';

/** `-y`, `--yes`, `--assume-yes`, or quiet level 2 (`-qq`, `-q -q`, `-q=2`), which implies yes. */
function answersYes(args: string[]): boolean {
  const quiet = args.reduce((n, a) => n + (/^-[A-Za-z]+$/.test(a) ? (a.match(/q/g)?.length ?? 0) : a === '--quiet' ? 1 : 0), 0);
  if (quiet >= 2) return true;
  return args.some(
    (a) =>
      a === '--yes' ||
      a === '--assume-yes' ||
      a === '-q=2' ||
      a === '--quiet=2' ||
      (/^-[A-Za-z]+$/.test(a) && (a.includes('y') || (a.match(/q/g)?.length ?? 0) >= 2)),
  );
}

export const aptGetYes: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-get-yes',
  aliases: ['DL3014'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: '`apt-get install` without `-y` waits for a confirmation that never comes in a build.',
  docs: `A build has no terminal to answer apt's "Do you want to continue?" prompt; without \`-y\` the install aborts
as soon as it needs extra packages. The quick fix adds \`-y\` after \`install\`.

**Bad**
\`\`\`dockerfile
RUN apt-get install curl=7.88.1-10+deb12u8
\`\`\`
**Good**
\`\`\`dockerfile
RUN apt-get install -y curl=7.88.1-10+deb12u8
\`\`\``,
  check(ctx) {
    for (const { cmd } of commandsOf(ctx.model)) {
      const install = aptGetInstall(cmd);
      if (!install || answersYes(cmd.args.map((a) => a.text))) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, install.sub),
        message: 'apt-get install needs -y (or --yes) to run without a prompt.',
        fix: insertAfter(ctx.model, install.sub, ' -y', 'Add -y'),
      });
    }
  },
};
