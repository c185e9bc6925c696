import { structureRule } from './structure-rule';

export const requiredKey = structureRule(
  {
    id: 'actions/required-key',
    description: 'A required key is missing (`on`, `jobs`, `runs-on`, `steps`, a step\'s `run` or `uses`...).',
    docs: `A workflow needs \`on\` and \`jobs\`; a job needs \`runs-on\` and \`steps\` (or \`uses\` for a reusable workflow); a
step needs exactly one of \`run\` and \`uses\`; a composite action's \`run\` step needs \`shell\`.

**Bad**
\`\`\`yaml
jobs:
  test:
    steps:
      - name: Nothing to do
\`\`\``,
  },
  'required',
);
