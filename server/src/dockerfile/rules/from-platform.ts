import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { flagValue } from '../instructions';

export const fromPlatform: Rule<DockerfileModel> = {
  id: 'dockerfile/from-platform',
  aliases: ['DL3029'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`FROM --platform` with a fixed platform makes the build ignore the requested target platform.',
  docs: `A constant platform (\`--platform=linux/amd64\`) forces that architecture whatever \`docker build --platform\`
asks for, and the image then runs under emulation or not at all. Use the build arguments
(\`--platform=$BUILDPLATFORM\` for build tools) or leave the flag out.

**Bad**
\`\`\`dockerfile
FROM --platform=linux/amd64 debian:12
\`\`\`
**Good**
\`\`\`dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const platform = flagValue(stage.from, 'platform');
      if (!platform || platform.value.includes('$')) continue;
      ctx.report({ range: platform.range, message: `Do not pin FROM to platform "${platform.value}"; use $BUILDPLATFORM/$TARGETPLATFORM or drop --platform.` });
    }
  },
};
