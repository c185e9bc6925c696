import type { Rule } from '../../engine/types';
import { isMap, isScalar, isSeq, rangeOf, type Node } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

/** Keys in code-unit order (what a plain string sort gives: uppercase before lowercase). */
const byCodeUnit = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export const sortedKeys: Rule<KubernetesModel> = {
  id: 'kubernetes/sorted-keys',
  aliases: ['kube-linter/sorted-keys'],
  severity: 'hint',
  profile: 'all',
  category: 'style',
  description: 'Mapping keys are not in alphabetical order.',
  docs: `Some teams keep every mapping's keys sorted so that manifests read the same everywhere and diffs stay small (it is
what \`kubectl get -o yaml\` and most serialisers produce). Every mapping of every object is checked, at every depth; keys
compare by character code (\`Z\` before \`a\`). One finding per unsorted mapping, on its first key out of place.

**Bad**
\`\`\`yaml
containers:
  - name: web
    image: nginx:1.27
\`\`\`
**Good**
\`\`\`yaml
containers:
  - image: nginx:1.27
    name: web
\`\`\``,
  check(ctx) {
    const roots = new Set<unknown>(ctx.model.manifests.map((m) => m.root));
    const visit = (node: unknown, path: string) => {
      if (isSeq(node)) {
        node.items.forEach((item, i) => {
          if (!roots.has(item)) visit(item, `${path}[${i}]`);
        });
        return;
      }
      if (!isMap(node)) return;
      const keys: string[] = [];
      for (const pair of node.items) {
        if (!isScalar(pair.key)) return; // complex keys: no order to speak of
        keys.push(String(pair.key.value));
      }
      const sorted = [...keys].sort(byCodeUnit);
      const first = keys.findIndex((k, i) => k !== sorted[i]);
      if (first >= 0) {
        ctx.report({
          range: rangeOf(ctx.model.index, node.items[first].key as Node)!,
          message: `Keys ${path ? `of ${path} ` : ''}are not sorted: expected ${sorted.join(', ')}.`,
        });
      }
      for (const pair of node.items) {
        const key = String((pair.key as { value: unknown }).value);
        if (!roots.has(pair.value)) visit(pair.value, path ? `${path}.${key}` : key);
      }
    };
    for (const m of ctx.model.manifests) visit(m.root, '');
  },
};
