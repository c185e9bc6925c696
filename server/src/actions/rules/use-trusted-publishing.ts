import type { Rule } from '../../engine/types';
import { get, isMap, keyRange, scalarString } from '../../yaml/yaml';
import { runScalar, usesAction } from '../facts';
import type { ActionsModel, Step } from '../model';

/** Registry uploads that accept a long-lived token where an OIDC trusted publisher would do. */
const COMMANDS: Array<[RegExp, string, RegExp]> = [
  [/\bcargo\s+publish\b/, 'crates.io', /CARGO_REGISTRY_TOKEN|--token\b/],
  [/\b(npm|pnpm|yarn)\s+publish\b/, 'npm', /NODE_AUTH_TOKEN|NPM_TOKEN|_authToken/],
  [/\b(twine\s+upload|uv\s+publish|poetry\s+publish)\b/, 'PyPI', /TWINE_PASSWORD|UV_PUBLISH_TOKEN|POETRY_PYPI_TOKEN|--password\b|--token\b/],
  [/\bgem\s+push\b/, 'RubyGems', /GEM_HOST_API_KEY/],
];

function envText(model: ActionsModel, step: Step): string {
  const layers = [model.root && get(model.root, 'env'), step.job && get(step.job.node, 'env'), get(step.node, 'env')];
  return layers.filter(isMap).flatMap((m) => m.items.map((p) => `${scalarString(p.key)}=${scalarString(p.value) ?? ''}`)).join('\n');
}

export const useTrustedPublishing: Rule<ActionsModel> = {
  id: 'actions/use-trusted-publishing',
  aliases: ['zizmor/use-trusted-publishing'],
  severity: 'info',
  profile: 'recommended',
  category: 'security',
  description: 'A package is published with a long-lived registry token where trusted publishing (OIDC) is available.',
  docs: `PyPI, npm, crates.io and RubyGems accept short-lived credentials minted from the workflow's OIDC token
("trusted publishing"). A long-lived token stored as a secret can leak and be used from anywhere; a trusted publisher
only works from this repository's workflow. Configure the publisher on the registry, add \`id-token: write\` and drop
the token.`,
  check(ctx) {
    const model = ctx.model;
    for (const step of model.steps) {
      if (usesAction(step, 'pypa/gh-action-pypi-publish')) {
        const r = keyRange(model.index, get(step.node, 'with'), 'password');
        if (r) ctx.report({ range: r, message: 'PyPI supports trusted publishing: configure this repository as a trusted publisher and drop the API token.' });
        continue;
      }
      const run = runScalar(step);
      if (!run) continue;
      const [from, to] = run.range!;
      const source = model.text.slice(from, to);
      const creds = `${String(run.value)}\n${envText(model, step)}`;
      for (const [cmd, registry, token] of COMMANDS) {
        const m = cmd.exec(source);
        if (!m || !token.test(creds)) continue;
        const at = from + m.index;
        ctx.report({ range: model.index.range(at, at + m[0].length), message: `${registry} supports trusted publishing (OIDC): publish without a long-lived token.` });
      }
    }
  },
};
