import type { Rule } from '../../engine/types';
import type { ActionsModel, UsesRef } from '../model';

type Pin = 'hash-pin' | 'ref-pin' | 'any';

/**
 * Our default (the product's policy, zizmor's default before 1.20): GitHub's own actions may use tags, everything
 * else needs a commit SHA. zizmor 1.20+ requires SHAs everywhere by default; `"*": hash-pin` plus
 * `"actions/*": hash-pin` (etc.) in the option reproduces that.
 */
const DEFAULT_POLICY: Record<string, Pin> = { 'actions/*': 'ref-pin', 'github/*': 'ref-pin', 'dependabot/*': 'ref-pin', '*': 'hash-pin' };
const BRANCHES = new Set(['main', 'master', 'develop', 'dev', 'trunk', 'head', 'latest', 'nightly', 'stable']);
const SHA = /^[0-9a-f]{40}$/;

/**
 * The most specific policy entry, as zizmor matches them: the exact `owner/repo[/path]`, then `owner/repo/*`
 * (any action of the repository), then `owner/*`, then `*`. Matching ignores case, like GitHub.
 */
function policyFor(slug: string, policy: Record<string, Pin>): Pin {
  const lower: Record<string, Pin> = {};
  for (const [k, v] of Object.entries(policy)) lower[k.toLowerCase()] = v;
  const s = slug.toLowerCase();
  const [owner, repo] = s.split('/');
  return lower[s] ?? lower[`${owner}/${repo}/*`] ?? lower[`${owner}/*`] ?? lower['*'] ?? 'ref-pin';
}

function problem(use: UsesRef, policy: Record<string, Pin>): { message: string; start: number; end: number } | undefined {
  const value = use.value.trim();
  if (value.startsWith('./') || value.startsWith('.\\') || value.includes('${{')) return undefined;
  const valueStart = use.node.range![0] + (use.node.type === 'PLAIN' ? 0 : 1);
  if (value.startsWith('docker://')) {
    const image = value.slice('docker://'.length);
    if (image.includes('@sha256:')) return undefined;
    const colon = image.lastIndexOf(':');
    const tag = colon > image.lastIndexOf('/') ? image.slice(colon + 1) : undefined;
    if (tag && tag !== 'latest') return undefined;
    return { message: `Container action "${image}" is not pinned: use a version tag or, better, a digest.`, start: valueStart, end: valueStart + value.length };
  }
  const at = value.lastIndexOf('@');
  const slug = at < 0 ? value : value.slice(0, at);
  const pin = policyFor(slug, policy);
  if (pin === 'any') return undefined;
  if (at < 0) {
    return { message: `"${value}" has no ref: pin it to a commit SHA (with the version in a comment).`, start: valueStart, end: valueStart + value.length };
  }
  const ref = value.slice(at + 1);
  const refStart = valueStart + at + 1;
  if (SHA.test(ref)) return undefined;
  if (BRANCHES.has(ref.toLowerCase())) {
    return { message: `"${slug}" is pinned to the branch "${ref}", which can change under you: pin a commit SHA.`, start: refStart, end: refStart + ref.length };
  }
  if (pin === 'hash-pin') {
    return { message: `"${slug}@${ref}" is pinned to a tag that its owner can move: pin the commit SHA (keep "# ${ref}" as a comment).`, start: refStart, end: refStart + ref.length };
  }
  return undefined;
}

export const unpinnedUses: Rule<ActionsModel> = {
  id: 'actions/unpinned-uses',
  aliases: ['zizmor/unpinned-uses'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: 'Action or reusable workflow not pinned to a commit SHA (or pinned to a branch).',
  docs: `A tag or branch can be moved by whoever controls the action's repository — including an attacker who takes it over
— and every workflow that uses it runs the new code with your secrets. A full commit SHA cannot be moved.

Policy (option \`actions.unpinnedUses\` in \`.shipshape.yaml\`, same keys and values as zizmor's \`policies\`):
\`actions/*\`, \`github/*\` and \`dependabot/*\` may use version tags (\`ref-pin\`); every other action needs a SHA
(\`hash-pin\`); \`any\` accepts everything. Keys are \`owner/repo[/path]\` (exact), \`owner/repo/*\`, \`owner/*\` and
\`*\`; the most specific wins. zizmor 1.20 and later require SHAs for GitHub's own actions too — set
\`"actions/*": hash-pin\` (and \`github/*\`, \`dependabot/*\`) to match. Branches (\`@main\`, \`@master\`) and missing
refs are always reported. Local actions (\`./path\`) are never reported.

\`\`\`yaml
# .shipshape.yaml
actions:
  unpinnedUses:
    "my-org/*": ref-pin
\`\`\`

**Bad**
\`\`\`yaml
- uses: some-org/deploy-action@main
\`\`\`
**Good**
\`\`\`yaml
- uses: some-org/deploy-action@8f4b7f84864484a7bf31766abe9204da3cbe65b3 # v1.4.0
\`\`\``,
  check(ctx) {
    const configured = ctx.options.unpinnedUses;
    const policy = { ...DEFAULT_POLICY, ...(configured && typeof configured === 'object' ? (configured as Record<string, Pin>) : {}) };
    for (const ref of ctx.model.uses) {
      const p = problem(ref, policy);
      if (p) ctx.report({ range: ctx.model.index.range(p.start, p.end), message: p.message });
    }
  },
};
