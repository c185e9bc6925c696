import type { Rule } from '../../engine/types';
import { get, getIn, isMap, isSeq, keyRange, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel } from '../pod';

export const secretEnvRef: Rule<KubernetesModel> = {
  id: 'kubernetes/secret-env-ref',
  aliases: ['kube-linter/read-secret-from-env-var'],
  severity: 'info',
  profile: 'all',
  category: 'security',
  description: 'Container reads a Secret into an environment variable (prefer a mounted file).',
  docs: `Environment variables leak: into crash dumps, child processes, \`/proc/<pid>/environ\` and debug output. Mount the Secret
as a file (a \`secret\` volume) and read it from there (CIS Benchmark 5.4.1).`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const env = get(c.node, 'env');
      if (!isSeq(env)) continue;
      for (const e of env.items) {
        if (!isMap(e) || getIn(e, ['valueFrom', 'secretKeyRef']) === undefined) continue;
        ctx.report({ range: keyRange(ctx.model.index, get(e, 'valueFrom'), 'secretKeyRef')!, message: `${containerLabel(c)} reads a Secret into ${scalarString(get(e, 'name')) ?? 'an environment variable'}.` });
      }
    }
  },
};
