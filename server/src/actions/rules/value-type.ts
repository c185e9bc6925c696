import { structureRule } from './structure-rule';

export const valueType = structureRule(
  {
    id: 'actions/value-type',
    description: 'Value of the wrong shape or type for its key (mapping, list, string, boolean, number).',
    docs: `Each key takes one shape: \`steps\` a list, \`env\` a mapping, \`timeout-minutes\` a number,
\`continue-on-error\` a boolean (or a \`\${{ }}\` expression where GitHub allows one). A value of another shape makes
GitHub reject the workflow.

**Bad**
\`\`\`yaml
timeout-minutes: ten
steps:
  run: make
\`\`\`
**Good**
\`\`\`yaml
timeout-minutes: 10
steps:
  - run: make
\`\`\``,
  },
  'type',
);
