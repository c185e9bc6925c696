import type { Rule } from '../../engine/types';
import { platformWord } from '../from-args';
import type { DockerfileModel } from '../model';

const OSES = new Set(['linux', 'windows', 'darwin', 'freebsd', 'netbsd', 'openbsd', 'solaris', 'illumos', 'aix', 'android', 'ios', 'plan9', 'js', 'wasip1']);

/** OS and architecture of a constant platform string (`linux/arm64/v8`, `arm64`, `windows`). */
function parsePlatform(value: string): { os: string; arch: string } | undefined {
  const parts = value.toLowerCase().split('/');
  if (parts.some((p) => !/^[a-z0-9_.-]+$/.test(p)) || parts.length > 3) return undefined;
  if (parts.length === 1) return OSES.has(parts[0]) ? { os: parts[0], arch: 'amd64' } : { os: 'linux', arch: parts[0] };
  return { os: parts[0], arch: parts[1] };
}

export const fromPlatformFlagConstDisallowed: Rule<DockerfileModel> = {
  id: 'dockerfile/from-platform-flag-const-disallowed',
  aliases: ['FromPlatformFlagConstDisallowed'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  description: '`FROM --platform` uses a constant value, so the stage ignores the platform the build asks for.',
  docs: `A constant \`--platform=linux/amd64\` pins the stage to one platform: a multi-platform build produces an amd64
image for every target. Use \`$BUILDPLATFORM\` for stages that run build tools, or leave the flag out. A stage whose
name says it is platform-specific (\`AS build-amd64\`) is not reported.

**Bad**
\`\`\`dockerfile
FROM --platform=linux/amd64 golang:1.23 AS build
\`\`\`
**Good**
\`\`\`dockerfile
FROM --platform=$BUILDPLATFORM golang:1.23 AS build
\`\`\``,
  check(ctx) {
    for (const stage of ctx.model.stages) {
      const word = platformWord(ctx.model, stage);
      if (!word || word.refs.length > 0 || word.text.includes('$')) continue;
      const platform = parsePlatform(word.text);
      if (!platform) continue;
      const name = stage.name ?? '';
      if (name.includes(platform.os) || name.includes(platform.arch)) continue;
      ctx.report({
        range: word.flag.getValueRange()!,
        message: `FROM --platform uses the constant "${word.text}": use $BUILDPLATFORM or drop the flag so the stage follows the build's target platform.`,
      });
    }
  },
};
