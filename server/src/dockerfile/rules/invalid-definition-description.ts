import type { Instruction, PropertyInstruction } from 'dockerfile-ast';
import type { Range, Rule } from '../../engine/types';
import { directiveBlockEnd } from '../directives';
import type { DockerfileModel } from '../model';

const PRAGMA = /^(?:hadolint\b|check\s*=|shipshape-ignore|syntax\s*=|escape\s*=)/i;

/** First line of the comment block directly above an instruction (parser directives excluded). */
function descriptionComment(model: DockerfileModel, ins: Instruction, firstLine: number): { text: string } | undefined {
  let line = ins.getRange().start.line - 1;
  let top: number | undefined;
  while (line >= firstLine && /^\s*#/.test(model.index.lineText(line))) top = line--;
  if (top === undefined) return undefined;
  const text = model.index.lineText(top);
  return { text: text.slice(text.indexOf('#') + 1).trim() };
}

export const invalidDefinitionDescription: Rule<DockerfileModel> = {
  id: 'dockerfile/invalid-definition-description',
  aliases: ['InvalidDefinitionDescription'],
  severity: 'info',
  profile: 'all',
  category: 'style',
  description: 'A comment directly above an ARG or a named stage does not start with its name (BuildKit experimental check).',
  docs: `Tools such as \`docker buildx build --call=outline\` read the comment right above an \`ARG\` or \`FROM … AS name\`
as its description when it starts with the name: \`# VERSION the release to build\`. A comment there that is not a
description should be separated by an empty line.

This is an experimental BuildKit check: it runs with profile \`all\` or when the Dockerfile enables it with
\`# check=experimental=InvalidDefinitionDescription\` (or \`experimental=all\`).

**Bad**
\`\`\`dockerfile
# the version to build
ARG VERSION=1.0
\`\`\`
**Good**
\`\`\`dockerfile
# VERSION the version to build
ARG VERSION=1.0
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    const firstLine = directiveBlockEnd(model.index);
    for (const ins of model.instructions) {
      const keyword = ins.getKeyword();
      let names: string[] = [];
      let target: Range | null = null;
      if (keyword === 'ARG') {
        const props = (ins as PropertyInstruction).getProperties();
        names = props.map((p) => p.getName());
        target = props[0]?.getNameRange() ?? null;
      } else if (keyword === 'FROM') {
        const stage = model.stages.find((s) => s.from === ins);
        if (stage?.name) names = [stage.name];
        target = stage?.from.getBuildStageRange() ?? null;
      }
      if (!names.length || !target) continue;
      const comment = descriptionComment(model, ins, firstLine);
      const word = comment?.text.split(/\s+/)[0];
      if (!comment || !word || names.includes(word) || PRAGMA.test(comment.text)) continue;
      const expected = names.length === 1 ? names[0] : '<arg_key>';
      const what = keyword === 'ARG' ? 'ARG' : 'FROM';
      // Reported on the name being described, on the instruction's line as BuildKit does.
      ctx.report({ range: target, message: `The comment above this ${what} is read as its description but does not start with the name: write "# ${expected} <description>", or leave an empty line between them.` });
    }
  },
};
