// The smallest token permissions a workflow's steps visibly need, for the "add permissions" fix.
import { actionOf, runText, withValue } from './facts';
import type { ActionsModel, Step } from './model';

const BY_ACTION: Record<string, Record<string, string>> = {
  'github/codeql-action/analyze': { 'security-events': 'write', actions: 'read' },
  'github/codeql-action/upload-sarif': { 'security-events': 'write' },
  'actions/deploy-pages': { pages: 'write', 'id-token': 'write' },
  'softprops/action-gh-release': { contents: 'write' },
  'ncipollo/release-action': { contents: 'write' },
  'peter-evans/create-pull-request': { contents: 'write', 'pull-requests': 'write' },
  'peaceiris/actions-gh-pages': { contents: 'write' },
  'actions/labeler': { 'pull-requests': 'write' },
  'actions/stale': { issues: 'write', 'pull-requests': 'write' },
  'stefanzweifel/git-auto-commit-action': { contents: 'write' },
  'actions/attest-build-provenance': { 'id-token': 'write', attestations: 'write' },
};

const RANK: Record<string, number> = { none: 0, read: 1, write: 2 };

export interface InferredPermissions {
  scopes: Record<string, string>;
  /** False when a step may need more than we can see (github-script, the gh CLI, tokens passed to unknown actions). */
  certain: boolean;
}

export function inferPermissions(model: ActionsModel): InferredPermissions {
  const scopes: Record<string, string> = { contents: 'read' };
  let certain = true;
  const grant = (scope: string, level: string) => {
    if ((RANK[level] ?? 0) > (RANK[scopes[scope]] ?? 0)) scopes[scope] = level;
  };
  const visit = (step: Step) => {
    const a = actionOf(step);
    const run = runText(step) ?? '';
    if (a?.kind === 'remote') {
      const slug = a.slug.toLowerCase();
      for (const [s, l] of Object.entries(BY_ACTION[slug] ?? {})) grant(s, l);
      if (slug === 'aws-actions/configure-aws-credentials' && withValue(step, 'role-to-assume')) grant('id-token', 'write');
      if (slug === 'docker/login-action' && /ghcr\.io/.test(withValue(step, 'registry') ?? '')) grant('packages', 'write');
      if (slug === 'actions/github-script') certain = false;
    }
    if (/\bgit\s+push\b/.test(run)) grant('contents', 'write');
    if (/\bgh\s+\w/.test(run) || /GITHUB_TOKEN|github\.token/.test(run)) certain = false;
  };
  model.steps.forEach(visit);
  return { scopes, certain };
}
