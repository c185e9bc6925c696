import type { Rule } from '../../engine/types';
import { rangeOf } from '../../yaml/yaml';
import type { ActionsModel, UsesRef } from '../model';

function problem(ref: UsesRef): string | undefined {
  const v = ref.value.trim();
  if (!v) return '`uses:` is empty.';
  if (v.includes('${{')) return undefined; // evaluated by GitHub in some positions; not ours to judge statically
  if (v.startsWith('./') || v.startsWith('.\\')) {
    if (ref.at === 'job' && v.includes('@')) return 'A local reusable workflow takes no "@ref": it always comes from the same commit as the caller.';
    if (ref.at === 'job' && !/^\.\/\.github\/workflows\/[^/]+\.ya?ml$/.test(v)) return 'A local reusable workflow must be a file in ./.github/workflows/ ending in .yml or .yaml.';
    return undefined;
  }
  if (v.startsWith('docker://')) {
    if (ref.at === 'job') return 'A job can only `uses:` a reusable workflow, not a container image.';
    return v.length > 'docker://'.length ? undefined : 'The container image after docker:// is missing.';
  }
  const at = v.lastIndexOf('@');
  if (at < 0) return `"${v}" has no "@ref": write owner/repo@ref (a tag, branch or commit SHA).`;
  const slug = v.slice(0, at);
  if (!v.slice(at + 1)) return 'The ref after "@" is empty.';
  const parts = slug.split('/');
  if (parts.length < 2 || parts.some((p) => !p)) return `"${slug}" is not owner/repo[/path].`;
  if (ref.at === 'job' && !/^[^/]+\/[^/]+\/.+\.ya?ml$/.test(slug)) {
    return 'A reusable workflow is owner/repo/.github/workflows/<file>.yml@ref.';
  }
  return undefined;
}

export const usesFormat: Rule<ActionsModel> = {
  id: 'actions/uses-format',
  aliases: ['actionlint/action'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: '`uses:` is not `owner/repo[/path]@ref`, `./local/path` or `docker://image`.',
  docs: `GitHub refuses a workflow whose \`uses:\` it cannot resolve. Steps take \`owner/repo@ref\`,
\`owner/repo/path@ref\`, \`./path\` (an action in this repository) or \`docker://image\`; jobs take a reusable workflow,
\`owner/repo/.github/workflows/file.yml@ref\` or \`./.github/workflows/file.yml\`.`,
  check(ctx) {
    for (const ref of ctx.model.uses) {
      const message = problem(ref);
      if (message) ctx.report({ range: rangeOf(ctx.model.index, ref.node)!, message });
    }
  },
};
