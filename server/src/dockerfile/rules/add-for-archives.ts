import type { Range, Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { hasOption, programOf } from '../run-queries';
import { copyParts, flagsOf } from '../instructions';
import { isArchive } from './copy-not-add';

const basename = (p: string) => p.replace(/\/+$/, '').replace(/^.*\//, '');

export const addForArchives: Rule<DockerfileModel> = {
  id: 'dockerfile/add-for-archives',
  aliases: ['DL3010'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  description: 'A tar archive is copied and then extracted with tar: ADD extracts it in one step.',
  docs: `\`COPY app.tar.gz /tmp/\` followed by \`RUN tar -xzf /tmp/app.tar.gz\` stores the archive in one layer and its
contents in another. \`ADD app.tar.gz /opt/app/\` extracts local tar archives directly.

**Bad**
\`\`\`dockerfile
COPY app.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz -C /opt
\`\`\`
**Good**
\`\`\`dockerfile
ADD app.tar.gz /opt/
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of model.stages) {
      const copied = new Map<string, { range: Range }>();
      for (const ins of stage.instructions) {
        if (ins.getKeyword() === 'COPY' && !flagsOf(ins).some((f) => f.getName().toLowerCase() === 'from')) {
          for (const s of copyParts(model, ins).sources) if (isArchive(s.value) && !s.value.includes('$')) copied.set(basename(s.value), s);
        }
      }
      if (!copied.size) continue;
      const reported = new Set<string>();
      for (const run of stage.runs) {
        for (const cmd of run.script.commands) {
          const extracts = programOf(cmd) === 'tar' && (hasOption(cmd, ['extract', 'get'], 'x') || /^[a-z]*x/.test(cmd.args[0]?.text ?? ''));
          if (!extracts) continue;
          // The archive may be given with -f/--file or as an operand: any argument naming it counts.
          for (const w of cmd.args) {
            const name = basename(w.text.replace(/^--file=/, ''));
            const source = copied.get(name);
            if (!source || reported.has(name)) continue;
            reported.add(name);
            ctx.report({ range: source.range, message: `"${name}" is copied and then extracted with tar; ADD extracts local tar archives in one step.` });
          }
        }
      }
    }
  },
};
