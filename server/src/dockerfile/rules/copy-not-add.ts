import type { Rule } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { copyParts, flagsOf, withTriggers } from '../instructions';

const ARCHIVE = /\.(tar|tar\.gz|tgz|tar\.bz2|tbz2?|tb2|tpz|tar\.xz|txz|tar\.lz|tlz|tar\.lzma|tar\.Z|tZ|gz|bz2|xz|lz|lzma|Z)$/i;
const URL = /^([a-z][a-z0-9+.-]*:\/\/|git@)/i;

export function isArchive(path: string): boolean {
  return ARCHIVE.test(path);
}

export const copyNotAdd: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-not-add',
  aliases: ['DL3020'],
  severity: 'error',
  profile: 'recommended',
  category: 'reliability',
  fixable: true,
  description: 'ADD of local files or folders: use COPY.',
  docs: `ADD also downloads URLs and unpacks tar archives, so a reader must check each source to know what it does.
For plain files and folders COPY says exactly that. Keep ADD for remote sources and archives to extract.
The quick fix replaces ADD with COPY when no source is a URL or an archive.

**Bad**
\`\`\`dockerfile
ADD app.py /srv/
\`\`\`
**Good**
\`\`\`dockerfile
COPY app.py /srv/
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const ins of withTriggers(model.instructions)) {
      if (ins.getKeyword() !== 'ADD') continue;
      const { sources, heredoc } = copyParts(model, ins);
      if (heredoc || !sources.length) continue;
      const unquoted = (v: string) => v.replace(/^(["'])(.*)\1$/, '$2');
      const plain = sources.filter((s) => !URL.test(unquoted(s.value)) && !isArchive(unquoted(s.value)));
      if (!plain.length) continue;
      const addOnly = flagsOf(ins).some((f) => ['checksum', 'keep-git-dir', 'unpack'].includes(f.getName().toLowerCase()));
      const keyword = ins.getInstructionRange();
      const upper = ins.getInstruction() === ins.getInstruction().toUpperCase();
      const fixable = !addOnly && plain.length === sources.length;
      ctx.report({
        range: keyword,
        message: 'Use COPY instead of ADD for local files and folders.',
        fix: fixable ? { title: 'Replace ADD with COPY', edits: [{ range: keyword, newText: upper ? 'COPY' : 'copy' }] } : undefined,
      });
    }
  },
};
