// Word-level helpers shared by the BuildKit checks: variable references with their offsets, "did you mean"
// suggestions, BuildKit's predefined build arguments, and image reference validation.

export interface VarRef {
  name: string;
  /** Offsets of the whole reference (`$x`, `${x}`, `${x:-y}`) in the text that was scanned. */
  start: number;
  end: number;
}

const NAME_START = /[A-Za-z_]/;
const NAME_CHAR = /[A-Za-z0-9_]/;

/**
 * Variable references in a piece of Dockerfile text, as BuildKit's word expansion sees them: not inside single
 * quotes, not escaped with the escape character. `base` is added to the offsets.
 */
export function variableRefs(text: string, escape = '\\', base = 0): VarRef[] {
  const out: VarRef[] = [];
  let inSingle = false;
  let inDouble = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === escape && !inSingle) {
      i++;
      continue;
    }
    if (c === "'" && !inDouble) {
      inSingle = !inSingle;
      continue;
    }
    if (c === '"' && !inSingle) {
      inDouble = !inDouble;
      continue;
    }
    if (c !== '$' || inSingle) continue;
    if (text[i + 1] === '{') {
      let j = i + 2;
      let name = '';
      while (j < text.length && NAME_CHAR.test(text[j])) name += text[j++];
      if (!name || !NAME_START.test(name[0])) continue;
      let depth = 1;
      let k = j;
      for (; k < text.length && depth > 0; k++) {
        if (text[k] === '{') depth++;
        else if (text[k] === '}') depth--;
      }
      if (depth !== 0) continue;
      out.push({ name, start: base + i, end: base + k });
      // Nested references in a default (`${a:-$b}`) are expansions too.
      out.push(...variableRefs(text.slice(j, k - 1), escape, base + j));
      i = k - 1;
    } else if (NAME_START.test(text[i + 1] ?? '')) {
      let j = i + 1;
      while (j < text.length && NAME_CHAR.test(text[j])) j++;
      out.push({ name: text.slice(i + 1, j), start: base + i, end: base + j });
      i = j - 1;
    }
  }
  return out;
}

/** Substitutes variables from `values` (absent → empty string), honouring `${x:-d}`, `${x-d}`, `${x:+a}`, `${x+a}`. */
export function expand(text: string, values: Map<string, string | undefined>, escape = '\\'): string {
  const refs = variableRefs(text, escape).filter((r, i, all) => !all.some((o, j) => j !== i && o.start < r.start && o.end >= r.end));
  let out = '';
  let last = 0;
  for (const r of refs) {
    out += text.slice(last, r.start);
    const whole = text.slice(r.start, r.end);
    const v = values.get(r.name);
    const m = /^\$\{[A-Za-z0-9_]+(:?)([-+])(.*)\}$/s.exec(whole);
    if (m) {
      const set = m[1] ? v !== undefined && v !== '' : v !== undefined;
      const word = expand(m[3], values, escape);
      out += m[2] === '-' ? (set ? v! : word) : set ? word : '';
    } else out += v ?? '';
    last = r.end;
  }
  return out + text.slice(last);
}

function levenshtein(a: string, b: string): number {
  const prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0];
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j];
      prev[j] = Math.min(prev[j] + 1, prev[j - 1] + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length];
}

/** The closest candidate within a small edit distance (a likely typo), or undefined. */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const limit = word.length < 4 ? 1 : 2;
  let best: string | undefined;
  let bestDistance = limit + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = levenshtein(word.toLowerCase(), c.toLowerCase());
    if (d < bestDistance) {
      bestDistance = d;
      best = c;
    }
  }
  return best;
}

/** Build arguments BuildKit defines for every FROM (values for a linux/amd64 build). */
export const PREDEFINED_ARGS = new Map<string, string>([
  ['BUILDPLATFORM', 'linux/amd64'],
  ['BUILDOS', 'linux'],
  ['BUILDARCH', 'amd64'],
  ['BUILDVARIANT', ''],
  ['TARGETPLATFORM', 'linux/amd64'],
  ['TARGETOS', 'linux'],
  ['TARGETARCH', 'amd64'],
  ['TARGETVARIANT', ''],
  ['TARGETSTAGE', ''],
  ['BUILDKIT_SBOM_SCAN_CONTEXT', ''],
  ['BUILDKIT_SBOM_SCAN_STAGE', ''],
]);

// distribution/reference grammar: [domain/]path[:tag][@digest].
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|[-]+)[a-z0-9]+)*';
const DOMAIN = '(?:(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])(?:\\.(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9]))*|\\[[0-9a-fA-F:.]+\\])(?::[0-9]+)?';
const REFERENCE = new RegExp(
  `^(?:${DOMAIN}/)?${COMPONENT}(?:/${COMPONENT})*(?::[\\w][\\w.-]{0,127})?(?:@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,})?$`,
);

/** Whether a resolved base image name is a valid image reference (what `FROM` accepts). */
export function isValidImageReference(ref: string): boolean {
  return ref.length > 0 && ref.length <= 255 && REFERENCE.test(ref);
}
