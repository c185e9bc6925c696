import type { Env } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';

export const envSelfReference: Rule<DockerfileModel> = {
  id: 'dockerfile/env-self-reference',
  aliases: ['DL3044'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'ENV refers to a variable defined earlier in the same ENV instruction.',
  docs: `All pairs of one ENV are expanded with the values from before the instruction: in \`ENV A=1 B=$A\`, \`B\` does
not get \`1\` (it gets the old \`A\`, usually empty). Split the instruction.

**Bad**
\`\`\`dockerfile
ENV APP_HOME=/app APP_BIN=$APP_HOME/bin
\`\`\`
**Good**
\`\`\`dockerfile
ENV APP_HOME=/app
ENV APP_BIN=$APP_HOME/bin
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      const known = new Set<string>([...model.globalArgs.keys(), ...(stage.parent?.scope.env.keys() ?? [])]);
      for (const ins of stage.instructions) {
        const keyword = ins.getKeyword();
        if (keyword === 'ARG') for (const a of ins.getArguments()) known.add(a.getValue().split('=')[0]);
        if (keyword !== 'ENV') continue;
        const props = (ins as Env).getProperties();
        const defined: string[] = [];
        for (const p of props) {
          const valueRange = p.getValueRange();
          if (valueRange) {
            const start = model.index.offsetAt(valueRange.start);
            const raw = model.text.slice(start, model.index.offsetAt(valueRange.end));
            for (const m of raw.matchAll(/\$\{?([A-Za-z_][A-Za-z0-9_]*)/g)) {
              const name = m[1];
              if (!defined.includes(name) || known.has(name)) continue;
              const at = start + m.index!;
              const end = at + m[0].length + (m[0].startsWith('${') && raw[m.index! + m[0].length] === '}' ? 1 : 0);
              ctx.report({ range: model.index.range(at, end), message: `"${name}" is defined in this same ENV instruction; its new value is not visible here.` });
            }
          }
          defined.push(p.getName());
        }
        for (const name of defined) known.add(name);
      }
    }
  },
};
