// Every `${{ }}` of a workflow or action, parsed and type-checked once per document (cached by model).
import type { Scalar } from 'yaml';
import { availabilityAt } from './expr/contexts';
import { checkExpression, type ExprProblem } from './expr/checker';
import { parseExpression, type Node } from './expr/parser';
import { placeholders, SourceMap } from './expr/templates';
import type { Ty } from './expr/types';
import type { ActionsModel, Job } from './model';
import { contextsFor } from './scopes';
import { isAlias } from '../yaml/yaml';
import { isMap, isPair, isScalar, isSeq } from '../yaml/yaml';

export interface ExprSite {
  /** Key path from the document root (`jobs`, `build`, `steps`, `0`, `run`). */
  path: string[];
  scalar: Scalar;
  /** The expression text and where it sits in the file (exact when found verbatim, else the whole scalar). */
  expr: string;
  /** Source offset of the expression's first character, or undefined when only the scalar range is known. */
  exprOffset?: number;
  /** Source range of the whole `${{ … }}` (or the scalar). */
  range: [number, number];
  /** The `if:` condition written without `${{ }}`. */
  bare: boolean;
  node?: Node;
  type?: Ty;
  problems: ExprProblem[];
  /** The scalar holds more than this one placeholder (text around it). */
  embedded: boolean;
}

export interface ExprAnalysis {
  sites: ExprSite[];
}

const cache = new WeakMap<ActionsModel, ExprAnalysis>();
/** Keys the availability table does not list (a workflow's `name`, unknown keys): no restriction. */
const EVERYTHING = { contexts: ['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs'], functions: ['always', 'cancelled', 'success', 'failure', 'hashFiles'] };

/** Source offsets of a problem inside an expression site. */
export function problemRange(site: ExprSite, p: { start: number; end: number }): [number, number] {
  if (site.exprOffset === undefined) return site.range;
  return [site.exprOffset + p.start, site.exprOffset + Math.max(p.end, p.start + 1)];
}

function scalarSource(model: ActionsModel, s: Scalar): [number, number] {
  const [start, valueEnd] = s.range!;
  return [start, valueEnd];
}

export function expressionsOf(model: ActionsModel): ExprAnalysis {
  let found = cache.get(model);
  if (found) return found;
  found = { sites: [] };
  cache.set(model, found);
  if (!model.root || !model.text.includes('${{') && !/\bif\s*:/.test(model.text)) return found;
  const typeCache = new Map<string, Ty>();
  const contextCache = new Map<string, Record<string, Ty>>();
  const memo = new Map<string, Checked>();
  const jobsById = new Map(model.jobs.map((j) => [j.id, j]));
  const visitScalar = (s: Scalar, path: string[]) => {
    if (typeof s.value !== 'string' || !s.range) return;
    const isIf = isConditionPath(path, model.kind);
    if (!isIf && !s.value.includes('${{')) return;
    const [from, to] = scalarSource(model, s);
    const map = new SourceMap(model.text, from, to);
    const job: Job | undefined = model.kind === 'workflow' && path[0] === 'jobs' ? jobsById.get(path[1]) : undefined;
    const stepIndex = model.kind === 'workflow' ? (path[2] === 'steps' && /^\d+$/.test(path[3] ?? '') ? Number(path[3]) : undefined) : path[1] === 'steps' ? Number(path[2]) : undefined;
    const key = `${job?.id ?? ''}#${stepIndex ?? ''}`;
    const availability = availabilityAt(path, model.kind);
    const where = `"${path.filter((p) => !/^\d+$/.test(p)).slice(-2).join('.')}"`;
    const scopeKey = `${key}|${where}|${availability ? availability.contexts.join(',') + '/' + availability.functions.join(',') : '*'}`;
    const scope = () => {
      let contexts = contextCache.get(key);
      if (!contexts) contextCache.set(key, (contexts = contextsFor(model, job, stepIndex, typeCache)));
      return {
        availability: availability ?? EVERYTHING,
        contexts,
        where,
      };
    };
    const list = placeholders(s.value);
    if (isIf && !list.length) {
      const trimmed = s.value.trim();
      if (!trimmed) return;
      const at = map.locate(trimmed);
      found!.sites.push(analyse({ path, scalar: s, expr: trimmed, exprOffset: at, range: at === undefined ? map.whole : [at, at + trimmed.length], bare: true, problems: [], embedded: false }, scope, memo, scopeKey));
      return;
    }
    if (list.length && expressionsForbidden(path, model.kind)) {
      found!.sites.push({ path, scalar: s, expr: list[0].expr, range: map.whole, bare: false, embedded: false, problems: [{ message: 'GitHub does not evaluate ${{ }} here: the text is used as written (or the workflow is rejected).', start: 0, end: 0 }] });
      return;
    }
    const embedded = list.length > 1 || (list.length === 1 && (list[0].start > 0 || list[0].end < s.value.length));
    for (const p of list) {
      const at = map.locate(s.value.slice(p.start, p.end));
      const site: ExprSite = {
        path,
        scalar: s,
        expr: p.expr,
        exprOffset: at === undefined ? undefined : at + 3,
        range: at === undefined ? map.whole : [at, at + (p.end - p.start)],
        bare: false,
        problems: [],
        embedded,
      };
      if (!p.closed) {
        site.problems.push({ message: 'The expression is not closed: "${{" needs a matching "}}".', start: -3, end: 0 });
        found!.sites.push(site);
        continue;
      }
      found!.sites.push(analyse(site, scope, memo, scopeKey));
    }
  };
  const doc = model.yaml.docs[0];
  const expanding = new Set<unknown>();
  const visit = (raw: unknown, path: string[]) => {
    // Aliases are checked as if expanded (in the scope where they are used); a recursive alias stops here.
    const node = isAlias(raw) ? raw.resolve(doc) : raw;
    if (expanding.has(node)) return;
    if (isAlias(raw)) {
      expanding.add(node);
      visit(node, path);
      expanding.delete(node);
      return;
    }
    if (isScalar(node)) visitScalar(node, path);
    else if (isMap(node)) {
      for (const pair of node.items) {
        if (!isPair(pair) || !isScalar(pair.key)) continue;
        if (typeof pair.key.value === 'string' && pair.key.value.includes('${{')) visitScalar(pair.key, [...path, pair.key.value]);
        visit(pair.value, [...path, String(pair.key.value)]);
      }
    } else if (isSeq(node)) node.items.forEach((item, i) => visit(item, [...path, String(i)]));
  };
  visit(model.root, []);
  return found;
}

