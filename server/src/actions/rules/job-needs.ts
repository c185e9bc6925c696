import type { Rule } from '../../engine/types';
import { closest } from '../expr/checker';
import type { ActionsModel } from '../model';
import { needsOf } from '../scopes';
import { nodeRange } from './structure-rule';

export const jobNeeds: Rule<ActionsModel> = {
  id: 'actions/job-needs',
  aliases: ['actionlint/job-needs'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: '`needs:` naming a job that does not exist, the same job twice, or forming a cycle.',
  fixable: true,
  docs: `\`needs:\` orders jobs and passes their outputs. A typo in a job id, or two jobs that need each other, makes
GitHub reject the whole workflow.

**Bad**
\`\`\`yaml
jobs:
  build: {runs-on: ubuntu-latest, needs: tests, steps: [{run: make}]}
  test: {runs-on: ubuntu-latest, needs: build, steps: [{run: make test}]}
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    const ids = new Map(model.jobs.map((j) => [j.id.toLowerCase(), j]));
    const edges = new Map<string, string[]>();
    for (const job of model.jobs) {
      const seen = new Set<string>();
      const targets: string[] = [];
      for (const n of needsOf(job)) {
        const id = n.id.toLowerCase();
        if (seen.has(id)) {
          ctx.report({ range: nodeRange(model, n.node), message: `Job "${job.id}" lists "${n.id}" in needs twice.` });
          continue;
        }
        seen.add(id);
        if (!ids.has(id)) {
          const guess = closest(n.id, model.jobs.map((j) => j.id));
          ctx.report({
            range: nodeRange(model, n.node),
            message: `Job "${job.id}" needs "${n.id}", which is not a job of this workflow.${guess ? ` Did you mean "${guess}"?` : ''}`,
            fix: guess ? { title: `Change to "${guess}"`, edits: [{ range: nodeRange(model, n.node), newText: guess }] } : undefined,
          });
          continue;
        }
        targets.push(id);
      }
      edges.set(job.id.toLowerCase(), targets);
    }
    // Cycles: report each cycle once, on the job where the search re-enters it.
    const state = new Map<string, 'visiting' | 'done'>();
    const stack: string[] = [];
    const visit = (id: string) => {
      state.set(id, 'visiting');
      stack.push(id);
      for (const next of edges.get(id) ?? []) {
        if (state.get(next) === 'visiting') {
          const cycle = stack.slice(stack.indexOf(next));
          const job = ids.get(next)!;
          ctx.report({ range: nodeRange(model, job.key), message: `Jobs ${[...cycle, next].map((c) => `"${ids.get(c)!.id}"`).join(' → ')} need each other in a cycle: none of them can start.` });
        } else if (!state.has(next)) visit(next);
      }
      stack.pop();
      state.set(id, 'done');
    };
    for (const id of edges.keys()) if (!state.has(id)) visit(id);
  },
};
