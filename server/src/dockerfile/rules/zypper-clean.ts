import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { appendToRun, cacheMounted, positionals, programOf, runHas, spanRange } from '../run-queries';
import { ZYPPER, rpmInstalls } from '../packages';
import type { ShellCommand } from '../shell';

function cleans(cmd: ShellCommand): boolean {
  const args = positionals(cmd).map((w) => w.text);
  if (ZYPPER.programs.includes(programOf(cmd))) return args[0] === 'clean' || args[0] === 'cc';
  return programOf(cmd) === 'rm' && args.some((a) => /^\/var\/cache\/zypp(\/\*?)?$/.test(a));
}

export const zypperClean: Rule<DockerfileModel> = {
  id: 'dockerfile/zypper-clean',
  aliases: ['DL3036'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`zypper install` without `zypper clean` in the same RUN keeps the package cache in the layer.',
  docs: `zypper keeps downloaded packages and repository metadata in its cache. Clean it in the same RUN (a later RUN
cannot shrink an earlier layer), or keep it out of the image with a cache mount. The quick fix appends
\`&& zypper clean\`.

**Bad**
\`\`\`dockerfile
RUN zypper install -y httpd-2.4.62
\`\`\`
**Good**
\`\`\`dockerfile
RUN zypper install -y httpd-2.4.62 && zypper clean
\`\`\``,
  check(ctx) {
    const seen = new Set<unknown>();
    for (const { cmd, run, sub } of rpmInstalls(ctx.model, ZYPPER)) {
      if (seen.has(run)) continue;
      seen.add(run);
      if (runHas(run, cleans) || cacheMounted(run, /^\/var\/cache\/zypp$/)) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: `Run zypper clean in the same RUN after ${cmd.name.text} install (or use a cache mount) to keep the layer small.`,
        fix: appendToRun(ctx.model, run, 'zypper clean', 'Append && zypper clean'),
      });
    }
  },
};
