import { structureRule } from './structure-rule';

export const unknownKey = structureRule(
  {
    id: 'actions/unknown-key',
    description: 'Key that this section of a workflow or action does not allow (with a did-you-mean rename).',
    fixable: true,
    docs: `GitHub rejects a workflow with a key it does not know — often a typo (\`runs_on\`, \`timeout\`) or a key in the
wrong place (\`with:\` on a \`run:\` step). The quick fix renames a near-miss to the key it most likely meant.

**Bad**
\`\`\`yaml
jobs:
  build:
    runs_on: ubuntu-latest
\`\`\`
**Good**
\`\`\`yaml
jobs:
  build:
    runs-on: ubuntu-latest
\`\`\``,
  },
  'unknown-key',
);
