import type { Rule } from '../../engine/types';
import { get, isScalar, rangeOf, scalarString } from '../../yaml/yaml';
import { parseUses, repoRoot, usedMajor } from '../facts';
import { localAction } from '../local';
import type { ActionsModel } from '../model';

/** First major version of popular actions that runs on Node 20 or later (older ones run on Node 12/16). */
const FIRST_CURRENT_MAJOR: Record<string, number> = {
  'actions/checkout': 4, 'actions/setup-node': 4, 'actions/setup-python': 5, 'actions/setup-go': 5, 'actions/setup-java': 4,
  'actions/setup-dotnet': 4, 'actions/cache': 4, 'actions/upload-artifact': 4, 'actions/download-artifact': 4,
  'actions/github-script': 7, 'actions/labeler': 5, 'actions/stale': 9, 'actions/configure-pages': 4, 'actions/deploy-pages': 4,
  'actions/upload-pages-artifact': 3, 'docker/login-action': 3, 'docker/setup-buildx-action': 3, 'docker/build-push-action': 5,
  'docker/metadata-action': 5, 'docker/setup-qemu-action': 3, 'github/codeql-action': 3, 'peaceiris/actions-gh-pages': 4,
  'softprops/action-gh-release': 2, 'peter-evans/create-pull-request': 6, 'aws-actions/configure-aws-credentials': 4,
  'codecov/codecov-action': 4, 'pnpm/action-setup': 3, 'azure/login': 2, 'dorny/paths-filter': 3,
};
const OLD_RUNTIMES = new Set(['node12', 'node16']);

export const outdatedRuntime: Rule<ActionsModel> = {
  id: 'actions/outdated-runtime',
  aliases: ['actionlint/action'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'An action runs on Node 12 or 16, which GitHub has retired.',
  docs: `GitHub runs Node 12 and 16 actions on a newer Node, where they may misbehave, and has announced they will stop
running. Upgrade the action to a major version built for Node 20+ (for your own actions: \`using: node20\`).
Old \`actions/upload-artifact\` and \`download-artifact\` majors (v1–v3) already fail.`,
  check(ctx) {
    const model = ctx.model;
    if (model.kind === 'action') {
      const using = get(get(model.root, 'runs'), 'using');
      const v = scalarString(using);
      if (isScalar(using) && v && OLD_RUNTIMES.has(v)) {
        const r = rangeOf(model.index, using)!;
        ctx.report({ range: r, message: `"using: ${v}" is a retired runtime: use node20 (or node24).`, fix: { title: 'Use node20', edits: [{ range: r, newText: using.type === 'PLAIN' ? 'node20' : `${model.text[using.range![0]]}node20${model.text[using.range![0]]}` }], safe: false } });
      }
    }
    const root = repoRoot(ctx.path, ctx.workspace);
    for (const ref of model.uses) {
      if (ref.at !== 'step') continue;
      const u = parseUses(ref.value);
      const range = rangeOf(model.index, ref.node)!;
      if (u.kind === 'local' && root) {
        const meta = localAction(ctx.workspace, root, u.slug);
        if (meta && OLD_RUNTIMES.has(meta.using)) ctx.report({ range, message: `The local action ${u.slug} runs on ${meta.using}, a retired runtime: set \`using: node20\` in its action.yml.` });
        continue;
      }
      const major = u.kind === 'remote' ? usedMajor(model, ref.node, u) : undefined;
      if (major === undefined || !u.owner || !u.repo) continue;
      const first = FIRST_CURRENT_MAJOR[`${u.owner}/${u.repo}`.toLowerCase()];
      if (first === undefined || major >= first) continue;
      const refStart = ref.node.range![0] + (ref.node.type === 'PLAIN' ? 0 : 1) + ref.value.lastIndexOf('@') + 1;
      const refRange = model.index.range(refStart, refStart + u.ref!.length);
      const pinned = u.major === undefined; // a SHA with a version comment: the fix would have to find the new SHA
      ctx.report({
        range,
        message: `${u.owner}/${u.repo}@${pinned ? `${u.ref!.slice(0, 7)}… (v${major})` : u.ref} runs on a retired Node runtime: upgrade to v${first} or later (check its changelog for breaking changes).`,
        fix: pinned ? undefined : { title: `Upgrade to v${first}`, edits: [{ range: refRange, newText: `v${first}` }], safe: false },
      });
    }
  },
};
