import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import type { Range, Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

// BuildKit's heuristics: a secret word as the whole name or its first/last `_`-separated word, unless it also has
// an allow word (PUBLIC_KEY, PASSWORD_FILE, AUTH_VERSION).
const SECRET = /(?:_|^)(?:apikey|auth|credential|credentials|key|password|pword|passwd|secret|token)(?:_|$)/i;
const ALLOW = /(?:_|^)(?:public|file|version)(?:_|$)/i;

export function isSecretName(name: string): boolean {
  return SECRET.test(name) && !ALLOW.test(name);
}

/**
 * The names an ARG or ENV declares. dockerfile-ast gives only the first name of `ARG A B C` as a property, so ARG
 * names are read from its arguments (`NAME` or `NAME=default`).
 */
function declaredNames(ins: Instruction, keyword: string): Array<{ name: string; range: Range }> {
  if (keyword === 'ENV') return (ins as PropertyInstruction).getProperties().map((p) => ({ name: p.getName(), range: p.getNameRange() }));
  return ins.getArguments().map((a) => {
    const name = a.getValue().split('=')[0];
    const { start } = a.getRange();
    return { name, range: { start, end: { line: start.line, character: start.character + name.length } } };
  });
}

export const secretsUsedInArgOrEnv: Rule<DockerfileModel> = {
  id: 'dockerfile/secrets-used-in-arg-or-env',
  aliases: ['SecretsUsedInArgOrEnv', 'DL3064'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'An ARG or ENV name suggests it holds a secret (password, token, key…), which stays in the image.',
  docs: `ARG values end up in the image history and ENV values in the image config: anyone who can pull the image can read
them. Pass secrets with a secret mount instead: \`RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci\`
and \`docker build --secret id=npm_token,env=NPM_TOKEN\`.

**Bad**
\`\`\`dockerfile
ARG NPM_TOKEN
RUN npm ci
\`\`\`
**Good**
\`\`\`dockerfile
RUN --mount=type=secret,id=npm_token,env=NPM_TOKEN npm ci
\`\`\``,
  check(ctx) {
    // Like BuildKit, only ARG and ENV inside stages (global ARGs only parameterise FROM).
    for (const stage of ctx.model.stages) {
      for (const ins of stage.instructions) {
        const keyword = ins.getKeyword();
        if (keyword !== 'ARG' && keyword !== 'ENV') continue;
        for (const { name, range } of declaredNames(ins, keyword)) {
          if (!isSecretName(name)) continue;
          ctx.report({
            range,
            message: `${keyword} "${name}" looks like a secret: ${keyword} values persist in the image; use a secret mount (RUN --mount=type=secret).`,
          });
        }
      }
    }
  },
};
