// Static checks of one parsed expression: contexts and functions available at its key, properties against the
// typed contexts, function arity and argument types, and comparisons between values of unrelated types.
import { editDistance } from '../../engine/suggest';
import { FUNCTION_NAMES, FUNCTIONS, type Availability, type FunctionSig } from './contexts';
import type { Node } from './parser';
import { ANY, assignable, BOOL, merge, NULL, NUMBER, propertyOf, show, STRING, arrayOf, typeOfValue, type Ty } from './types';

export interface ExprProblem {
  message: string;
  start: number;
  end: number;
  /** The receiver path and property for did-you-mean fixes. */
  suggestion?: string;
  /** The suggestion is sure to check clean (set by the caller that knows the expression's surroundings). */
  suggestionSafe?: boolean;
  /** Softer than the rule's severity (an undefined property with an explicit `||` fallback). */
  severity?: 'warning';
}

export interface Scope {
  availability: Availability;
  /** Types of every context the file defines (availability decides which may be used here). */
  contexts: Record<string, Ty>;
  /** Describes the key for messages, e.g. `jobs.<job_id>.runs-on`. */
  where: string;
}

const ORDINAL = ['1st', '2nd', '3rd'];
const ordinal = (i: number) => ORDINAL[i] ?? `${i + 1}th`;

function sigText(name: string, s: FunctionSig): string {
  const params = s.params.map(show);
  if (s.variadic) params[params.length - 1] += '...';
  return `${name}(${params.join(', ')}) -> ${show(s.returns)}`;
}

