import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boolAt } from '../pod';

export const sccPrivilegedContainer: Rule<KubernetesModel> = {
  id: 'kubernetes/scc-privileged-container',
  aliases: ['kube-linter/scc-deny-privileged-container'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  fixable: true,
  description: 'An OpenShift SecurityContextConstraints allows privileged containers.',
  docs: `On OpenShift, a \`SecurityContextConstraints\` (security.openshift.io) with \`allowPrivilegedContainer: true\` lets every
pod it admits run privileged containers: full access to the host's devices and kernel. Set it to \`false\` and grant the
specific capabilities a workload needs through \`allowedCapabilities\` instead.

**Bad**
\`\`\`yaml
apiVersion: security.openshift.io/v1
kind: SecurityContextConstraints
allowPrivilegedContainer: true
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'SecurityContextConstraints' || !m.apiVersion?.startsWith('security.openshift.io/')) continue;
      if (boolAt(m.root, 'allowPrivilegedContainer') !== true) continue;
      const range = rangeOf(ctx.model.index, get(m.root, 'allowPrivilegedContainer'))!;
      ctx.report({
        range,
        message: `SecurityContextConstraints "${m.name ?? '?'}" allows privileged containers.`,
        fix: { title: 'Set allowPrivilegedContainer: false', edits: [{ range, newText: 'false' }], safe: false },
      });
    }
  },
};
