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
