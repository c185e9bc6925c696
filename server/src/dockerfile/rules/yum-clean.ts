import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { appendToRun, cacheMounted, positionals, programOf, runHas, spanRange } from '../run-queries';
import { YUM, rpmInstalls } from '../packages';
import type { ShellCommand } from '../shell';

function cleans(cmd: ShellCommand): boolean {
  const args = positionals(cmd).map((w) => w.text);
  if (YUM.programs.includes(programOf(cmd))) return args[0] === 'clean' && args[1] === 'all';
  return programOf(cmd) === 'rm' && args.some((a) => /^\/var\/cache\/yum(\/\*?)?$/.test(a));
}

export const yumClean: Rule<DockerfileModel> = {
  id: 'dockerfile/yum-clean',
  aliases: ['DL3032'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`yum install` without `yum clean all` in the same RUN keeps the package cache in the layer.',
  docs: `yum keeps downloaded packages and repository metadata in its cache. Clean it in the same RUN (a later RUN
cannot shrink an earlier layer), or keep it out of the image with a cache mount. The quick fix appends
\`&& yum clean all\`.

**Bad**
\`\`\`dockerfile
RUN yum install -y httpd-2.4.62
\`\`\`
**Good**
\`\`\`dockerfile
RUN yum install -y httpd-2.4.62 && yum clean all
\`\`\``,
  check(ctx) {
    const seen = new Set<unknown>();
    for (const { cmd, run, sub } of rpmInstalls(ctx.model, YUM)) {
      if (seen.has(run)) continue;
      seen.add(run);
      if (runHas(run, cleans) || cacheMounted(run, /^\/var\/cache\/yum$/)) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: `Run yum clean all in the same RUN after ${cmd.name.text} install (or use a cache mount) to keep the layer small.`,
        fix: appendToRun(ctx.model, run, 'yum clean all', 'Append && yum clean all'),
      });
    }
  },
};
