import type { PropertyInstruction } from 'dockerfile-ast';
import type { Rule } from '../../engine/types';
import { stageChain } from '../final-stage';
import type { DockerfileModel } from '../model';
import type { RunInfo } from '../run-model';
import { cacheMounted, insertAfter, spanRange } from '../run-queries';
import { pipInstalls } from '../packages';

// The values pip reads as "yes" (its strtobool), in any case.
const TRUTHY = /^(1|y|yes|t|true|on)$/i;

/** The value of PIP_NO_CACHE_DIR set by ENV before the RUN (in its stage or the stages it builds on). */
function envBefore(run: RunInfo): string | undefined {
  let value: string | undefined;
  for (const ins of stageChain(run.stage).flatMap((s) => s.instructions)) {
    if (ins === run.instruction || ins === run.onbuild) break;
    if (ins.getKeyword() !== 'ENV') continue;
    for (const p of (ins as PropertyInstruction).getProperties()) if (p.getName() === 'PIP_NO_CACHE_DIR') value = p.getValue() ?? '';
  }
  return value;
}

/** `PIP_NO_CACHE_DIR=<yes>` set in the RUN itself: as a command prefix, with export, or as an assignment. */
function setInRun(model: DockerfileModel, run: RunInfo): boolean {
  const range = run.instruction.getRange();
  const text = model.text.slice(model.index.offsetAt(range.start), model.index.offsetAt(range.end));
  return [...text.matchAll(/(?:^|[\s;&|(])PIP_NO_CACHE_DIR=(["']?)([^\s"';&|)]*)\1/g)].some((m) => TRUTHY.test(m[2]));
}

export const pipNoCache: Rule<DockerfileModel> = {
  id: 'dockerfile/pip-no-cache',
  aliases: ['DL3042'],
  severity: 'warning',
  profile: 'recommended',
  category: 'efficiency',
  fixable: true,
  description: '`pip install` without `--no-cache-dir` stores its download cache in the layer.',
  docs: `pip keeps every downloaded wheel under \`~/.cache/pip\`; in an image that is dead weight. Use
\`--no-cache-dir\`, set \`PIP_NO_CACHE_DIR\` to a yes value (\`1\`, \`true\`, \`yes\`, \`on\`; with ENV before the RUN, in
the RUN's environment or with \`export\`), or mount a build cache on pip's cache directory
(\`--mount=type=cache,target=/root/.cache/pip\`), which also speeds up rebuilds. The quick fix adds \`--no-cache-dir\`.

**Bad**
\`\`\`dockerfile
RUN pip install flask==3.1.0
\`\`\`
**Good**
\`\`\`dockerfile
RUN pip install --no-cache-dir flask==3.1.0
\`\`\``,
  check(ctx) {
    for (const { cmd, run, sub, args } of pipInstalls(ctx.model)) {
      if (args.some((a) => a.text === '--no-cache-dir' || a.text.startsWith('--no-cache-dir='))) continue;
      if (TRUTHY.test(envBefore(run) ?? '') || setInRun(ctx.model, run)) continue;
      if (cacheMounted(run, /(^|\/)\.cache(\/pip)?$|\/pip$/)) continue;
      ctx.report({
        range: spanRange(ctx.model, cmd.name, sub),
        message: 'Use pip install --no-cache-dir so that downloaded packages are not kept in the image.',
        fix: insertAfter(ctx.model, sub, ' --no-cache-dir', 'Add --no-cache-dir'),
      });
    }
  },
};
