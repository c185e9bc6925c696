import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { invocationsOf } from '../run-queries';

const FROZEN = new Set(['--frozen-lockfile', '--immutable', '--pure-lockfile']);

const YARN_BERRY = /\.yarnrc\.yml|corepack|yarn set version|yarnpkg\/cli|--immutable/;
// By parse tree: a model restricted to some parts (parts.ts) shares the whole file's tree and text.
const berryOf = new WeakMap<object, boolean>();

/** Signs of Yarn 2+ anywhere in the file (a file-wide fact: part of the parts' context, parts.ts). */
export function usesYarnBerry(model: DockerfileModel): boolean {
  let berry = berryOf.get(model.ast);
  if (berry === undefined) berryOf.set(model.ast, (berry = YARN_BERRY.test(model.text)));
  return berry;
}

export const yarnFrozenLockfile: Rule<DockerfileModel> = {
  id: 'dockerfile/yarn-frozen-lockfile',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: '`yarn install` without `--frozen-lockfile` (Yarn 1) or `--immutable` (Yarn 2+) may change the lockfile.',
  docs: `Without the flag, Yarn resolves again when \`package.json\` and \`yarn.lock\` disagree and writes a new lockfile
inside the image: the build installs versions nobody reviewed. \`--frozen-lockfile\` (Yarn 1) or \`--immutable\`
(Yarn 2+) makes it fail instead. The quick fix adds \`--immutable\` when the Dockerfile uses Yarn 2+ (\`.yarnrc.yml\`,
corepack, \`yarn set version\`), \`--frozen-lockfile\` otherwise.

**Bad**
\`\`\`dockerfile
RUN yarn install
\`\`\`
**Good**
\`\`\`dockerfile
RUN yarn install --frozen-lockfile
\`\`\``,
  check(ctx) {
    const berry = usesYarnBerry(ctx.model);
    const flag = berry ? '--immutable' : '--frozen-lockfile';
    for (const inv of invocationsOf(ctx.model, ['yarn'])) {
      const sub = inv.args.find((w) => !w.text.startsWith('-'));
      if (sub && sub.text !== 'install') continue;
      if (inv.args.some((w) => FROZEN.has(w.text))) continue;
      const anchor = sub ?? inv.program;
      const at = ctx.model.index.positionAt(anchor.end);
      ctx.report({
        range: ctx.model.index.range(anchor.start, anchor.end),
        message: `"yarn${sub ? ' install' : ''}" can rewrite yarn.lock during the build: add ${flag}.`,
        fix: { title: `Add ${flag}`, edits: [{ range: { start: at, end: at }, newText: ` ${flag}` }] },
      });
    }
  },
};
