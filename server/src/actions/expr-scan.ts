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

const ROOTS = 'github|env|inputs|steps|needs|secrets|vars|matrix|job|jobs|runner|strategy';
const PATH = new RegExp(`(?<![\\w.-])(${ROOTS})((?:\\s*\\.\\s*(?:[A-Za-z_][\\w-]*|\\*)|\\s*\\[\\s*(?:'[^']*'|\\d+|\\*)\\s*\\])*)`, 'g');

/** Context paths in an expression, with document offsets; string literals are skipped. */
export function contextPaths(inner: string, innerStart = 0): ContextPath[] {
  const masked = maskStrings(inner);
  const out: ContextPath[] = [];
  for (const m of masked.matchAll(PATH)) {
    const segments = [m[1]];
    for (const part of m[2].matchAll(/\.\s*([A-Za-z_][\w-]*|\*)|\[\s*(?:'([^']*)'|(\d+)|(\*))\s*\]/g)) {
      segments.push(part[1] ?? part[2] ?? (part[3] !== undefined || part[4] ? '*' : ''));
    }
    const start = innerStart + m.index!;
    out.push({ path: segments.join('.').toLowerCase(), start, end: start + m[0].length });
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
