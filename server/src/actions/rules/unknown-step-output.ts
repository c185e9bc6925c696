import type { Rule } from '../../engine/types';
import { get, scalarString } from '../../yaml/yaml';
import type { Scalar } from 'yaml';
import { eachContextPath, parseUses, repoRoot, usedMajor } from '../facts';
import { resolveStepAction } from '../local';
import type { ActionsModel, Step } from '../model';

export const unknownStepOutput: Rule<ActionsModel> = {
  id: 'actions/unknown-step-output',
  aliases: ['actionlint/expression'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: '`steps.<id>.outputs.<name>` names an output the step\'s action does not declare.',
  docs: `An undeclared output evaluates to an empty string, silently. Outputs are checked for local actions (their
\`action.yml\`) and for the popular actions of the built-in table, at the major version it describes.`,
  check(ctx) {
    const model = ctx.model;
    const root = repoRoot(ctx.path, ctx.workspace);
    const stepsById = new Map<string, Step>();
    for (const s of model.steps) if (s.id) stepsById.set(`${s.job?.id ?? ''}\u0000${s.id.toLowerCase()}`, s);
    const jobOfOffset = (offset: number) => model.jobs.find((j) => j.node.range && offset >= j.node.range[0] && offset < j.node.range[2]);
    eachContextPath(model, (p) => {
      const m = /^steps\.([^.]+)\.outputs\.([^.*]+)$/.exec(p.path);
      if (!m) return;
      const job = jobOfOffset(p.start);
      const step = stepsById.get(`${job?.id ?? ''}\u0000${m[1]}`);
      const usesNode = step && get(step.node, 'uses');
      const uses = scalarString(usesNode);
      const meta = uses ? resolveStepAction(ctx.workspace, root, uses, usedMajor(model, usesNode as Scalar, parseUses(uses))) : undefined;
      if (!meta || !meta.complete || meta.outputs.some((o) => o.toLowerCase() === m[2])) return;
      const name = model.text.slice(p.start, p.end).split('.').pop()!;
      ctx.report({ range: model.index.range(p.end - name.length, p.end), message: `"${meta.source}" has no output "${name}"; it sets: ${meta.outputs.join(', ') || 'no outputs'}.` });
    });
  },
};
