// A minimal scanner for `${{ … }}` spans and the context paths inside them (e.g. `github.event.issue.title`).
// It only serves the security and actions-used rules; the full expression parser (lexer, parser, type checker)
// lives with the structure rules and should replace this once it is available.

export interface ExprSpan {
  /** Offset of `${{` in the document. */
  start: number;
  /** Offset just after `}}`. */
  end: number;
  /** Text between the braces, untrimmed. */
  inner: string;
  innerStart: number;
}

export interface ContextPath {
  /** Normalised: `github.event.commits.*.message`, `steps.build.outputs.tag`. */
  path: string;
  start: number;
  end: number;
}

/** Every `${{ … }}` in `text[from, to)`, skipping `}}` inside the expression's string literals. */
export function findExpressions(text: string, from = 0, to = text.length): ExprSpan[] {
  const out: ExprSpan[] = [];
  let i = text.indexOf('${{', from);
  while (i >= 0 && i < to) {
    let j = i + 3;
    let inString = false;
    for (; j < to - 1; j++) {
      const c = text[j];
      if (c === "'") inString = !inString;
      else if (!inString && c === '}' && text[j + 1] === '}') break;
    }
    if (j >= to - 1) break;
    out.push({ start: i, end: j + 2, inner: text.slice(i + 3, j), innerStart: i + 3 });
    i = text.indexOf('${{', j + 2);
  }
  return out;
}

const ROOTS = new Set(['github', 'env', 'inputs', 'steps', 'needs', 'secrets', 'vars', 'matrix', 'job', 'jobs', 'runner', 'strategy']);
const IDENT = /[A-Za-z_][\w-]*/y;

/** Index of the `]` closing the `[` at `open`, skipping nested brackets and string literals; -1 when unbalanced. */
function closingBracket(s: string, open: number): number {
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i];
    if (c === "'") {
      const close = s.indexOf("'", i + 1);
      if (close < 0) return -1;
      i = close;
    } else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  return -1;
}

/**
 * Context paths in an expression, with document offsets; string literals are skipped. Indexes become `*`
 * (`github.event.commits[0].message` → `github.event.commits.*.message`) except literal keys (`['name']`), and
 * paths used as an index are reported too.
 */
export function contextPaths(inner: string, innerStart = 0): ContextPath[] {
  const masked = maskStrings(inner);
  const out: ContextPath[] = [];
  for (let i = 0; i < masked.length; i++) {
    if (!/[A-Za-z_]/.test(masked[i]) || (i > 0 && /[\w.\-]/.test(masked[i - 1]))) continue;
    IDENT.lastIndex = i;
    const root = IDENT.exec(masked)?.[0];
    if (!root) continue;
    if (!ROOTS.has(root.toLowerCase()) || /^\s*\(/.test(masked.slice(i + root.length))) {
      i += root.length - 1;
      continue;
    }
    const segments = [root];
    let j = i + root.length;
    for (;;) {
      const rest = /^\s*/.exec(masked.slice(j))![0].length;
      const k = j + rest;
      if (masked[k] === '.') {
        const after = k + 1 + /^\s*/.exec(masked.slice(k + 1))![0].length;
        if (masked[after] === '*') { segments.push('*'); j = after + 1; continue; }
        IDENT.lastIndex = after;
        const name = IDENT.exec(masked)?.[0];
        if (!name) break;
        segments.push(name);
        j = after + name.length;
      } else if (masked[k] === '[') {
        const close = closingBracket(masked, k);
        if (close < 0) break;
        const lit = /^\[\s*'([^']*)'\s*\]$/.exec(masked.slice(k, close + 1));
        segments.push(lit ? lit[1] : '*');
        j = close + 1;
      } else break;
    }
    out.push({ path: segments.join('.').toLowerCase(), start: innerStart + i, end: innerStart + j });
    i += root.length - 1; // keep scanning inside the path: indexes can hold paths of their own
  }
  return out;
}

/** Blanks string literals (same length) except `['name']` index literals, which are part of a path. */
function maskStrings(inner: string): string {
  return inner.replace(/'(?:[^']|'')*'/g, (m, offset: number) => (/\[\s*$/.test(inner.slice(0, offset)) ? m : ' '.repeat(m.length)));
}

/** Whether an expression can only yield a boolean or number (a comparison, `contains(...)`…): not injectable. */
export function yieldsOnlyScalarSafe(inner: string): boolean {
  const s = inner.replace(/'(?:[^']|'')*'/g, "''").trim();
  if (/^!/.test(s)) return true;
  if (/(==|!=|<=|>=|<|>)/.test(s) && !/\|\||&&/.test(s)) return true;
  return /^(contains|startsWith|endsWith|success|failure|always|cancelled)\s*\(/i.test(s) && balancedCall(s);
}

function balancedCall(s: string): boolean {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '(') depth++;
    else if (s[i] === ')' && --depth === 0) return i === s.length - 1;
  }
  return false;
}