export function checkExpression(root: Node, scope: Scope): { type: Ty; problems: ExprProblem[] } {
  const problems: ExprProblem[] = [];
  // Inside the left operand of `||`, a missing property is an intended fallback (`matrix.os || 'ubuntu-latest'`).
  let fallback = 0;
  const report = (message: string, n: { start: number; end: number }, suggestion?: string) =>
    problems.push({ message, start: n.start, end: n.end, suggestion, ...(fallback && /^Property /.test(message) ? { severity: 'warning' as const } : {}) });

  const visit = (n: Node): Ty => {
    switch (n.kind) {
      case 'null':
        return NULL;
      case 'bool':
        return BOOL;
      case 'number':
        return NUMBER;
      case 'string':
        return STRING;
      case 'var': {
        const name = n.name.toLowerCase();
        const type = scope.contexts[name];
        if (!type) {
          report(`Unknown context "${n.name}". Contexts are ${Object.keys(scope.contexts).sort().join(', ')}.`, n, closest(name, Object.keys(scope.contexts)));
          return ANY;
        }
        if (!scope.availability.contexts.includes(name)) {
          const allowed = scope.availability.contexts;
          report(
            `The "${name}" context is not available in ${scope.where}. ${allowed.length ? `Available here: ${allowed.join(', ')}.` : 'No context is available here.'}`,
            n,
          );
          return ANY;
        }
        return type;
      }
      case 'prop': {
        const recv = visit(n.receiver);
        if (recv.k === 'any') return ANY;
        if (recv.k === 'object') {
          const t = propertyOf(recv, n.name);
          if (t) return t;
          const known = [...recv.props.keys()];
          // The github context grows new properties over time: an unknown one is likely a typo, but not certainly.
          if (n.receiver.kind === 'var' && n.receiver.name.toLowerCase() === 'github') {
            problems.push({ message: `Property "${n.name}" is not a documented property of the github context.`, start: n.nameStart, end: n.end, suggestion: closest(n.name.toLowerCase(), known), severity: 'warning' });
            return ANY;
          }
          report(
            `Property "${n.name}" is not defined on ${describe(n.receiver)}${known.length ? `: known properties are ${known.sort().join(', ')}` : ', which has no properties here'}.`,
            { start: n.nameStart, end: n.end },
            closest(n.name.toLowerCase(), known),
          );
          return ANY;
        }
        if (recv.k === 'array') {
          // `a.*.b` style filters apply to every element.
          const t = propertyOf(recv.elem, n.name);
          if (recv.elem.k === 'object' && !t) report(`Property "${n.name}" is not defined on the elements of ${describe(n.receiver)}.`, { start: n.nameStart, end: n.end });
          return arrayOf(t ?? ANY);
        }
        report(`${describe(n.receiver)} is a ${show(recv)}, not an object: it has no property "${n.name}".`, { start: n.nameStart, end: n.end });
        return ANY;
      }
      case 'star': {
        const recv = visit(n.receiver);
        if (recv.k === 'object') {
          const values = [...recv.props.values()];
          if (recv.rest) values.push(recv.rest);
          return arrayOf(values.length ? values.reduce(merge) : ANY);
        }
        if (recv.k === 'array') return recv;
        if (recv.k !== 'any') report(`"*" filters objects and arrays, but ${describe(n.receiver)} is a ${show(recv)}.`, n);
        return arrayOf(ANY);
      }
      case 'index': {
        const recv = visit(n.receiver);
        const idx = visit(n.index);
        if (recv.k === 'object') {
          if (n.index.kind === 'string') {
            const t = propertyOf(recv, n.index.value);
            if (t) return t;
            report(`Property "${n.index.value}" is not defined on ${describe(n.receiver)}.`, n.index);
            return ANY;
          }
          if (idx.k !== 'string' && idx.k !== 'any') report(`An object is indexed by a string, not a ${show(idx)}.`, n.index);
          return recv.rest ?? ANY;
        }
        if (recv.k === 'array') {
          if (idx.k !== 'number' && idx.k !== 'any') report(`An array is indexed by a number, not a ${show(idx)}.`, n.index);
          return recv.elem;
        }
        if (recv.k !== 'any') report(`${describe(n.receiver)} is a ${show(recv)}: it cannot be indexed.`, n);
        return ANY;
      }
      case 'call':
        return call(n);
      case 'not':
        visit(n.operand);
        return BOOL;
      case 'binary': {
        if (n.op === '||') fallback++;
        const l = visit(n.left);
        if (n.op === '||') fallback--;
        const r = visit(n.right);
        if (n.op === '&&' || n.op === '||') return l.k === r.k && l.k !== 'object' && l.k !== 'array' ? l : ANY;
        const bad = incomparable(n.op, l, r);
        if (bad) report(`Comparing a ${show(l)} with a ${show(r)} using "${n.op}" ${bad}.`, { start: n.opStart, end: n.opStart + n.op.length });
        return BOOL;
      }
    }
  };

  const call = (n: Extract<Node, { kind: 'call' }>): Ty => {
    const args = n.args.map(visit);
    const key = n.name.toLowerCase();
    const sigs = FUNCTIONS[key];
    if (key === 'fromjson' && n.args.length === 1 && n.args[0].kind === 'string') {
      try {
        return typeOfValue(JSON.parse(n.args[0].value));
      } catch (e) {
        report(`fromJSON() is given a string that is not valid JSON: ${(e as Error).message}.`, n.args[0]);
        return ANY;
      }
    }
    const nameRange = { start: n.start, end: n.start + n.name.length };
    if (!sigs) {
      report(`Unknown function "${n.name}()". Functions are ${FUNCTION_NAMES.join(', ')}.`, nameRange, closest(key, Object.keys(FUNCTIONS)));
      return ANY;
    }
    const special = ['always', 'cancelled', 'success', 'failure', 'hashfiles'];
    if (special.includes(key) && !scope.availability.functions.some((f) => f.toLowerCase() === key)) {
      const where = key === 'hashfiles' ? 'step keys (run, with, env, if, name...)' : '`if:` conditions';
      report(`${n.name}() cannot be used in ${scope.where}: it is only available in ${where}.`, nameRange);
    }
    const display = FUNCTION_NAMES.find((f) => f.toLowerCase() === key)!;
    const arityOk = sigs.filter((s) => args.length >= (s.min ?? s.params.length) && (s.variadic || args.length <= s.params.length));
    if (!arityOk.length) {
      const s = sigs[0];
      const min = s.min ?? s.params.length;
      const expected = s.variadic ? `at least ${min}` : min === s.params.length ? `${min}` : `${min} to ${s.params.length}`;
      report(`${display}() takes ${expected} argument${expected === '1' ? '' : 's'} but got ${args.length}.`, n);
      return sigs[0].returns;
    }
    const mismatches: ExprProblem[] = [];
    for (const s of arityOk) {
      const bad = args.findIndex((t, i) => !assignable(s.params[Math.min(i, s.params.length - 1)], t));
      if (bad < 0) return key === 'fromjson' || key === 'case' ? ANY : s.returns;
      mismatches.push({
        message: `The ${ordinal(bad)} argument of ${display}() is a ${show(args[bad])} where ${show(s.params[Math.min(bad, s.params.length - 1)])} is expected (${sigText(display, s)}).`,
        start: n.args[bad].start,
        end: n.args[bad].end,
      });
    }
    problems.push(mismatches[0]);
    return arityOk[0].returns;
  };

  const type = visit(root);
  if (root.kind === 'call' && root.name.toLowerCase() === 'format' && root.args[0]?.kind === 'string') checkFormat(root, problems);
  return { type, problems };
}

