// Values a matrix dimension takes, from its list and from `include` rows.
import { isMap, isSeq } from '../yaml/yaml';
import type { Job } from './model';
import { get, getIn } from '../yaml/yaml';

export function matrixValues(job: Job, key: string): unknown[] | undefined {
  const matrix = getIn(job.node, ['strategy', 'matrix']);
  if (!isMap(matrix)) return undefined;
  const out: unknown[] = [];
  const dim = get(matrix, key);
  if (isSeq(dim)) out.push(...(dim.toJSON() as unknown[]));
  const include = get(matrix, 'include');
  if (isSeq(include)) {
    for (const row of include.items) {
      if (!isMap(row)) continue;
      const v = get(row, key);
      if (v) out.push((v as { toJSON(): unknown }).toJSON());
    }
  }
  return out.length ? out : undefined;
}
