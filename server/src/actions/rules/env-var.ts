import type { Node, YAMLMap } from 'yaml';
import { isMap, isScalar } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { nodeRange } from './structure-rule';

/** Every `env:` mapping of the file (workflow, jobs, steps, containers, services), at any depth. */
export function envMaps(root: unknown): YAMLMap[] {
  const out: YAMLMap[] = [];
  const visit = (n: unknown, key?: string) => {
    if (isMap(n)) {
      if (key === 'env') out.push(n);
      for (const p of n.items) if (isScalar(p.key)) visit(p.value, String(p.key.value));
    } else if (n && typeof n === 'object' && 'items' in n) for (const i of (n as { items: unknown[] }).items) visit(i);
  };
  visit(root);
  return out;
}

export const envVar: Rule<ActionsModel> = {
  id: 'actions/env-var',
  aliases: ['actionlint/env-var'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Environment variable name that cannot be set (contains "=", "&" or whitespace).',
  docs: `A name with \`=\`, \`&\` or whitespace cannot be exported to the process environment: the runner rejects the step.

**Bad**
\`\`\`yaml
env:
  FOO BAR: 1
\`\`\``,
  check(ctx) {
    for (const map of envMaps(ctx.model.root)) {
      for (const p of map.items) {
        if (!isScalar(p.key)) continue;
        const name = String(p.key.value);
        if (name.includes('${{')) continue;
        if (/[&=\s]/.test(name) || !name) ctx.report({ range: nodeRange(ctx.model, p.key as Node), message: `"${name}" is not a valid environment variable name: it must not contain "=", "&" or whitespace.` });
      }
    }
  },
};
