import type { Instruction } from 'dockerfile-ast';
import type { Fix, Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { toExecForm } from '../exec-form';

export const jsonArgs: Rule<DockerfileModel> = {
  id: 'dockerfile/json-args',
  aliases: ['DL3025', 'JSONArgsRecommended'],
  severity: 'warning',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'CMD and ENTRYPOINT in shell form run under `/bin/sh -c`, so the process does not receive signals.',
  docs: `In shell form (\`CMD node server.js\`) Docker starts \`/bin/sh -c "node server.js"\`. The shell is PID 1 and does not
forward SIGTERM, so \`docker stop\` waits for the timeout and kills your process without a clean shutdown.
The exec (JSON) form starts the program directly.

The quick fix rewrites the arguments as a JSON array. Commands that use shell features (variables, \`&&\`, pipes,
redirections, globs) become \`["/bin/sh", "-c", "…"]\` so that their meaning does not change.

**Bad**
\`\`\`dockerfile
CMD node server.js
\`\`\`
**Good**
\`\`\`dockerfile
CMD ["node", "server.js"]
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      for (const ins of stage.instructions) {
        const keyword = ins.getKeyword();
        if (keyword !== 'CMD' && keyword !== 'ENTRYPOINT') continue;
        if (isJsonForm(ins)) continue;
        const range = ins.getArgumentsRange();
        if (!range) continue;
        const raw = model.text.slice(model.index.offsetAt(range.start), model.index.offsetAt(range.end));
        const json = toExecForm(raw, model.escape);
        const fix: Fix | undefined = json ? { title: `Convert ${keyword} to JSON (exec) form`, edits: [{ range, newText: json }] } : undefined;
        ctx.report({
          range,
          // BuildKit does not report shell form once the stage has changed SHELL; hadolint still does.
          aliases: stage.scope.shellInstruction ? ['DL3025'] : ['DL3025', 'JSONArgsRecommended'],
          message: `${keyword} uses shell form; use JSON form, e.g. ${keyword} ${json ?? '["executable", "arg"]'}, so the process receives signals.`,
          fix,
        });
      }
    }
  },
};

function isJsonForm(ins: Instruction): boolean {
  const content = ins.getRawArgumentsContent()?.trim() ?? '';
  if (!content.startsWith('[')) return false;
  try {
    const parsed = JSON.parse(content.replace(/\\\r?\n/g, ''));
    return Array.isArray(parsed) && parsed.every((s) => typeof s === 'string');
  } catch {
    return false;
  }
}
