import type { Rule } from '../../engine/types';
import { allStages, fileStagesOf, type DockerfileModel } from '../model';
import { flagValue } from '../instructions';

/** `--from` values that name an image rather than a stage. */
export function looksLikeImage(value: string): boolean {
  return /[:/@.]/.test(value);
}

export const copyFromKnownStage: Rule<DockerfileModel> = {
  id: 'dockerfile/copy-from-known-stage',
  aliases: ['DL3022'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: '`COPY --from` names a stage that is not defined before it.',
  docs: `\`COPY --from=<name>\` must name an earlier build stage (\`FROM … AS <name>\`), a stage index, or an image. A
name that matches nothing is pulled as an image from Docker Hub — usually a typo.

**Bad**
\`\`\`dockerfile
FROM golang:1.23 AS build
FROM alpine:3.21
COPY --from=biuld /out/app /app
\`\`\`
**Good**
\`\`\`dockerfile
COPY --from=build /out/app /app
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    for (const stage of allStages(model)) {
      const earlier = stage.implicit ? [] : fileStagesOf(model).slice(0, stage.index);
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        const from = flagValue(ins, 'from');
        if (!from || !from.value || from.value.includes('$') || looksLikeImage(from.value)) continue;
        const v = from.value.toLowerCase();
        if (/^\d+$/.test(v) ? Number(v) < stage.index : earlier.some((s) => s.name === v)) continue;
        if (stage.name === v) continue; // reported by copy-from-self
        ctx.report({ range: from.range, message: `COPY --from="${from.value}" does not name an earlier stage.` });
      }
    }
  },
};
