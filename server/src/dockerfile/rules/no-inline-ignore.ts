import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';

const PRAGMA = /#\s*hadolint\s+ignore\s*=/;

export const noInlineIgnore: Rule<DockerfileModel> = {
  id: 'dockerfile/no-inline-ignore',
  aliases: ['DL1001'],
  severity: 'info',
  profile: 'all',
  category: 'style',
  description: 'Inline `# hadolint ignore=` pragma (opt-in: for teams that forbid inline suppressions).',
  docs: `Some teams want every exception to be visible in the shared configuration rather than hidden in the file.
Opt-in (profile \`all\`).

**Bad**
\`\`\`dockerfile
# hadolint ignore=DL3008
RUN apt-get install -y curl
\`\`\`
**Good**: configure the exception in \`.shipshape.yaml\`.`,
  check(ctx) {
    const { model } = ctx;
    // A pragma at the top of the file is read as a parser directive (`# hadolint ignore=…` looks like `# key=value`).
    const ranges = [...model.ast.getDirectives(), ...model.ast.getComments()].map((c) => c.getRange()).sort((a, b) => a.start.line - b.start.line);
    for (const range of ranges) {
      const line = model.index.lineText(range.start.line);
      if (!PRAGMA.test(line)) continue;
      ctx.report({ range, message: 'Avoid inline hadolint ignore pragmas; configure exceptions centrally.' });
    }
  },
};
