import type { Label } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { withTriggers } from '../instructions';

const RESERVED = /^(com\.docker\.|io\.docker\.|org\.dockerproject\.)/;

/** Why a label key is invalid, or undefined when it is fine. */
function problem(key: string): string | undefined {
  if (RESERVED.test(key)) return 'uses a namespace reserved by Docker';
  if (!/^[a-z]([a-z0-9.-]*[a-z0-9])?$/.test(key)) return 'must use lower-case letters, digits, "." and "-", start with a letter and end with a letter or digit';
  if (/\.\.|--/.test(key)) return 'must not contain consecutive periods or hyphens';
  return undefined;
}

export const labelKeyFormat: Rule<DockerfileModel> = {
  id: 'dockerfile/label-key-format',
  aliases: ['DL3048'],
  severity: 'info',
  profile: 'recommended',
  category: 'style',
  description: 'Label key does not follow Docker\'s key format.',
  docs: `Label keys should be lower-case alphanumerics with \`.\` and \`-\` separators (reverse-DNS, like
\`org.opencontainers.image.source\`), start with a letter, end with a letter or digit, have no \`..\` or \`--\`,
and stay out of the reserved
\`com.docker.*\`, \`io.docker.*\` and \`org.dockerproject.*\` namespaces.

**Bad**
\`\`\`dockerfile
LABEL Version=1.0 com.docker.app=x
\`\`\`
**Good**
\`\`\`dockerfile
LABEL org.opencontainers.image.version=1.0
\`\`\``,
  check(ctx) {
    // ONBUILD LABEL triggers label the child images.
    for (const ins of withTriggers(ctx.model.instructions)) {
      if (ins.getKeyword() !== 'LABEL') continue;
      for (const p of (ins as Label).getProperties()) {
        const key = p.getName();
        // A templated key (`${PREFIX}.version`, `$NS.x`) is judged after expansion, which we cannot do; a stray `$`
        // inside a name is an invalid character.
        if (key.startsWith('$') || key.includes('${')) continue;
        const why = problem(key.replace(/^(["'])(.*)\1$/, '$2'));
        if (why) ctx.report({ range: p.getNameRange(), message: `Label key "${key}" ${why}.` });
      }
    }
  },
};
