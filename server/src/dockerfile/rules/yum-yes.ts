import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { hasOption, insertAfter, spanRange } from '../run-queries';
import { YUM, rpmInstalls } from '../packages';

export const yumYes: Rule<DockerfileModel> = {
  id: 'dockerfile/yum-yes',
  aliases: ['DL3030'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: '`yum install` without `-y` waits for a confirmation that never comes in a build.',
  docs: `A build has no terminal to answer the "Is this ok [y/N]" prompt: without \`-y\` (\`--assumeyes\`) the install
fails. The quick fix adds \`-y\` after \`install\`.

**Bad**
\`\`\`dockerfile
RUN yum install httpd-2.4.62 && yum clean all
\`\`\`
**Good**
\`\`\`dockerfile
RUN yum install -y httpd-2.4.62 && yum clean all
\`\`\``,
  check(ctx) {
    for (const { cmd, sub } of rpmInstalls(ctx.model, YUM)) {
      if (hasOption(cmd, ['assumeyes', 'yes'], 'y')) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: `${cmd.name.text} install needs -y (or --assumeyes) to run without a prompt.`,
        fix: insertAfter(ctx.model, sub, ' -y', 'Add -y'),
      });
    }
  },
};
