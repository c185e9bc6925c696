import { structureRule } from './structure-rule';

export const emptyValue = structureRule(
  {
    id: 'actions/empty-value',
    description: 'Empty section, list or string where GitHub expects content.',
    docs: `An empty \`steps:\`, \`jobs:\`, \`with:\` or an empty string for \`runs-on\` is either rejected by GitHub or does
nothing. Remove the key or give it a value.

**Bad**
\`\`\`yaml
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
\`\`\``,
  },
  'empty',
);
