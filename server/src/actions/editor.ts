// Editor features for workflows and action metadata: hover, completion and the outline.
// Completion reads the text around the cursor (the document is often incomplete while typing); hover and the
// outline read the parsed model.
import type { CompletionEntry, HoverInfo, Position, SymbolEntry } from '../engine/types';
import { ALL_CONTEXTS, CONTEXT_DOCS, FUNCTION_DOCS, FUNCTION_NAMES, availabilityAt } from './expr/contexts';
import { propertyOf, show, type Ty } from './expr/types';
import { expressionsOf } from './expressions';
import type { ActionsModel } from './model';
import { KEY_DOCS, keysFor } from './key-docs';
import { HOSTED_LABELS } from './runners';
import { contextsFor } from './scopes';
import { EVENT_DOCS, EVENTS } from './webhooks';
import type { Node } from 'yaml';
import { isMap, isScalar, isSeq } from '../yaml/yaml';

interface LinePath {
  /** Keys from the root to the mapping the cursor's line belongs to; `#` marks a sequence item. */
  path: string[];
  /** The key on the cursor's line, if any, and whether the cursor is in its value. */
  key?: string;
  inValue: boolean;
  /** The word being typed and where it starts. */
  word: string;
  wordStart: number;
}

const KEY_LINE = /^(\s*)(-\s+)?([^\s:#'"][^:#]*?|"[^"]*"|'[^']*')\s*:(?:\s|$)/;

/** The key path at a line, from indentation (works on half-written YAML). */
export function linePath(text: string, pos: Position): LinePath {
  const lines = text.split(/\r?\n/);
  const line = lines[pos.line] ?? '';
  const before = line.slice(0, pos.character);
  const wordMatch = /[A-Za-z0-9_.*-]*$/.exec(before)!;
  const m = KEY_LINE.exec(line);
  const keyEnd = m ? m[0].length : -1;
  const inValue = m !== null && pos.character >= keyEnd;
  let indent = m ? m[1].length + (m[2]?.length ?? 0) : /^\s*(-\s+)?/.exec(line)![0].length;
  const path: string[] = [];
  if (m?.[2] || (!m && /^\s*-\s/.test(line))) path.unshift('#');
  for (let i = pos.line - 1; i >= 0 && indent > 0; i--) {
    const l = lines[i];
    if (!l.trim() || l.trim().startsWith('#')) continue;
    const lm = KEY_LINE.exec(l);
    const dash = /^(\s*)-\s/.exec(l);
    const lIndent = lm ? lm[1].length + (lm[2]?.length ?? 0) : dash ? dash[1].length : /^\s*/.exec(l)![0].length;
    if (lIndent === indent && (lm?.[2] || (!lm && dash))) {
      // A sibling key on the first line of the same sequence item (`- run: x` above `  shell:`).
      path.unshift('#');
      indent = dash ? dash[1].length : indent;
      continue;
    }
    if (lIndent < indent) {
      if (lm) path.unshift(lm[3].replace(/^["']|["']$/g, ''));
      if (lm?.[2] || (!lm && dash)) path.unshift('#');
      indent = lm ? lm[1].length : lIndent;
      if (lm?.[2]) indent = lm[1].length;
    }
  }
  return { path, key: m?.[3], inValue, word: wordMatch[0], wordStart: pos.character - wordMatch[0].length };
}

function entry(label: string, kind: CompletionEntry['kind'], documentation?: string, detail?: string): CompletionEntry {
  return { label, kind, documentation, detail };
}

/** The open `${{` before the cursor on this line, if the cursor is inside one. */
function exprBefore(line: string, character: number): string | undefined {
  const before = line.slice(0, character);
  const open = before.lastIndexOf('${{');
  if (open < 0 || before.indexOf('}}', open) >= 0) return undefined;
  return before.slice(open + 3);
}

function normalizedPath(path: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) out.push(path[i] === '#' ? '0' : path[i]);
  return out;
}

function typeOfChain(chain: string[], contexts: Record<string, Ty>): Ty | undefined {
  let t: Ty | undefined = contexts[chain[0].toLowerCase()];
  for (const p of chain.slice(1)) {
    if (!t) return undefined;
    t = propertyOf(t, p);
  }
  return t;
}

function jobAndStep(model: ActionsModel, path: string[]) {
  const job = path[0] === 'jobs' ? model.jobs.find((j) => j.id === path[1]) : undefined;
  return { job, stepIndex: undefined as number | undefined };
}

export function complete(model: ActionsModel, text: string, pos: Position): CompletionEntry[] {
  const line = text.split(/\r?\n/)[pos.line] ?? '';
  const lp = linePath(text, pos);
  const expr = exprBefore(line, pos.character);
  const fullPath = lp.key ? [...lp.path, lp.key] : lp.path;
  if (expr !== undefined) {
    const chainMatch = /([A-Za-z_][A-Za-z0-9_-]*(?:\.[A-Za-z0-9_*-]+)*)\.([A-Za-z0-9_-]*)$/.exec(expr);
    const { job } = jobAndStep(model, fullPath);
    const stepIdx = fullPath[2] === 'steps' ? stepIndexAt(model, job?.id, pos.line) : undefined;
    const contexts = contextsFor(model, job, stepIdx, new Map());
    if (chainMatch) {
      const t = typeOfChain(chainMatch[1].split('.'), contexts);
      if (!t || t.k !== 'object') return [];
      return [...t.props].map(([k, v]) => entry(k, 'property', undefined, show(v)));
    }
    const availability = availabilityAt(normalizedPath(fullPath), model.kind);
    const names = availability?.contexts ?? ALL_CONTEXTS;
    const special = new Set(['always', 'cancelled', 'success', 'failure', 'hashfiles']);
    const functions = FUNCTION_NAMES.filter((f) => !special.has(f.toLowerCase()) || !availability || availability.functions.some((a) => a.toLowerCase() === f.toLowerCase()));
    return [
      ...names.map((c) => entry(c, 'variable', CONTEXT_DOCS[c], 'context')),
      ...functions.map((f) => ({ ...entry(f, 'function', FUNCTION_DOCS[f.toLowerCase()], 'function'), insertText: `${f}($1)`, snippet: true })),
    ];
  }
  if (lp.inValue && lp.key) {
    const parent = lp.path[lp.path.length - 1];
    if (lp.key === 'needs') return model.jobs.filter((j) => j.id !== lp.path[1]).map((j) => entry(j.id, 'reference', undefined, 'job'));
    if (lp.key === 'runs-on') return HOSTED_LABELS.map((l) => entry(l, 'value', undefined, 'GitHub-hosted runner'));
    if (lp.key === 'types' && lp.path[0] === 'on' && parent && EVENTS[parent]) return EVENTS[parent].split(' ').filter((t) => t && t !== '*').map((t) => entry(t, 'enum', undefined, `${parent} activity type`));
    if (lp.key === 'on') return Object.keys(EVENTS).map((e) => entry(e, 'event', EVENT_DOCS[e]));
    if (lp.key === 'shell') return ['bash', 'pwsh', 'python', 'sh', 'cmd', 'powershell'].map((s) => entry(s, 'value'));
    return [];
  }
  // Inside a list under `needs:`/`types:`/`on:` (a `- ` item or a flow list on a continuation line).
  if (lp.path[lp.path.length - 1] === '#' && lp.path.length >= 2) {
    const owner = lp.path[lp.path.length - 2];
    if (owner === 'needs') return model.jobs.map((j) => entry(j.id, 'reference', undefined, 'job'));
    if (owner === 'on' && lp.path.length === 2) return Object.keys(EVENTS).map((e) => entry(e, 'event', EVENT_DOCS[e]));
  }
  if (lp.path.length === 1 && lp.path[0] === 'on') return Object.keys(EVENTS).map((e) => ({ ...entry(e, 'event', EVENT_DOCS[e]), insertText: `${e}:` }));
  return keysFor(model.kind, lp.path).map((k) => ({ ...entry(k, 'property', KEY_DOCS[k]), insertText: `${k}: ` }));
}

function stepIndexAt(model: ActionsModel, jobId: string | undefined, line: number): number | undefined {
  const job = model.jobs.find((j) => j.id === jobId);
  if (!job) return undefined;
  let index: number | undefined;
  for (const s of job.steps) if (s.node.range && model.index.positionAt(s.node.range[0]).line <= line) index = s.index;
  return index;
}

export function hover(model: ActionsModel, pos: Position): HoverInfo | undefined {
  const offset = model.index.offsetAt(pos);
  for (const site of expressionsOf(model).sites) {
    if (site.exprOffset === undefined || offset < site.exprOffset || offset > site.exprOffset + site.expr.length) continue;
    const rel = offset - site.exprOffset;
    const m = /[A-Za-z0-9_.*-]*$/.exec(site.expr.slice(0, rel))![0] + /^[A-Za-z0-9_-]*/.exec(site.expr.slice(rel))![0];
    const start = site.exprOffset + rel - /[A-Za-z0-9_.*-]*$/.exec(site.expr.slice(0, rel))![0].length;
    const chain = m.split('.').filter(Boolean);
    if (!chain.length) return undefined;
    const range = model.index.range(start, start + m.length);
    if (chain.length === 1 && /\(/.test(site.expr.slice(rel).replace(/^[A-Za-z0-9_-]*/, '').trimStart().slice(0, 1))) {
      const doc = FUNCTION_DOCS[chain[0].toLowerCase()];
      return doc ? { contents: doc, range } : undefined;
    }
    const job = site.path[0] === 'jobs' ? model.jobs.find((j) => j.id === site.path[1]) : undefined;
    const stepIndex = site.path[2] === 'steps' ? Number(site.path[3]) : model.kind === 'action' && site.path[1] === 'steps' ? Number(site.path[2]) : undefined;
    const t = typeOfChain(chain, contextsFor(model, job, stepIndex, new Map()));
    const ctxDoc = chain.length === 1 ? CONTEXT_DOCS[chain[0].toLowerCase()] : undefined;
    return { contents: [`\`${m}\`${t ? `: \`${show(t)}\`` : ''}`, ctxDoc].filter(Boolean).join('\n\n'), range };
  }
  // Keys and event names.
  const found = keyAt(model, offset);
  if (!found) return undefined;
  const { path, node } = found;
  const range = model.index.range(node.range![0], node.range![1]);
  const key = path[path.length - 1];
  if (path.length === 2 && path[0] === 'on' && EVENTS[key] !== undefined) {
    const types = EVENTS[key] && EVENTS[key] !== '*' ? `\n\nActivity types: ${EVENTS[key].split(' ').map((t) => `\`${t}\``).join(', ')}` : '';
    return { contents: `**${key}** event. ${EVENT_DOCS[key] ?? ''}${types}`, range };
  }
  if (path.length === 2 && path[0] === 'jobs') {
    const job = model.jobs.find((j) => j.id === key);
    return job ? { contents: `Job **${key}**${job.steps.length ? ` — ${job.steps.length} step${job.steps.length === 1 ? '' : 's'}` : ''}`, range } : undefined;
  }
  const doc = KEY_DOCS[key];
  return doc ? { contents: `**${key}** — ${doc}`, range } : undefined;
}

/** The mapping key under an offset, with its path from the root. */
function keyAt(model: ActionsModel, offset: number): { path: string[]; node: Node } | undefined {
  let result: { path: string[]; node: Node } | undefined;
  const visit = (n: unknown, path: string[]) => {
    if (isMap(n)) {
      for (const p of n.items) {
        if (!isScalar(p.key) || !p.key.range) continue;
        const k = String(p.key.value);
        if (offset >= p.key.range[0] && offset <= p.key.range[1]) result = { path: [...path, k], node: p.key };
        const v = p.value as Node | null;
        if (v?.range && offset >= v.range[0] && offset <= v.range[2]) visit(v, [...path, k]);
      }
    } else if (isSeq(n)) n.items.forEach((item, i) => (item as Node)?.range && offset >= (item as Node).range![0] && offset <= (item as Node).range![2] && visit(item, [...path, String(i)]));
  };
  visit(model.root, []);
  return result;
}

export function symbols(model: ActionsModel): SymbolEntry[] {
  const out: SymbolEntry[] = [];
  const r = (n: Node) => model.index.range(n.range![0], n.range![2] ?? n.range![1]);
  const on = model.root?.items.find((p) => isScalar(p.key) && p.key.value === 'on');
  if (on && isScalar(on.key)) {
    const events: SymbolEntry[] = [];
    const v = on.value as Node | null;
    const names = isMap(v) ? v.items.map((p) => p.key as Node) : isSeq(v) ? (v.items as Node[]) : v ? [v] : [];
    for (const n of names) if (isScalar(n) && n.range) events.push({ name: String(n.value), kind: 'event', range: r(n), selectionRange: r(n) });
    const end = (v?.range ? v.range[2] : on.key.range![1]) as number;
    out.push({ name: 'on', kind: 'namespace', range: model.index.range(on.key.range![0], end), selectionRange: r(on.key), children: events });
  }
  for (const job of model.jobs) {
    const steps = job.steps.map((s) => {
      const name = stepName(s.node);
      return { name, detail: s.id, kind: 'function' as const, range: r(s.node), selectionRange: r(s.node) };
    });
    const name = job.node.items.find((p) => isScalar(p.key) && p.key.value === 'name')?.value;
    out.push({
      name: job.id,
      detail: isScalar(name) ? String(name.value) : undefined,
      kind: 'class',
      range: model.index.range(job.key.range![0], job.node.range![2]),
      selectionRange: r(job.key),
      children: steps,
    });
  }
  if (model.kind === 'action') {
    for (const s of model.steps) out.push({ name: stepName(s.node), detail: s.id, kind: 'function', range: r(s.node), selectionRange: r(s.node) });
  }
  return out;
}

function stepName(node: import('yaml').YAMLMap): string {
  const get = (k: string) => node.items.find((p) => isScalar(p.key) && p.key.value === k)?.value;
  const name = get('name');
  const uses = get('uses');
  const run = get('run');
  if (isScalar(name) && name.value) return String(name.value);
  if (isScalar(uses) && uses.value) return String(uses.value);
  if (isScalar(run) && run.value) return String(run.value).split('\n')[0].slice(0, 60);
  return 'step';
}
