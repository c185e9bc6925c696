import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import type { RunInfo } from '../run-model';
import type { ShellCommand } from '../shell';
import { appendToRun, cacheMounted, hasOption, positionals, programOf, runHas, spanRange, subcommand } from '../run-queries';
import { APT_GET_VALUE_OPTIONS, isShippedStage } from '../packages';

const LISTS = /^\/var\/lib\/apt\/lists(\/\*?)?$/;

/** `rm -rf /var/lib/apt/lists/*` (any order of -r/-f, or the directory itself). */
export function removesAptLists(cmd: ShellCommand): boolean {
  return programOf(cmd) === 'rm' && hasOption(cmd, ['recursive'], 'rR') && positionals(cmd).some((w) => LISTS.test(w.text));
}

/**
 * Cache mounts that keep apt's state out of the layer: the lists directory itself, or apt's whole state and cache
 * (\`/var/lib/apt\` with \`/var/cache/apt\`, the documented pair). One of the pair alone is not enough.
 */
function aptCacheMounted(run: RunInfo): boolean {
  return cacheMounted(run, /^\/var\/lib\/apt\/lists$/) || (cacheMounted(run, /^\/var\/lib\/apt$/) && cacheMounted(run, /^\/var\/cache\/apt$/));
}

export const aptListsCleanup: Rule<DockerfileModel> = {
  id: 'dockerfile/apt-lists-cleanup',
  aliases: ['DL3009'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`apt-get update` leaves the package lists in the layer unless the same RUN deletes them.',
  docs: `\`apt-get update\` downloads tens of megabytes of package lists into \`/var/lib/apt/lists\`. Delete them in the
same RUN (a later RUN cannot shrink an earlier layer), or use BuildKit cache mounts: on \`/var/lib/apt/lists\`, or on
both \`/var/lib/apt\` and \`/var/cache/apt\` (a RUN that mounts them is taken as managing them on purpose; one of
the pair alone is reported).
Build stages that are only copied from (\`COPY --from\`) are not checked: their layers are not shipped.
The quick fix appends \`&& rm -rf /var/lib/apt/lists/*\`.

**Bad**
\`\`\`dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl
\`\`\`
**Good**
\`\`\`dockerfile
RUN apt-get update && apt-get install -y --no-install-recommends curl \\
 && rm -rf /var/lib/apt/lists/*
# or
RUN --mount=type=cache,target=/var/lib/apt/lists apt-get update && apt-get install -y curl
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      if (!isShippedStage(model, stage)) continue;
      for (const run of stage.runs) {
        const update = run.script.commands.find((c) => {
          const p = programOf(c);
          return (p === 'apt-get' || p === 'apt') && subcommand(c, APT_GET_VALUE_OPTIONS).sub?.text === 'update';
        });
        if (!update) continue;
        if (runHas(run, removesAptLists) || aptCacheMounted(run)) continue;
        const sub = subcommand(update, APT_GET_VALUE_OPTIONS).sub;
        ctx.report({
          range: spanRange(model, update.name, sub),
          message: 'Delete /var/lib/apt/lists in the same RUN after apt-get update (or use a cache mount) to keep the layer small.',
          fix: appendToRun(model, run, 'rm -rf /var/lib/apt/lists/*', 'Append && rm -rf /var/lib/apt/lists/*'),
        });
      }
    }
  },
};
