// Where two versions of a text differ, found with the engine's string comparison (a binary search over slices)
// rather than a character loop: on a 150 KB file that loop was a few milliseconds per keystroke.

/** Length of the common prefix of `x` and `y`. */
export function commonPrefix(x: string, y: string): number {
  let lo = 0;
  let hi = Math.min(x.length, y.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (x.slice(lo, mid) === y.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Length of the common suffix of `x` and `y`, at most `max` characters. */
export function commonSuffix(x: string, y: string, max: number): number {
  let lo = 0;
  let hi = Math.min(max, x.length, y.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (x.slice(x.length - mid, x.length - lo) === y.slice(y.length - mid, y.length - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Where two texts differ: the common prefix, and the common suffix of what follows it. While a file is edited the
 * line index, the Dockerfile and YAML re-parses and their caches all ask this of the same two versions in turn; the
 * last answer is kept (by the texts' identity, a pointer comparison).
 */
export function changedSpan(x: string, y: string): { prefix: number; suffix: number } {
  const last = lastSpan;
  if (last && last.x === x && last.y === y) return last.span;
  const prefix = commonPrefix(x, y);
  const span = { prefix, suffix: commonSuffix(x, y, Math.min(x.length, y.length) - prefix) };
  lastSpan = { x, y, span };
  return span;
}

let lastSpan: { x: string; y: string; span: { prefix: number; suffix: number } } | undefined;
