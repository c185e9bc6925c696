import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { appendToRun, cacheMounted, positionals, programOf, runHas, spanRange } from '../run-queries';
import { isShippedStage } from '../packages';

export const yarnCacheClean: Rule<DockerfileModel> = {
  id: 'dockerfile/yarn-cache-clean',
  aliases: ['DL3060'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`yarn install` without `yarn cache clean` in the same RUN keeps the cache in the layer.',
  docs: `Yarn (v1) copies every package into its global cache. Clean it in the same RUN, or mount a build cache on it
(\`--mount=type=cache,target=/usr/local/share/.cache/yarn\`). Stages that are only copied from are not checked.
The quick fix appends \`&& yarn cache clean\`.

**Bad**
\`\`\`dockerfile
RUN yarn install --frozen-lockfile
\`\`\`
**Good**
\`\`\`dockerfile
RUN yarn install --frozen-lockfile && yarn cache clean
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      if (!isShippedStage(model, stage)) continue;
      for (const run of stage.runs) {
        const install = run.script.commands.find((c) => programOf(c) === 'yarn' && positionals(c)[0]?.text === 'install');
        if (!install) continue;
        const cleans = runHas(run, (c) => programOf(c) === 'yarn' && positionals(c)[0]?.text === 'cache' && positionals(c)[1]?.text === 'clean');
        if (cleans || cacheMounted(run, /yarn/)) continue;
        ctx.report({
          range: spanRange(model, install.name, positionals(install)[0]),
          message: 'Run yarn cache clean in the same RUN after yarn install (or use a cache mount) to keep the layer small.',
          fix: appendToRun(model, run, 'yarn cache clean', 'Append && yarn cache clean'),
        });
      }
    }
  },
};
