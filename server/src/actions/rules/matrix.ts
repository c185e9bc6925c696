import type { Node, Pair, YAMLMap } from 'yaml';
import { isMap, isScalar, isSeq } from '../../yaml/yaml';
import type { Rule } from '../../engine/types';
import type { ActionsModel } from '../model';
import { get, getIn } from '../../yaml/yaml';
import { caseDuplicates, keyText, nodeKind, resolve } from '../structure';
import { nodeRange } from './structure-rule';

const json = (n: unknown): unknown => (n && typeof (n as { toJSON?: unknown }).toJSON === 'function' ? (n as { toJSON: () => unknown }).toJSON() : n);
const hasExpr = (v: unknown): boolean => JSON.stringify(v ?? null).includes('${{');

/** Whether an exclude value matches a matrix value: equal, or (for objects) a subset of it. */
function matches(pattern: unknown, value: unknown): boolean {
  if (pattern && typeof pattern === 'object' && value && typeof value === 'object' && !Array.isArray(pattern)) {
    return Object.entries(pattern).every(([k, v]) => matches(v, (value as Record<string, unknown>)[k]));
  }
  return JSON.stringify(pattern) === JSON.stringify(value) || String(pattern).toLowerCase() === String(value).toLowerCase();
}

export const matrix: Rule<ActionsModel> = {
  id: 'actions/matrix',
  aliases: ['actionlint/matrix', 'actionlint/syntax-check'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Matrix problems: empty dimensions, malformed include/exclude, exclude keys or values that do not exist.',
  docs: `An \`exclude\` entry only removes combinations it matches: a key that is not a matrix dimension, or a value the
dimension does not have, excludes nothing — usually a typo. Dimensions must be non-empty lists; \`include\` and
\`exclude\` lists of mappings.

**Bad**
\`\`\`yaml
strategy:
  matrix:
    os: [ubuntu-latest, windows-latest]
    node: [18, 20]
    exclude:
      - os: macos-latest
\`\`\``,
  check(ctx) {
    const { model } = ctx;
    const doc = model.yaml.docs[0];
    for (const job of model.jobs) {
      const pair = (getIn(job.node, ['strategy']) && isMap(get(job.node, 'strategy'))) ? (get(job.node, 'strategy') as YAMLMap).items.find((p) => keyText(p as Pair) === 'matrix') : undefined;
      if (!pair) continue;
      const m = resolve(doc, pair.value);
      if (isScalar(m) && typeof m.value === 'string' && m.value.includes('${{')) continue;
      if (!isMap(m)) {
        ctx.report({ range: nodeRange(model, (m ?? pair) as Node | Pair), message: `"matrix" must be a mapping of dimensions (or a \${{ }} expression), not ${nodeKind(m)}.`, aliases: ['actionlint/syntax-check'] });
        continue;
      }
      for (const d of caseDuplicates(m)) ctx.report({ range: nodeRange(model, d.key), message: `Matrix key "${d.name}" duplicates "${d.previous}": matrix keys are case-insensitive.`, aliases: ['actionlint/syntax-check'] });
      const dims = new Map<string, unknown[] | undefined>();
      let exclude: Pair | undefined;
      for (const p of m.items) {
        const k = keyText(p as Pair);
        const v = resolve(doc, p.value);
        if (k === 'include' || k === 'exclude') {
          if (k === 'exclude') exclude = p as Pair;
          if (isScalar(v) && typeof v.value === 'string' && v.value.includes('${{')) continue;
          if (!isSeq(v) || !v.items.length) {
            ctx.report({ range: nodeRange(model, isSeq(v) ? v : (p as Pair)), message: `"${k}" must be a non-empty list of mappings.`, aliases: ['actionlint/syntax-check'] });
            continue;
          }
          for (const row of v.items) {
            const r = resolve(doc, row);
            if (!isMap(r) && !(isScalar(r) && String(r.value).includes('${{'))) ctx.report({ range: nodeRange(model, (r ?? v) as Node), message: `Entries of "${k}" must be mappings, not ${nodeKind(r)}.`, aliases: ['actionlint/syntax-check'] });
          }
          continue;
        }
        if (isSeq(v)) {
          if (!v.items.length) ctx.report({ range: nodeRange(model, v), message: `Matrix dimension "${k}" is an empty list: the job would never run.`, aliases: ['actionlint/syntax-check'] });
          const values = json(v) as unknown[];
          const seen = new Set<string>();
          v.items.forEach((item, i) => {
            const key = JSON.stringify(values[i]);
            // GitHub accepts duplicates (and runs the combination twice): a warning.
            if (seen.has(key)) ctx.report({ range: nodeRange(model, item as Node), message: `Value ${key} appears twice in matrix dimension "${k}": the same job would run twice.`, aliases: ['actionlint/matrix'], severity: 'warning' });
            seen.add(key);
          });
          dims.set(k, hasExpr(values) ? undefined : values);
        } else if (isScalar(v) && typeof v.value === 'string' && v.value.includes('${{')) dims.set(k, undefined);
        else if (v === null || (isScalar(v) && v.value === null)) ctx.report({ range: nodeRange(model, p as Pair), message: `Matrix dimension "${k}" is empty.`, aliases: ['actionlint/syntax-check'] });
        else ctx.report({ range: nodeRange(model, v as Node), message: `Matrix dimension "${k}" must be a list of values, not ${nodeKind(v)}.`, aliases: ['actionlint/syntax-check'] });
      }
      const rows = exclude ? resolve(doc, exclude.value) : undefined;
      if (!isSeq(rows)) continue;
      for (const row of rows.items) {
        const r = resolve(doc, row);
        if (!isMap(r)) continue;
        for (const p of r.items) {
          const k = keyText(p as Pair);
          if (!dims.has(k)) {
            if (dims.size) ctx.report({ range: nodeRange(model, p.key as Node), message: `"${k}" in exclude is not a matrix dimension (dimensions: ${[...dims.keys()].join(', ')}): it excludes nothing.`, aliases: ['actionlint/matrix'] });
            continue;
          }
          const values = dims.get(k);
          const v = json(p.value);
          if (!values || hasExpr(v)) continue;
          if (!values.some((x) => matches(v, x))) {
            ctx.report({ range: nodeRange(model, (p.value ?? p.key) as Node), message: `${JSON.stringify(v)} in exclude is not a value of matrix dimension "${k}" (${values.map((x) => JSON.stringify(x)).join(', ')}): it excludes nothing.`, aliases: ['actionlint/matrix'] });
          }
        }
      }
    }
  },
};
