import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

// Credential formats with a recognisable shape (values, not names).
const PATTERNS: Array<[string, RegExp]> = [
  ['an AWS access key ID', /\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b/],
  ['a GitHub token', /\b(?:gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})\b/],
  ['a GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}\b/],
  ['a private key', /-----BEGIN (?:[A-Z]+ )?PRIVATE KEY( BLOCK)?-----/],
  ['a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ['a Stripe secret key', /\b[sr]k_live_[A-Za-z0-9]{20,}\b/],
  ['a Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['an npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
];
// scheme://user:password@host — a literal password, not a variable or placeholder.
const URL_PASSWORD = /\b[a-z][a-z0-9+.-]*:\/\/[^\s:/@$]+:([^\s@/$]+)@[^\s/]+/i;
const AWS_SECRET_NAME = /aws.*secret|secret.*access.*key/i;
const AWS_SECRET_VALUE = /^[A-Za-z0-9/+]{40}$/;

/** What kind of secret a value holds, if it looks like one. */
export function secretKind(name: string, value: string): string | undefined {
  for (const [kind, re] of PATTERNS) if (re.test(value)) return kind;
  const url = URL_PASSWORD.exec(value);
  // Masks and templates are not passwords; anything else written there is one, however weak.
  if (url && !/^(?:\*+|x+|\.{3}|<[^>]*>|\{[^}]*\}|%[^%]*%)$/i.test(url[1])) return 'a URL with a password';
  if (AWS_SECRET_NAME.test(name) && AWS_SECRET_VALUE.test(value)) return 'an AWS secret access key';
  return undefined;
}

export const secretValues: Rule<DockerfileModel> = {
  id: 'dockerfile/secret-values',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  description: 'An ENV, ARG or LABEL value is a credential (AWS key, GitHub/GitLab token, private key, URL with a password).',
  docs: `A credential written in the Dockerfile is in the repository, in every image layer's metadata and in \`docker
history\` — it must be considered leaked: revoke it. Pass secrets at build time with a secret mount
(\`RUN --mount=type=secret,id=token ...\`) and at run time through the orchestrator.

Shipshape recognises the shapes of AWS access keys, GitHub, GitLab, Slack, Stripe, npm and Google API tokens, private key
headers and URLs with a literal password (\`https://user:pass@host\`).

**Bad**
\`\`\`dockerfile
ENV GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB
\`\`\`
**Good**
\`\`\`dockerfile
RUN --mount=type=secret,id=github_token,env=GITHUB_TOKEN ./fetch-deps.sh
\`\`\``,
  check(ctx) {
    for (const ins of ctx.model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword !== 'ENV' && keyword !== 'ARG' && keyword !== 'LABEL') continue;
      for (const p of (ins as PropertyInstruction).getProperties()) {
        const value = p.getValue();
        const range = p.getValueRange();
        if (!value || !range) continue;
        const kind = secretKind(p.getName(), value);
        if (!kind) continue;
        ctx.report({ range, message: `The value of ${keyword} "${p.getName()}" looks like ${kind}: it is stored in the image. Remove it, revoke it, and pass it as a build secret.` });
      }
    }
  },
};
