// Did-you-mean renames are offered as safe fixes only when they are sure to leave a clean file: the renamed key must
// not collide with a key the mapping already has (a duplicate key does not parse), and the section's checks, run
// again with the new name, must find no error they did not find before (an empty `schedule`, a list under `group`).
import { visit, type Node, type Pair, type Scalar, type YAMLMap } from 'yaml';
import { isMap, isScalar } from '../yaml/yaml';

/** Whether the mapping holding `key` (searched from `root`) already has a key named `to`. */
export function wouldDuplicate(root: Node | null | undefined, key: Scalar, to: string): boolean {
  let holder: YAMLMap | undefined;
  if (!root) return false;
  visit(root, {
    Pair(_, pair, path) {
      if (pair.key !== key) return undefined;
      const parent = path[path.length - 1];
      if (isMap(parent)) holder = parent;
      return visit.BREAK;
    },
  });
  return !!holder?.items.some((p: Pair) => p.key !== key && isScalar(p.key) && String(p.key.value) === to);
}

/**
 * Runs `analyse` with `key` renamed to `to` in the parsed tree (restored right after) and tells whether it reports an
 * error that `before` (the findings of the unchanged tree, `fixed` left out) does not have. `signature` identifies a
 * finding across the two runs and returns undefined for findings that are not errors.
 */
export function renameAddsErrors<P>(key: Scalar, to: string, fixed: P, before: readonly P[], analyse: () => readonly P[], signature: (p: P) => string | undefined): boolean {
  const remaining = new Map<string, number>();
  for (const p of before) {
    const sig = p === fixed ? undefined : signature(p);
    if (sig !== undefined) remaining.set(sig, (remaining.get(sig) ?? 0) + 1);
  }
  const old = key.value;
  let after: readonly P[];
  key.value = to;
  try {
    after = analyse();
  } finally {
    key.value = old;
  }
  for (const p of after) {
    const sig = signature(p);
    if (sig === undefined) continue;
    const n = remaining.get(sig) ?? 0;
    if (n === 0) return true;
    remaining.set(sig, n - 1);
  }
  return false;
}
