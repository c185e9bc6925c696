import type { Copy } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { buildContextDir, findIgnoreFile } from '../dockerignore';
import type { DockerfileModel } from '../model';
import { copySources } from './copy-ignored-file';

export const copyContextWithoutDockerignore: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-context-without-dockerignore',
  aliases: [],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: '`COPY . .` copies the whole build context, and there is no `.dockerignore` to keep secrets and junk out.',
  docs: `Without a \`.dockerignore\`, copying the context root sends \`.git\`, \`.env\` files, local credentials,
\`node_modules\` and build output into the image: bigger images, cache busting on every change, and leaked secrets.
Add a \`.dockerignore\` next to the build context (or \`<Dockerfile>.dockerignore\`), or copy only what the image needs.

The build context is the Dockerfile's folder unless the option \`dockerfile.buildContext\` says otherwise.

**Bad**
\`\`\`dockerfile
COPY . .
\`\`\`
**Good** (with a \`.dockerignore\` listing \`.git\`, \`.env*\`, \`node_modules\`...)
\`\`\`dockerfile
COPY . .
\`\`\``,
  check(ctx) {
    let checked = false;
    for (const ins of ctx.model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      if ((ins as Copy).getFlags().some((f) => f.getName() === 'from')) continue;
      for (const src of copySources(ins)) {
        if (!['.', './'].includes(src.value)) continue;
        if (!checked) {
          if (findIgnoreFile(ctx.path, buildContextDir(ctx.path, ctx.options), ctx.workspace)) return;
          checked = true;
        }
        ctx.report({ range: src.range, message: `${keyword} ${src.value} copies the whole build context and there is no .dockerignore: add one to keep .git, .env files and build output out of the image.` });
      }
    }
  },
};
