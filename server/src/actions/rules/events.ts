import type { Rule } from '../../engine/types';
import { eventsOf } from '../events';
import type { ActionsModel } from '../model';
import { nodeRange } from './structure-rule';

export const events: Rule<ActionsModel> = {
  id: 'actions/events',
  aliases: ['actionlint/events', 'actionlint/syntax-check'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Triggers: unknown events or activity types, filters an event does not take, cron schedules, time zones, dispatch/call inputs.',
  docs: `Checks the \`on:\` section the way GitHub reads it: event names (case-sensitive), activity \`types\` per event,
filters per event (\`tags\` only for \`push\`, \`paths\` not for \`release\`...) and the pairs that exclude each other
(\`branches\` + \`branches-ignore\`), cron syntax and the 5-minute minimum interval, IANA \`timezone:\` names,
\`workflow_dispatch\`/\`workflow_call\` inputs (types, \`choice\` options, defaults that match the type or the options,
at most 25 dispatch inputs, required inputs whose default is never used).

**Bad**
\`\`\`yaml
on:
  push:
    branches: [main]
    branches-ignore: [wip/*]
  schedule:
    - cron: '*/2 * * * *'
\`\`\`
**Good**
\`\`\`yaml
on:
  push:
    branches: [main, '!wip/*']
  schedule:
    - cron: '*/15 * * * *'
\`\`\``,
  fixable: true,
  check(ctx) {
    for (const p of eventsOf(ctx.model).problems) {
      const range = nodeRange(ctx.model, p.node);
      ctx.report({
        range,
        message: p.message,
        severity: p.severity,
        aliases: [`actionlint/${p.alias}`],
        fix: p.rename
          ? { title: `Change to "${p.rename.to}"`, edits: [{ range: nodeRange(ctx.model, p.rename.key), newText: p.rename.to }], ...(p.rename.safe ? {} : { safe: false }) }
          : undefined,
      });
    }
  },
};
