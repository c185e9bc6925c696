import type { Report, Rule } from '../../engine/types';
import { get, keyRange, rangeOf } from '../../yaml/yaml';
import { insertBeforeJobs } from '../fixes';
import type { ActionsModel } from '../model';
import { inferPermissions } from '../permissions';

export const missingPermissions: Rule<ActionsModel> = {
  id: 'actions/missing-permissions',
  aliases: ['zizmor/excessive-permissions'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'No `permissions:` block: the token gets the repository default, often read-write on everything.',
  docs: `Without \`permissions:\` the \`GITHUB_TOKEN\` gets the repository's default — read-write on most scopes in
older repositories and organisations. Declaring the permissions makes the workflow safe whatever the default is.

The quick fix adds \`permissions:\` at workflow level with \`contents: read\` plus the scopes the steps visibly need
(CodeQL uploads, Pages deployments, releases…). Review it: a step may need more than can be seen statically.

**Good**
\`\`\`yaml
permissions:
  contents: read
\`\`\``,
  check(ctx) {
    const model = ctx.model;
    if (model.kind !== 'workflow' || !model.root || !model.jobs.length || get(model.root, 'permissions') !== undefined) return;
    const lacking = model.jobs.filter((j) => get(j.node, 'permissions') === undefined);
    if (!lacking.length) return;
    if (lacking.length === model.jobs.length) {
      const range = keyRange(model.index, model.root, 'jobs');
      if (!range) return;
      const inferred = inferPermissions(model);
      const edit = insertBeforeJobs(model, 'permissions', inferred.scopes);
      const list = Object.entries(inferred.scopes).map(([k, v]) => `${k}: ${v}`).join(', ');
      const report: Report = {
        range,
        message: 'No job declares `permissions:`, so the token gets the repository default (possibly read-write on everything).',
        fix: edit ? { title: `Add workflow permissions (${list})`, edits: [edit], safe: false } : undefined,
      };
      ctx.report(report);
      return;
    }
    for (const job of lacking) {
      const r = rangeOf(model.index, job.key);
      if (r) ctx.report({ range: r, message: `Job "${job.id}" has no \`permissions:\` (other jobs do), so it gets the repository default token permissions.` });
    }
  },
};
