import { visit, type Node } from 'yaml';
import { isAlias, isMap, isScalar } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { nodeRange } from './structure-rule';

export const yamlAnchors: Rule<ActionsModel> = {
  id: 'actions/yaml-anchors',
  aliases: ['actionlint/syntax-check'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'YAML anchors defined but never used, and merge keys (`<<:`), which GitHub does not support.',
  docs: `GitHub supports YAML anchors (\`&name\`) and aliases (\`*name\`), which Shipshape checks as if expanded. It does
not support merge keys (\`<<: *defaults\`): the workflow is rejected. An anchor nobody refers to is usually a leftover or
a typo in an alias name.

**Bad**
\`\`\`yaml
env: &env
  A: 1
jobs:
  test:
    env:
      <<: *env
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    const doc = model.yaml.docs[0];
    // Cheap pre-check: an anchor (&name), alias (*name) or merge key (<<) must appear as a YAML token.
    if (!doc || !/(?:^|[\s[{,])(?:[&*][^\s&*,[\]{}]|<<\s*:)/m.test(model.text)) return;
    // Anchors in document order; an alias refers to the latest definition of its name before it.
    const defined: Array<{ name: string; node: Node; used: boolean }> = [];
    const current = new Map<string, { name: string; node: Node; used: boolean }>();
    visit(doc, {
      Node(_, node, path) {
        if ((node as Node).anchor) {
          const entry = { name: (node as Node).anchor!, node: node as Node, used: false };
          defined.push(entry);
          current.set(entry.name, entry);
        }
        if (isAlias(node)) {
          const target = current.get(node.source);
          if (target) {
            target.used = true;
            if (path.includes(target.node as never)) ctx.report({ range: nodeRange(model, node as unknown as Node), message: `Alias "*${node.source}" is inside the node its anchor names: it would expand forever.` });
          } else ctx.report({ range: nodeRange(model, node as unknown as Node), message: `Alias "*${node.source}" refers to no anchor defined before it.` });
        }
      },
      Pair(_, pair) {
        if (isScalar(pair.key) && pair.key.value === '<<' && (isAlias(pair.value) || isMap(pair.value))) {
          ctx.report({ range: nodeRange(model, pair.key as Node), message: 'GitHub Actions does not support YAML merge keys ("<<"): repeat the keys, or alias the whole mapping.' });
        }
      },
    });
    for (const { name, node, used } of defined) {
      if (used) continue;
      const at = model.text.lastIndexOf(`&${name}`, node.range![0] + 1);
      const range = at >= 0 ? model.index.range(at, at + name.length + 1) : nodeRange(model, node);
      ctx.report({ range, message: `Anchor "&${name}" is defined but never used.`, severity: 'warning' });
    }
  },
};
