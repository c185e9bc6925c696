// The "ignore with a zizmor comment" quick fix: `# zizmor: ignore[audit]` where zizmor (and Shipshape) read it —
// a YAML comment on a line of the finding, never inside a block scalar (there it would be part of the script).
import type { Fix, Range, Report, Rule, RuleContext } from '../engine/types';
import { isMap, isScalar, isSeq, type Node } from '../yaml/yaml';
import type { ActionsModel } from './model';

/** The innermost scalar whose source contains `offset`. */
function scalarAt(model: ActionsModel, offset: number): { type?: string; range: [number, number, number] } | undefined {
  let found: { type?: string; range: [number, number, number] } | undefined;
  // Only collections whose source contains the offset are entered: one path down the tree, not the whole tree
  // (this runs for every finding of the rules that offer the comment).
  const contains = (node: { range?: [number, number, number] | null }) => !node.range || (offset >= node.range[0] && offset < Math.max(node.range[1], node.range[2]));
  // Entries are in source order: those starting after the offset cannot hold it.
  const after = (node: unknown) => !!(node as Node | null)?.range && (node as Node).range![0] > offset;
  const walk = (node: unknown) => {
    if (isMap(node)) {
      if (!contains(node)) return;
      for (const p of node.items) {
        if (found || after(p.key)) return;
        walk(p.key);
        walk(p.value);
      }
    } else if (isSeq(node)) {
      if (!contains(node)) return;
      for (const item of node.items) {
        if (found || after(item)) return;
        walk(item);
      }
    }
    else if (isScalar(node) && node.range && offset >= node.range[0] && offset < node.range[1]) found = { type: node.type, range: node.range };
  };
  walk(model.root);
  return found;
}

/** Line that can carry the comment for a finding at `range`, or undefined when no line can. */
function commentLine(model: ActionsModel, range: Range): number | undefined {
  const offset = model.index.offsetAt(range.start);
  const scalar = scalarAt(model, offset);
  if (!scalar) return range.start.line;
  const first = model.index.positionAt(scalar.range[0]).line;
  if (scalar.type === 'BLOCK_LITERAL' || scalar.type === 'BLOCK_FOLDED') return first;
  // Multi-line plain or quoted scalars cannot take a comment in their middle.
  const last = model.index.positionAt(Math.max(scalar.range[0], scalar.range[1] - 1)).line;
  return first === last ? first : undefined;
}

export function zizmorIgnoreFix(model: ActionsModel, range: Range, audit: string): Fix | undefined {
  const line = commentLine(model, range);
  if (line === undefined) return undefined;
  const text = model.index.lineText(line);
  const existing = /#\s*zizmor:\s*ignore\[([^\]]*)\]/.exec(text);
  if (existing) {
    if (existing[1].split(/[\s,]+/).includes(audit)) return undefined;
    const at = { line, character: existing.index + existing[0].length - 1 };
    return { title: `Ignore zizmor/${audit} here (zizmor comment)`, edits: [{ range: { start: at, end: at }, newText: `,${audit}` }], safe: false };
  }
  const end = { line, character: text.trimEnd().length };
  return { title: `Ignore zizmor/${audit} here (zizmor comment)`, edits: [{ range: { start: end, end }, newText: ` # zizmor: ignore[${audit}]` }], safe: false };
}

/** Wraps a rule so each of its zizmor findings also offers the zizmor ignore comment. */
export function withZizmorIgnore(rule: Rule<ActionsModel>): Rule<ActionsModel> {
  return {
    ...rule,
    check(ctx: RuleContext<ActionsModel>) {
      rule.check({
        ...ctx,
        model: ctx.model,
        report(r: Report) {
          const codes = (r.aliases ?? rule.aliases).filter((a) => a.startsWith('zizmor/'));
          const extra = codes.length ? zizmorIgnoreFix(ctx.model, r.range, codes[0].slice('zizmor/'.length)) : undefined;
          if (!extra) return ctx.report(r);
          const fixes = r.fix ? (Array.isArray(r.fix) ? r.fix : [r.fix]) : [];
          ctx.report({ ...r, fix: [...fixes, extra] });
        },
      });
    },
  };
}
