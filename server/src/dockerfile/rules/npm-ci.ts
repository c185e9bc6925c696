import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { lockfileCopied } from '../package-managers';
import { invocationsOf } from '../run-queries';

const NPM_LOCK = /^(?:package-lock|npm-shrinkwrap)\.json$/;

export const npmCi: Rule<DockerfileModel> = {
  id: 'dockerfile/npm-ci',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: '`npm install` runs where a lockfile was copied in: `npm ci` installs exactly the locked versions.',
  docs: `\`npm install\` may update \`package-lock.json\` and resolve newer versions than the ones you tested; \`npm ci\`
installs exactly what the lockfile says, fails if it is out of sync with \`package.json\`, and is faster. It fits when
\`package-lock.json\` (or \`npm-shrinkwrap.json\`) is in the image before the install: copied by name, by a glob such as
\`package*.json\`, with the whole context, or bind-mounted. \`npm install <package>\` (adding a package) is not reported.

**Bad**
\`\`\`dockerfile
COPY package.json package-lock.json ./
RUN npm install
\`\`\`
**Good**
\`\`\`dockerfile
COPY package.json package-lock.json ./
RUN npm ci
\`\`\``,
  check(ctx) {
    for (const inv of invocationsOf(ctx.model, ['npm'])) {
      const sub = inv.args.find((w) => !w.text.startsWith('-'));
      if (!sub || !['install', 'i', 'isntall', 'in'].includes(sub.text)) continue;
      const after = inv.args.slice(inv.args.indexOf(sub) + 1);
      if (after.some((w) => !w.text.startsWith('-'))) continue; // installs named packages
      if (!lockfileCopied(ctx.model, inv.run.stage, inv.run.instruction, NPM_LOCK, ctx)) continue;
      const range = ctx.model.index.range(sub.start, sub.end);
      ctx.report({
        range,
        message: `A lockfile is copied before "npm ${sub.text}": use "npm ci" to install exactly the locked versions.`,
        fix: { title: 'Use npm ci', edits: [{ range, newText: 'ci' }] },
      });
    }
  },
};
