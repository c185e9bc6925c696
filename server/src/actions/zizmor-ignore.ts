// The "ignore with a zizmor comment" quick fix: `# zizmor: ignore[audit]` where zizmor (and Shipshape) read it —
// a YAML comment on a line of the finding, never inside a block scalar (there it would be part of the script).
import type { Fix, Range, Report, Rule, RuleContext } from '../engine/types';
import { isMap, isScalar, isSeq, type Node } from '../yaml/yaml';
import type { ActionsModel } from './model';

type ScalarSpan = { type?: string; range: [number, number, number] };

/**
 * The file's scalars in source order, when the YAML parsed without errors and their sources are sorted and disjoint:
 * a finding's scalar is then found by binary search rather than by walking the tree (rules report one finding per
 * job or step, and a walk passes every earlier job: quadratic in large workflows). Undefined: walk instead.
 */
const scalarLists = new WeakMap<ActionsModel, ScalarSpan[] | undefined>();

function scalarList(model: ActionsModel): ScalarSpan[] | undefined {
  if (scalarLists.has(model)) return scalarLists.get(model);
  // Error recovery can leave odd ranges: then the walk decides, as it always did.
  let list: ScalarSpan[] | undefined = model.yaml.docs.every((d) => !d.errors.length) ? [] : undefined;
  const walk = (node: unknown) => {
    if (!list) return;
    if (isMap(node)) {
      for (const p of node.items) {
        walk(p.key);
        walk(p.value);
      }
    } else if (isSeq(node)) for (const item of node.items) walk(item);
    else if (isScalar(node) && node.range && node.range[1] > node.range[0]) {
      const last = list[list.length - 1];
      if (last && node.range[0] < last.range[1]) list = undefined;
      else list.push({ type: node.type, range: node.range });
    }
  };
  walk(model.root);
  scalarLists.set(model, list);
  return list;
}

/** The innermost scalar whose source contains `offset`. */
function scalarAt(model: ActionsModel, offset: number): ScalarSpan | undefined {
  const list = scalarList(model);
  if (list) {
    let lo = 0;
    let hi = list.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (list[mid].range[0] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const s = list[lo];
    return s && offset >= s.range[0] && offset < s.range[1] ? s : undefined;
  }
  return scalarByWalk(model, offset);
}

function scalarByWalk(model: ActionsModel, offset: number): ScalarSpan | undefined {
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
