import type { Rule } from '../../engine/types';
import { get, rangeOf } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { DEPRECATED_GROUP_VERSIONS } from '../schema/deprecations';
import { builtin } from '../schema/shapes';
import { closest } from '../../engine/suggest';

const groupOf = (apiVersion: string) => (apiVersion.includes('/') ? apiVersion.slice(0, apiVersion.lastIndexOf('/')) : '');
const BUILTIN_GROUPS = new Set(Object.keys(builtin.kinds).map(groupOf));
/** Documents that share `v1` without being API objects: lists, kubeconfig files, API responses. */
const NOT_OBJECTS = new Set(['v1|List', 'v1|Config', 'v1|Status']);
/** Every kind of a stable group version, with the first such version. */
const STABLE_KINDS = new Map<string, string>();
for (const [gv, kinds] of Object.entries(builtin.kinds)) {
  if (/alpha|beta/.test(gv)) continue;
  for (const k of Object.keys(kinds)) if (!k.endsWith('List') && !STABLE_KINDS.has(k)) STABLE_KINDS.set(k, gv);
}

export const unknownKind: Rule<KubernetesModel> = {
  id: 'kubernetes/unknown-kind',
  aliases: ['kube-linter/schema-validation'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: 'A built-in API group does not have this kind or version (a typo in `kind` or `apiVersion`).',
  docs: `For the API groups Kubernetes itself serves (\`v1\`, \`apps\`, \`batch\`, \`networking.k8s.io\`…), Shipshape knows
every kind and version, so \`kind: Deploymnet\` or \`apiVersion: v1\` on a Deployment is reported with the likely
correction (and a quick fix, offered in the editor but not applied by \`--fix\`: check the object really is that kind). Other groups belong to custom resources and are never reported here.

**Bad**
\`\`\`yaml
apiVersion: v1
kind: Deployment
\`\`\`
**Good**
\`\`\`yaml
apiVersion: apps/v1
kind: Deployment
\`\`\``,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      const { apiVersion, kind } = m;
      if (!apiVersion || !kind || NOT_OBJECTS.has(`${apiVersion}|${kind}`) || /\{\{|\$\{/.test(apiVersion + kind)) continue;
      const group = groupOf(apiVersion);
      if (!BUILTIN_GROUPS.has(group) || DEPRECATED_GROUP_VERSIONS.has(apiVersion)) continue;
      const kinds = builtin.kinds[apiVersion];
      const versionNode = get(m.root, 'apiVersion');
      const kindNode = get(m.root, 'kind');
      if (!kinds) {
        if (/alpha|beta/.test(apiVersion)) continue; // pre-release versions come and go; not worth a false alarm
        const served = Object.keys(builtin.kinds).filter((gv) => builtin.kinds[gv][kind]);
        const fix = served.length ? served.find((gv) => !/alpha|beta/.test(gv)) ?? served[0] : undefined;
        ctx.report({
          range: rangeOf(ctx.model.index, versionNode)!,
          message: `${apiVersion} is not a Kubernetes API version${fix ? `: ${kind} is served by ${fix}` : ''}.`,
          fix: fix ? { title: `Change apiVersion to ${fix}`, edits: [{ range: rangeOf(ctx.model.index, versionNode)!, newText: fix }], safe: false } : undefined,
        });
        continue;
      }
      if (kinds[kind]) continue;
      const served = Object.keys(builtin.kinds).filter((gv) => builtin.kinds[gv][kind] && !/alpha|beta/.test(gv));
      if (served.length) {
        const range = rangeOf(ctx.model.index, versionNode)!;
        ctx.report({
          range,
          message: `${kind} is not served by ${apiVersion}: use apiVersion ${served[0]}.`,
          fix: { title: `Change apiVersion to ${served[0]}`, edits: [{ range, newText: served[0] }], safe: false },
        });
        continue;
      }
      const range = rangeOf(ctx.model.index, kindNode)!;
      const suggestion = closest(kind, Object.keys(kinds));
      if (suggestion) {
        ctx.report({
          range,
          message: `${apiVersion} has no kind ${kind}: did you mean ${suggestion}?`,
          fix: { title: `Change kind to ${suggestion}`, edits: [{ range, newText: suggestion }], safe: false },
        });
        continue;
      }
      // A misspelled kind of another group: `v1` + `Deploymnt` → apps/v1 Deployment.
      const elsewhere = closest(kind, STABLE_KINDS.keys());
      const gv = elsewhere ? STABLE_KINDS.get(elsewhere)! : undefined;
      const versionRange = rangeOf(ctx.model.index, versionNode)!;
      ctx.report({
        range,
        message: `${apiVersion} has no kind ${kind}${elsewhere ? `: did you mean ${elsewhere} (${gv})?` : '.'}`,
        fix: elsewhere
          ? { title: `Change to ${gv} ${elsewhere}`, edits: [{ range: versionRange, newText: gv! }, { range, newText: elsewhere }], safe: false }
          : undefined,
      });
    }
  },
};
