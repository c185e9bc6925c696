import type { Scalar } from 'yaml';
import { isScalar } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { get } from '../../yaml/yaml';
import { nodeRange } from './structure-rule';

const ID = /^[A-Za-z_][A-Za-z0-9_-]*$/;

export const ids: Rule<ActionsModel> = {
  id: 'actions/id',
  aliases: ['actionlint/id'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Job or step id that is not a valid identifier, or a step id used twice in a job.',
  docs: `Job and step ids must start with a letter or \`_\` and contain only letters, digits, \`-\` and \`_\`; step ids must be
unique within their job (case-insensitively), or \`steps.<id>\` refers to the wrong step.

**Bad**
\`\`\`yaml
jobs:
  1st-job:
    steps:
      - id: build.step
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const job of model.jobs) {
      if (!ID.test(job.id)) ctx.report({ range: nodeRange(model, job.key), message: `Job id "${job.id}" is invalid: it must start with a letter or "_" and contain only letters, digits, "-" and "_".` });
    }
    const groups = model.kind === 'action' ? [model.steps] : model.jobs.map((j) => j.steps);
    for (const steps of groups) {
      const seen = new Map<string, Scalar>();
      for (const step of steps) {
        const node = get(step.node, 'id');
        if (!isScalar(node) || typeof node.value !== 'string' || !node.value || node.value.includes('${{')) continue; // empty: actions/empty-value
        const id = node.value;
        if (!ID.test(id)) ctx.report({ range: nodeRange(model, node), message: `Step id "${id}" is invalid: it must start with a letter or "_" and contain only letters, digits, "-" and "_".` });
        const prev = seen.get(id.toLowerCase());
        if (prev) {
          const line = model.index.positionAt(prev.range![0]).line + 1;
          ctx.report({ range: nodeRange(model, node), message: `Step id "${id}" is already used by another step of this job (line ${line}); step ids are case-insensitive.` });
        } else seen.set(id.toLowerCase(), node);
      }
    }
  },
};
