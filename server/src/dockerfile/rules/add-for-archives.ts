import type { Range, Rule } from '../../engine/types';
import { allStages, type DockerfileModel } from '../model';
import { hasOption, programOf } from '../run-queries';
import { copyParts, flagsOf, type Operand } from '../instructions';
import { isArchive } from './copy-not-add';

/** The last path segment, `/` or `\\` separated (Windows paths), without surrounding quotes. */
const basename = (p: string) => p.replace(/^["']|["']$/g, '').replace(/[/\\]+$/, '').replace(/^.*[/\\]/, '');

// Programs that unpack an archive named as an operand (tar is checked for its extract flag).
const UNPACKERS = new Set(['unzip', 'gunzip', 'bunzip2', 'unlzma', 'unxz', 'zgz', 'uncompress', 'zcat', 'gzcat']);

export const addForArchives: Rule<DockerfileModel> = {
  id: 'dockerfile/add-for-archives',
  aliases: ['DL3010'],
  severity: 'info',
  profile: 'recommended',
  category: 'efficiency',
  description: 'A local archive is copied and then extracted in a RUN: ADD extracts it in one step.',
  docs: `\`COPY app.tar.gz /tmp/\` followed by \`RUN tar -xzf /tmp/app.tar.gz\` stores the archive in one layer and its
contents in another. \`ADD app.tar.gz /opt/app/\` extracts local tar archives directly.

Any archive extension counts (\`.tar\`, \`.tgz\`, \`.tar.xz\`, \`.bz2\`, \`.Z\`…), also when the COPY renames it
(\`COPY dist/app.tar /tmp/pkg.tar\` then \`tar -xf /tmp/pkg.tar\`), and extraction with \`tar -x\`/\`--extract\` or
\`unzip\`, \`gunzip\`, \`bunzip2\`, \`unxz\`, \`unlzma\`, \`uncompress\`, \`zcat\`. Only the same stage is considered.

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
    // Per stage (and for COPYs before any FROM, as in a fragment): a COPY in one stage is not extracted in another.
    for (const stage of allStages(model)) {
      const copied = new Map<string, { range: Range }>();
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY' || flagsOf(ins).some((f) => f.getName().toLowerCase() === 'from')) continue;
        const parts = copyParts(model, ins);
        // Names as written: the parser drops backslashes (escapes), which are separators in Windows paths.
        const raw = (o: Operand): Operand => (parts.json ? o : { ...o, value: model.text.slice(o.start, o.end).replace(/^["']|["']$/g, '') });
        const sources = parts.sources.map(raw);
        const dest = parts.dest && raw(parts.dest);
        // `COPY dist/app.tar /tmp/pkg.tar` renames the archive: the RUN extracts it under the new name.
        if (dest && sources.length && !/[/\\]$/.test(dest.value) && isArchive(dest.value) && !dest.value.includes('$')) {
          copied.set(basename(dest.value), sources.length === 1 ? sources[0] : (sources.find((o) => isArchive(o.value)) ?? dest));
          continue;
        }
        for (const s of sources) if (isArchive(s.value) && !s.value.includes('$')) copied.set(basename(s.value), s);
      }
      if (!copied.size) continue;
      const reported = new Set<string>();
      for (const run of stage.runs) {
        for (const cmd of run.script.commands) {
          const program = programOf(cmd);
          const extracts = program === 'tar' ? hasOption(cmd, ['extract', 'get'], 'x') || /^[a-z]*x/.test(cmd.args[0]?.text ?? '') : UNPACKERS.has(program);
          if (!extracts) continue;
          // The archive may be given with -f/--file or as an operand: any argument naming it counts.
          for (const w of cmd.args) {
            const name = basename(w.text.replace(/^--file=/, ''));
            const source = copied.get(name);
            if (!source || reported.has(name)) continue;
            reported.add(name);
            ctx.report({ range: source.range, message: `"${name}" is copied and then extracted with ${program}; ADD extracts local archives in one step.` });
          }
        }
      }
    }
  },
};
