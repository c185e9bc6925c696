import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import { containerSecurityFix } from '../fixes';
import type { KubernetesModel } from '../model';
import { boolAt, containerLabel, containerRange, containerSecurityContext } from '../pod';

export const readOnlyRootFilesystem: Rule<KubernetesModel> = {
  id: 'kubernetes/read-only-root-filesystem',
  aliases: ['kube-linter/no-read-only-root-fs', 'polaris/notReadOnlyRootFilesystem', 'kube-score/container-security-context-readonlyrootfilesystem'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: 'Container can write to its root filesystem (`readOnlyRootFilesystem` is not true).',
  docs: `A writable root filesystem lets an intruder drop tools and modify binaries, and hides state in the container layer.
Set \`readOnlyRootFilesystem: true\` and mount an \`emptyDir\` where the application must write (\`/tmp\`, caches).

**Good**
\`\`\`yaml
securityContext:
  readOnlyRootFilesystem: true
\`\`\``,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type === 'ephemeralContainers') continue;
      const sc = containerSecurityContext(c);
      const value = boolAt(sc, 'readOnlyRootFilesystem');
      if (value === true) continue;
      ctx.report({
        range: value === false ? rangeOf(ctx.model.index, get(sc, 'readOnlyRootFilesystem'))! : containerRange(ctx.model, c),
        message: `${containerLabel(c)} does not have a read-only root filesystem.`,
        fix: containerSecurityFix(ctx.model, c, 'Set readOnlyRootFilesystem: true', { readOnlyRootFilesystem: true }, false),
      });
    }
  },
};
