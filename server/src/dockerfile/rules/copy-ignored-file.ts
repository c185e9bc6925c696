import type { Copy, Instruction, JSONInstruction } from 'dockerfile-ast';
import type { Range, Rule } from '../../engine/types';
import { buildContextDir, findIgnoreFile, isIgnored } from '../dockerignore';
import type { DockerfileModel } from '../model';

/** Source words of a COPY/ADD (not flags, not the destination), with their ranges. */
export function copySources(ins: Instruction): Array<{ value: string; range: Range }> {
  const json = (ins as JSONInstruction).getJSONStrings?.() ?? [];
  const words = json.length ? json.map((j) => ({ value: j.getJSONValue(), range: j.getRange() })) : ins.getArguments().map((a) => ({ value: a.getValue(), range: a.getRange() }));
  return words.slice(0, -1);
}

export const copyIgnoredFile: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-ignored-file',
  aliases: ['CopyIgnoredFile'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'COPY or ADD names a file that `.dockerignore` excludes from the build context.',
  docs: `Files excluded by \`.dockerignore\` are not sent to the builder, so \`COPY\` fails with "not found" (or, with a
wildcard, silently copies nothing). Remove the pattern from \`.dockerignore\` or stop copying the file.

Shipshape reads \`<Dockerfile>.dockerignore\` beside the Dockerfile, else \`.dockerignore\` in the build context — the
Dockerfile's folder unless the option \`dockerfile.buildContext\` (relative to that folder) says otherwise. Like
BuildKit it stays quiet when the ignore file has \`!\` re-inclusions.

**Bad** (with \`.dockerignore\` containing \`*.env\`)
\`\`\`dockerfile
COPY app.env /etc/app/
\`\`\``,
  check(ctx) {
    const ignore = findIgnoreFile(ctx.path, buildContextDir(ctx.path, ctx.options), ctx.workspace);
    if (!ignore || ignore.hasExclusions || ignore.patterns.length === 0) return;
    for (const ins of ctx.model.instructions) {
      const keyword = ins.getKeyword();
      if (keyword !== 'COPY' && keyword !== 'ADD') continue;
      if ((ins as Copy).getFlags().some((f) => f.getName() === 'from')) continue;
      for (const src of copySources(ins)) {
        const v = src.value;
        if (v.startsWith('<<') || v.includes('$') || /^(?:https?|git):\/\//.test(v) || /^git@/.test(v)) continue;
        if (!isIgnored(ignore, v)) continue;
        const verb = keyword === 'COPY' ? 'Copy' : 'Add';
        ctx.report({ range: src.range, message: `${verb} source "${v}" is excluded by ${ignore.path.endsWith('/.dockerignore') ? '.dockerignore' : ignore.path.split('/').pop()}: it is not in the build context.` });
      }
    }
  },
};