/** Keys whose values and names GitHub reads literally: the workflow name, triggers (but input defaults and call outputs), job ids. */
function expressionsForbidden(path: string[], kind: 'workflow' | 'action'): boolean {
  if (kind !== 'workflow') return false;
  if (path.length === 1 && path[0] === 'name') return true;
  if (path[0] === 'jobs' && path.length === 2) return true;
  if (path[0] !== 'on') return false;
  const allowed = (path[1] === 'workflow_call' && ((path[2] === 'inputs' && path[4] === 'default') || (path[2] === 'outputs' && path[4] === 'value'))) || (path[1] === 'workflow_dispatch' && path[4] === 'default');
  return !allowed;
}

/** `if:` of a job, a step, a job's snapshot or a composite action step. */
export function isConditionPath(path: string[], kind: 'workflow' | 'action'): boolean {
  if (path[path.length - 1] !== 'if') return false;
  if (kind === 'action') return path[0] === 'runs' && path[1] === 'steps' && path.length === 4;
  return path[0] === 'jobs' && (path.length === 3 || (path.length === 5 && path[2] === 'steps') || (path.length === 4 && path[2] === 'snapshot'));
}

/** Whether an expression embedded in text renders as "Object"/"Array"/nothing rather than its content. */
export function rendersAsPlaceholder(embedded: boolean, type: Ty | undefined, node: Node | undefined): boolean {
  return embedded && !!type && (type.k === 'object' || type.k === 'array' || (type.k === 'null' && node?.kind === 'null'));
}

/**
 * A did-you-mean fix is safe only when the corrected expression checks clean: no error the original did not have
 * (`github.events` → `github.event` is an object, which renders as "Object" inside a string).
 */
function suggestionIsClean(site: ExprSite, fixed: ExprProblem, before: { type: Ty; problems: ExprProblem[]; node: Node }, scope: () => Parameters<typeof checkExpression>[1]): boolean {
  const text = site.expr.slice(0, fixed.start) + fixed.suggestion + site.expr.slice(fixed.end);
  const parsed = parseExpression(text);
  if (parsed.problem) return false;
  const after = checkExpression(parsed.node!, scope());
  const errors = (list: ExprProblem[]) => list.filter((p) => p !== fixed && p.severity !== 'warning').map((p) => p.message);
  const remaining = errors(before.problems);
  for (const message of errors(after.problems)) {
    const i = remaining.indexOf(message);
    if (i < 0) return false;
    remaining.splice(i, 1);
  }
  return !rendersAsPlaceholder(site.embedded, after.type, parsed.node) || rendersAsPlaceholder(site.embedded, before.type, before.node);
}

type Checked = { node?: Node; problem?: { message: string; start: number; end: number }; type?: Ty; problems: ExprProblem[] };

/** Parses and checks an expression; identical expressions in the same scope (common across jobs) are checked once. */
function analyse(site: ExprSite, scope: () => Parameters<typeof checkExpression>[1], memo: Map<string, Checked>, scopeKey: string): ExprSite {
  // Embedding is part of the key: whether a did-you-mean fix is clean depends on it.
  const key = `${scopeKey}\u0000${site.embedded ? 'e' : ''}\u0000${site.expr}`;
  let result = memo.get(key);
  if (!result) {
    const parsed = parseExpression(site.expr);
    if (parsed.problem) result = { problem: parsed.problem, problems: [] };
    else {
      const checked = checkExpression(parsed.node!, scope());
      const problems = checked.problems.map((p) => (p.suggestion ? { ...p, suggestionSafe: suggestionIsClean(site, p, { ...checked, node: parsed.node! }, scope) } : p));
      result = { node: parsed.node, type: checked.type, problems };
    }
    memo.set(key, result);
  }
  if (result.problem) {
    site.problems.push(result.problem);
    return site;
  }
  site.node = result.node;
  site.type = result.type;
  site.problems.push(...result.problems);
  return site;
}
