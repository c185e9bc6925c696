import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { appendToRun, cacheMounted, positionals, programOf, runHas, spanRange } from '../run-queries';
import { DNF, rpmInstalls } from '../packages';
import type { ShellCommand } from '../shell';

function cleans(cmd: ShellCommand): boolean {
  const args = positionals(cmd).map((w) => w.text);
  if (DNF.programs.includes(programOf(cmd))) return args[0] === 'clean' && args[1] === 'all';
  return programOf(cmd) === 'rm' && args.some((a) => /^\/var\/cache\/(dnf|yum)(\/\*?)?$/.test(a));
}

export const dnfClean: Rule<DockerfileModel> = {
  id: 'dockerfile/dnf-clean',
  aliases: ['DL3040'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`dnf install` without `dnf clean all` in the same RUN keeps the package cache in the layer.',
  docs: `dnf keeps downloaded packages and repository metadata in its cache. Clean it in the same RUN (a later RUN
cannot shrink an earlier layer), or keep it out of the image with a cache mount. The quick fix appends
\`&& dnf clean all\`.

**Bad**
\`\`\`dockerfile
RUN dnf install -y httpd-2.4.62
\`\`\`
**Good**
\`\`\`dockerfile
RUN dnf install -y httpd-2.4.62 && dnf clean all
\`\`\``,
  check(ctx) {
    const seen = new Set<unknown>();
    for (const { cmd, run, sub } of rpmInstalls(ctx.model, DNF)) {
      if (seen.has(run)) continue;
      seen.add(run);
      if (runHas(run, cleans) || cacheMounted(run, /^\/var\/cache\/(dnf|yum)$/)) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: `Run dnf clean all in the same RUN after ${cmd.name.text} install (or use a cache mount) to keep the layer small.`,
        fix: appendToRun(ctx.model, run, 'dnf clean all', 'Append && dnf clean all'),
      });
    }
  },
};
