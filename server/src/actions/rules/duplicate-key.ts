import { structureRule } from './structure-rule';

export const duplicateKey = structureRule(
  {
    id: 'actions/duplicate-key',
    description: 'Keys that differ only in letter case (job ids, inputs, outputs, with...): GitHub treats them as the same.',
    docs: `Job ids, step ids, inputs, outputs and \`with:\` keys are case-insensitive for GitHub: \`Build\` and \`build\` are
the same job, and one silently replaces the other (or the workflow is rejected). Exact duplicates are YAML errors and
are reported by actions/syntax.

**Bad**
\`\`\`yaml
jobs:
  build: {runs-on: ubuntu-latest, steps: [{run: make}]}
  Build: {runs-on: ubuntu-latest, steps: [{run: make test}]}
\`\`\``,
  },
  'duplicate-key',
);
