import type { Fix, Rule } from '../../engine/types';
import { get, getIn, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { deprecationOf } from '../schema/deprecations';

const WORKLOADS = new Set(['Deployment', 'DaemonSet', 'ReplicaSet', 'StatefulSet']);

export const deprecatedApiVersion: Rule<KubernetesModel> = {
  id: 'kubernetes/deprecated-api-version',
  aliases: ['kube-linter/no-extensions-v1beta'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  tags: ['deprecated'],
  description: 'The object uses an API version that is deprecated, or already removed from Kubernetes.',
  docs: `Kubernetes serves beta API versions for a limited time. Once a version is removed, \`kubectl apply\` fails with
"no matches for kind" and the object cannot be created on an upgraded cluster. Removed versions are errors,
deprecated-but-served ones warnings; the message names the replacement and the release that removed it.

The quick fix changes \`apiVersion\` when the object is otherwise unchanged in the new version (CronJob
\`batch/v1beta1\` → \`batch/v1\`, RBAC \`v1beta1\` → \`v1\`…). Where fields changed (Ingress backends, HPA metrics, CRD
schemas) there is no automatic fix: the message says what to migrate. A fix that changes behaviour subtly
(PodDisruptionBudget's empty selector) is offered in the editor but not applied by \`--fix\`.

**Bad**
\`\`\`yaml
apiVersion: batch/v1beta1
kind: CronJob
\`\`\`
**Good**
\`\`\`yaml
apiVersion: batch/v1
kind: CronJob
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (!m.apiVersion || !m.kind) continue;
      const d = deprecationOf(m.apiVersion, m.kind);
      if (!d) continue;
      const node = get(m.root, 'apiVersion');
      const range = rangeOf(ctx.model.index, node)!;
      const status = d.removedIn ? `was removed in Kubernetes ${d.removedIn}` : `is deprecated since Kubernetes ${d.deprecatedIn}`;
      const use = d.replacement ? `: use ${d.replacement}` : '';
      const note = d.note ? ` (${d.note})` : '';
      let fixKind = d.fix;
      // apps/v1 workloads only differ by the now-required selector.
      if (!fixKind && WORKLOADS.has(m.kind) && getIn(m.root, ['spec', 'selector'])) fixKind = 'review';
      let fix: Fix | undefined;
      if (d.replacement && fixKind) {
        const source = ctx.text.slice(node!.range![0], node!.range![1]);
        const quote = /^["']/.test(source) ? source[0] : '';
        fix = { title: `Change apiVersion to ${d.replacement}`, edits: [{ range, newText: `${quote}${d.replacement}${quote}` }], safe: fixKind === 'compatible' };
      }
      ctx.report({
        range,
        message: `${m.kind} ${scalarString(node)} ${status}${use}${note}.`,
        severity: d.removedIn ? 'error' : undefined,
        fix,
        // kube-linter's no-extensions-v1beta covers the extensions/v1beta* group only.
        aliases: /^extensions\/v1beta/.test(m.apiVersion) ? ['kube-linter/no-extensions-v1beta'] : [],
      });
    }
  },
};
