import type { Instruction } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { fileStagesOf, type DockerfileModel } from '../model';

const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER', 'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);

const isLower = (s: string) => s === s.toLowerCase();
const isUpper = (s: string) => s === s.toUpperCase();

const keywordsOf = (stages: DockerfileModel['stages']): Instruction[] => stages.flatMap((s) => s.instructions).filter((i) => KEYWORDS.has(i.getKeyword()));

// By parse tree: a model restricted to some parts (parts.ts) shares the whole file's tree.
const majorityOf = new WeakMap<object, boolean>();

/**
 * Whether most instructions of the file are written in lower case (a file-wide fact: part of the parts' context,
 * parts.ts). Like BuildKit, ARGs before the first FROM are not part of a stage and are not counted.
 */
export function lowercaseMajority(model: DockerfileModel): boolean {
  let majority = majorityOf.get(model.ast);
  if (majority === undefined) {
    let lower = 0;
    let upper = 0;
    // Runs on every keystroke (the majority is in the part context): a plain loop, no intermediate arrays.
    for (const stage of fileStagesOf(model)) {
      for (const ins of stage.instructions) {
        if (!KEYWORDS.has(ins.getKeyword())) continue;
        const word = ins.getInstruction();
        if (isLower(word)) lower++;
        else if (isUpper(word)) upper++;
      }
    }
    majorityOf.set(model.ast, (majority = lower > upper));
  }
  return majority;
}

export const consistentInstructionCasing: Rule<DockerfileModel> = {
  id: 'dockerfile/consistent-instruction-casing',
  aliases: ['ConsistentInstructionCasing'],
  severity: 'warning',
  profile: 'recommended',
  category: 'style',
  fixable: true,
  description: 'Instructions should all use the same casing, upper or lower, as the majority of the file does.',
  docs: `Instruction keywords are case-insensitive, but a file that mixes \`RUN\`, \`run\` and \`Run\` is harder to read.
BuildKit counts the upper- and lower-case instructions of the build stages and reports every instruction that does not
follow the majority (uppercase on a tie). The quick fix rewrites the keyword.

**Bad**
\`\`\`dockerfile
FROM alpine:3.20
copy app /app
\`\`\`
**Good**
\`\`\`dockerfile
FROM alpine:3.20
COPY app /app
\`\`\``,
  check(ctx) {
    const majorityLower = lowercaseMajority(ctx.model);
    for (const ins of keywordsOf(ctx.model.stages)) {
      const word = ins.getInstruction();
      if (majorityLower ? isLower(word) : isUpper(word)) continue;
      const wanted = majorityLower ? word.toLowerCase() : word.toUpperCase();
      const range = ins.getInstructionRange();
      ctx.report({
        range,
        message: `Instruction "${word}" should be ${majorityLower ? 'lowercase' : 'uppercase'} like most of this file: "${wanted}".`,
        fix: { title: `Write "${wanted}"`, edits: [{ range, newText: wanted }] },
      });
    }
  },
};
