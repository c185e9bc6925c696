// Shared shape of the rules that report one kind of structural problem from the schema walk.
import type { Fix, Range, Rule, RuleMeta } from '../../engine/types';
import type { ActionsModel } from '../model';
import type { Node, Pair } from 'yaml';
import { isPair } from '../../yaml/yaml';
import { structureOf, type StructureKind } from '../structure';

export function nodeRange(model: ActionsModel, node: Node | Pair): Range {
  if (isPair(node)) {
    const key = node.key as Node;
    const start = key?.range?.[0] ?? 0;
    return model.index.range(start, key?.range?.[1] ?? start + 1);
  }
  const r = node.range ?? [0, 1];
  // Block values end after their trailing line break: keep the range on the content.
  let end = r[1];
  while (end > r[0] && /\s/.test(model.text[end - 1])) end--;
  return model.index.range(r[0], Math.max(end, r[0] + 1));
}

export function structureRule(meta: Omit<RuleMeta, 'severity' | 'profile' | 'category' | 'aliases'> & Partial<RuleMeta>, kind: StructureKind): Rule<ActionsModel> {
  return {
    severity: 'error',
    profile: 'recommended',
    category: 'correctness',
    aliases: ['actionlint/syntax-check'],
    ...meta,
    check(ctx) {
      for (const p of structureOf(ctx.model)) {
        if (p.kind !== kind) continue;
        let fix: Fix | undefined;
        if (p.rename) {
          fix = { title: `Rename to "${p.rename.to}"`, edits: [{ range: nodeRange(ctx.model, p.rename.key), newText: p.rename.to }], ...(p.rename.safe ? {} : { safe: false }) };
        }
        ctx.report({ range: nodeRange(ctx.model, p.node), message: p.message, fix, severity: p.severity });
      }
    },
  };
}
