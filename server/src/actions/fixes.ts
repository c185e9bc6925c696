// Text edits shared by the security and practice rules. They keep the file's indentation and comments, and
// go through the shared YAML helpers so block and flow styles are both handled.
import type { Fix, TextEdit } from '../engine/types';
import { get, indentStep, insertIntoMap, isMap, isScalar, pairOf, scalarString, type Node, type YAMLMap } from '../yaml/yaml';
import type { Injection } from './taint';
import type { ActionsModel, Step } from './model';

/** `with:` entries added to a step, creating `with:` when it is missing. */
export function addWithEntries(model: ActionsModel, step: Step, entries: Record<string, unknown>): TextEdit | undefined {
  // A step that also has `run:` does not take `with:` (the step is invalid until one of the two goes).
  if (pairOf(step.node, 'run')) return undefined;
  const w = get(step.node, 'with');
  if (isMap(w)) return insertIntoMap(model.index, w, entries);
  if (w !== undefined && w !== null && !(isScalar(w) && w.value === null)) return undefined;
  if (pairOf(step.node, 'with')) return undefined; // `with:` with an empty value: leave it to the user
  return insertIntoMap(model.index, step.node, { with: entries });
}

/** A top-level key inserted as a block right before `jobs:` (where readers expect `permissions:`). */
export function insertBeforeJobs(model: ActionsModel, key: string, value: Record<string, string>): TextEdit | undefined {
  const jobs = model.root && pairOf(model.root, 'jobs');
  if (!jobs || !model.root || model.root.flow) return undefined;
  const keyStart = (jobs.key as Node).range![0];
  const pos = model.index.positionAt(keyStart);
  const indent = ' '.repeat(pos.character);
  const step = ' '.repeat(indentStep(model.text));
  const eol = model.index.eol;
  const body = Object.entries(value).map(([k, v]) => `${indent}${step}${k}: ${v}${eol}`).join('');
  const at = { line: pos.line, character: 0 };
  // Keep a comment block that introduces `jobs:` attached to it.
  let line = pos.line;
  while (line > 0 && /^\s*#/.test(model.index.lineText(line - 1))) line--;
  const start = { line, character: 0 };
  return { range: { start: line === pos.line ? at : start, end: line === pos.line ? at : start }, newText: `${indent}${key}:${eol}${body}` };
}

/** Name of an env var for an expression: `github.event.issue.title` → `ISSUE_TITLE`. */
export function envNameFor(path: string): string {
  const segs = path
    .replace(/^github\.event\./, '')
    .replace(/^github\./, '')
    .replace(/^steps\.[^.]+\.outputs\./, '')
    .split(/[.[\]'"]+/)
    .filter((s) => s && s !== '*' && !/^\d+$/.test(s))
    .map((s) => (s === 'pull_request' ? 'pr' : s));
  const name = segs.slice(-3).join('_').replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
  return /^[A-Z_]/.test(name) ? name : `V_${name}`;
}

type Quote = 'none' | 'single' | 'double';

/** The shell quoting state at `upTo` in a POSIX shell script (comments and heredocs are not modelled). */
function quoteState(script: string, upTo: number): Quote {
  let q: Quote = 'none';
  for (let i = 0; i < upTo; i++) {
    const c = script[i];
    if (q === 'single') {
      if (c === "'") q = 'none';
    } else if (c === '\\') i++;
    else if (c === '"') q = q === 'double' ? 'none' : 'double';
    else if (c === "'" && q === 'none') q = 'single';
  }
  return q;
}

/**
 * The canonical template-injection fix: the expression goes into the step's `env:` and the script reads the
 * variable, so the value is data, never code. Returns undefined where the edit cannot be made safely.
 */
export function moveToEnvFix(model: ActionsModel, inj: Injection, shell: string): Fix | undefined {
  const { step, expr } = inj;
  if (step.node.flow) return undefined;
  const exprText = model.text.slice(expr.start, expr.end);
  const fromEnv = /^env\.([A-Za-z_][\w]*)$/.exec(expr.inner.trim());
  let name = fromEnv?.[1];
  const edits: TextEdit[] = [];
  if (!name) {
    const env = get(step.node, 'env');
    const existing = isMap(env) ? env.items.find((p) => isScalar(p.value) && String(p.value.value).trim() === exprText.trim()) : undefined;
    if (existing) name = scalarString(existing.key);
    else {
      const base = envNameFor(inj.path.split(', ')[0]);
      const taken = new Set(isMap(env) ? env.items.map((p) => scalarString(p.key)?.toUpperCase()) : []);
      name = base;
      for (let n = 2; taken.has(name); n++) name = `${base}_${n}`;
      let edit: TextEdit | undefined;
      if (isMap(env)) edit = insertIntoMap(model.index, env as YAMLMap, { [name]: exprText });
      else if (env === undefined && !pairOf(step.node, 'env')) edit = insertIntoMap(model.index, step.node, { env: { [name]: exprText } });
      if (!edit) return undefined;
      edits.push(edit);
    }
  }
  if (!name) return undefined;
  const replacement = referenceFor(model, inj, name, shell);
  if (!replacement) return undefined;
  edits.push({ range: model.index.range(replacement.start, replacement.end), newText: replacement.text });
  return { title: `Pass ${inj.path} through env.${name}`, edits, safe: replacement.safe };
}

function referenceFor(model: ActionsModel, inj: Injection, name: string, shell: string): { start: number; end: number; text: string; safe: boolean } | undefined {
  const { expr, scalar } = inj;
  if (inj.sink === 'script') {
    // Only when the expression is a whole JS string literal: '${{ x }}' → process.env.NAME
    const before = model.text[expr.start - 1];
    const after = model.text[expr.end];
    if ((before === "'" || before === '"' || before === '`') && after === before) {
      return { start: expr.start - 1, end: expr.end + 1, text: `process.env.${name}`, safe: true };
    }
    return undefined;
  }
  const s = shell.toLowerCase();
  if (s === 'pwsh' || s === 'powershell') {
    return quoteState(model.text.slice(scalar.range![0], expr.start), expr.start - scalar.range![0]) === 'single'
      ? undefined
      : { start: expr.start, end: expr.end, text: `$env:${name}`, safe: false };
  }
  if (s === 'cmd') return undefined;
  const script = model.text.slice(scalar.range![0], expr.start);
  // A quoted YAML scalar has its own escaping; only plain and block scalars carry the script verbatim.
  if (scalar.type === 'QUOTE_DOUBLE' || scalar.type === 'QUOTE_SINGLE') return undefined;
  const q = quoteState(script, script.length);
  const atScalarStart = scalar.type === 'PLAIN' && expr.start === scalar.range![0];
  if (atScalarStart) return undefined;
  if (q === 'single' && model.text[expr.start - 1] === "'" && model.text[expr.end] === "'") {
    return { start: expr.start - 1, end: expr.end + 1, text: `"\${${name}}"`, safe: s === '' || s === 'bash' || s === 'sh' };
  }
  const text = q === 'double' ? `\${${name}}` : q === 'single' ? `'"\${${name}}"'` : `"\${${name}}"`;
  return { start: expr.start, end: expr.end, text, safe: s === '' || s === 'bash' || s === 'sh' };
}
