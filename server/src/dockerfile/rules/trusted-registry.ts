import type { Range, Rule } from '../../engine/types';
import { isStageOrScratch, parseImageRef, type DockerfileModel } from '../model';
import { looksLikeImage } from './copy-from-known-stage';
import { flagValue } from '../instructions';

/** Registry host of an image reference; Docker Hub images are `docker.io`. */
export function registryOf(image: string): string {
  const first = image.split('/')[0];
  if (image.includes('/') && (first.includes('.') || first.includes(':') || first === 'localhost')) return first.toLowerCase();
  return 'docker.io';
}

function allowed(registry: string, trusted: string[]): boolean {
  return trusted.some((t) => {
    const pattern = t.toLowerCase();
    if (pattern === '*') return true;
    if (pattern.startsWith('*.')) return registry.endsWith(pattern.slice(1));
    return registry === pattern || (pattern === 'hub.docker.com' && registry === 'docker.io') || (pattern === 'docker.io' && registry === 'index.docker.io');
  });
}

export const trustedRegistry: Rule<DockerfileModel> = {
  id: 'dockerfile/trusted-registry',
  aliases: ['DL3026'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  description: 'Image pulled from a registry outside `dockerfile.trustedRegistries`.',
  docs: `Only runs when \`dockerfile.trustedRegistries\` is configured (e.g. \`["docker.io", "*.corp.example.com"]\`;
Docker Hub images count as \`docker.io\`). Checks \`FROM\`, \`COPY --from=<image>\` and \`RUN --mount=from=<image>\`.

**Bad** (with \`trustedRegistries: [registry.corp.example.com]\`)
\`\`\`dockerfile
FROM quay.io/someone/tool:1.0
\`\`\`
**Good**
\`\`\`dockerfile
FROM registry.corp.example.com/tools/tool:1.0
\`\`\``,
  check(ctx) {
    const trusted = ctx.options.trustedRegistries;
    if (!Array.isArray(trusted) || !trusted.length) return;
    const list = trusted.map(String);
    const { model } = ctx;
    const check = (image: string, range: Range) => {
      const registry = registryOf(image);
      if (!allowed(registry, list)) ctx.report({ range, message: `Registry "${registry}" is not in dockerfile.trustedRegistries.` });
    };
    for (const stage of model.stages) {
      if (stage.image && !isStageOrScratch(model, stage) && !stage.image.unresolved) {
        check(stage.image.resolved, stage.from.getImageRange() ?? stage.from.getRange());
      }
      const isStage = (v: string) => model.stages.some((s) => s.name === v.toLowerCase()) || /^\d+$/.test(v);
      for (const ins of stage.instructions) {
        if (ins.getKeyword() !== 'COPY') continue;
        const from = flagValue(ins, 'from');
        if (from && looksLikeImage(from.value) && !from.value.includes('$') && !isStage(from.value)) check(from.value, from.range);
      }
      for (const run of stage.runs) {
        for (const m of run.mounts) {
          if (m.from && looksLikeImage(m.from) && !m.from.includes('$') && !isStage(m.from)) check(parseImageRef(m.from, model.globalArgs).resolved, m.range);
        }
      }
    }
  },
};
