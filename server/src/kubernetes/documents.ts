// Document-level handling: Helm/Go templates. A document containing `{{` that does not parse as YAML is left out
// of the model (no manifest, no rule, no YAML errors: its errors are template syntax, not mistakes); one that
// parses cleanly stays, and schema checks skip the values holding template expressions.
import type { Report } from '../engine/types';
import type { KubernetesModel } from './model';

export interface TemplatedDocument {
  /** Offsets of the document in the text. */
  start: number;
  end: number;
  /** Offsets of its first `{{ … }}` expression. */
  expression: [number, number];
  /** True when the document did not parse and was left unchecked. */
  skipped: boolean;
}

/** Finds templated documents, removes the unparseable ones from the model, returns the problems left to report. */
export function applyTemplating(model: KubernetesModel, problems: Report[]): Report[] {
  const templated: TemplatedDocument[] = [];
  const text = model.text;
  for (const doc of model.yaml.docs) {
    const [start, , end] = doc.range;
    const open = text.indexOf('{{', start);
    if (open < 0 || open >= end) continue;
    const close = text.indexOf('}}', open);
    const expression: [number, number] = [open, close >= 0 && close < end ? close + 2 : Math.min(end, open + 2)];
    templated.push({ start, end, expression, skipped: doc.errors.length > 0 });
  }
  model.templatedDocuments = templated;
  const skipped = templated.filter((t) => t.skipped);
  if (!skipped.length) return problems;
  const inSkipped = (offset: number) => skipped.some((t) => offset >= t.start && offset <= t.end);
  const startOf = (node: { range?: [number, number, number] | null }) => node.range?.[0] ?? -1;
  model.manifests = model.manifests.filter((m) => !inSkipped(startOf(m.root)));
  model.podTemplates = model.podTemplates.filter((p) => model.manifests.includes(p.owner));
  model.containers = model.containers.filter((c) => model.manifests.includes(c.owner));
  return problems.filter((p) => !inSkipped(model.index.offsetAt(p.range.start)));
}
