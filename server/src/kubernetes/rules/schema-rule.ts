// The shared check of the schema rules: each reports its own kind of problem from the file's one schema walk.
import type { Rule, RuleMeta } from '../../engine/types';
import type { KubernetesModel } from '../model';
import { issuesOf } from '../schema/resolve';
import type { IssueCode } from '../schema/validate';

export function schemaRule(meta: RuleMeta, code: IssueCode): Rule<KubernetesModel> {
  return {
    ...meta,
    check(ctx) {
      for (const issue of issuesOf(code, ctx.model, ctx.path, ctx.project, ctx.workspace)) {
        ctx.report({ range: issue.range, message: issue.message, fix: issue.fix });
      }
    },
  };
}