/** Why two operand types cannot be compared, or undefined when they can. */
function incomparable(op: string, l: Ty, r: Ty): string | undefined {
  if (l.k === 'any' || r.k === 'any') return undefined;
  const complex = (t: Ty) => t.k === 'object' || t.k === 'array';
  if (op === '==' || op === '!=') {
    if (l.k === 'null' || r.k === 'null') return undefined;
    if (complex(l) !== complex(r) || (complex(l) && l.k !== r.k)) return 'compares by reference and is never equal';
    return undefined;
  }
  if (complex(l) || complex(r) || l.k === 'null' || r.k === 'null' || l.k === 'bool' || r.k === 'bool') return 'does not order the values meaningfully';
  return undefined;
}

/** `format('{0} {1}', a)`: placeholders need arguments, and arguments need placeholders. */
function checkFormat(n: Extract<Node, { kind: 'call' }>, problems: ExprProblem[]): void {
  const fmt = (n.args[0] as { value: string }).value.replace(/\{\{|\}\}/g, '');
  const used = new Set([...fmt.matchAll(/\{(\d+)\}/g)].map((m) => Number(m[1])));
  const given = n.args.length - 1;
  for (const i of used) {
    if (i >= given) problems.push({ message: `format() uses placeholder {${i}} but only ${given} value${given === 1 ? '' : 's'} follow the format string.`, start: n.args[0].start, end: n.args[0].end });
  }
  for (let i = 0; i < given; i++) {
    if (!used.has(i)) problems.push({ message: `format() has no placeholder {${i}} for its ${ordinal(i + 1)} value.`, start: n.args[i + 1].start, end: n.args[i + 1].end });
  }
}

function describe(n: Node): string {
  if (n.kind === 'var') return `"${n.name}"`;
  if (n.kind === 'prop') {
    const base = describe(n.receiver).replace(/^"|"$/g, '');
    return `"${base}.${n.name}"`;
  }
  return 'this value';
}

/** The known name closest to a misspelt one (edit distance ≤ 2, or a case/separator difference). */
export function closest(name: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = 3;
  const norm = (s: string) => s.toLowerCase().replace(/[-_]/g, '');
  for (const k of known) {
    const d = norm(k) === norm(name) ? 0 : editDistance(name.toLowerCase(), k.toLowerCase());
    if (d < bestD && d <= Math.max(1, Math.floor(k.length / 3))) {
      best = k;
      bestD = d;
    }
  }
  return best;
}

export { ANY };
