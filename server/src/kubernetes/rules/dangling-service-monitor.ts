import type { Rule } from '../../engine/types';
import { get, getIn, isMap, isSeq, keyRange, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { stringItems } from '../pod';
import { objectsOfKind, sameNamespace, workspaceComplete } from '../project';

/** A label selector (`matchLabels` and `matchExpressions`) as a predicate; undefined for an unreadable one. */
function selectorPredicate(selector: unknown): ((labels: Record<string, string>) => boolean) | undefined {
  if (selector === undefined || selector === null) return () => true;
  if (!isMap(selector)) return undefined;
  const tests: Array<(labels: Record<string, string>) => boolean> = [];
  const ml = get(selector, 'matchLabels');
  if (isMap(ml)) {
    for (const p of ml.items) {
      const k = scalarString(p.key);
      const v = scalarString(p.value);
      if (k === undefined || v === undefined) return undefined;
      tests.push((l) => l[k] === v);
    }
  }
  const exprs = get(selector, 'matchExpressions');
  if (isSeq(exprs)) {
    for (const e of exprs.items) {
      const key = scalarString(get(e, 'key'));
      const op = scalarString(get(e, 'operator'));
      const values = stringItems(get(e, 'values')).map((v) => v.value);
      if (key === undefined) return undefined;
      if (op === 'In') tests.push((l) => key in l && values.includes(l[key]));
      else if (op === 'NotIn') tests.push((l) => !(key in l) || !values.includes(l[key]));
      else if (op === 'Exists') tests.push((l) => key in l);
      else if (op === 'DoesNotExist') tests.push((l) => !(key in l));
      else return undefined;
    }
  }
  return (labels) => tests.every((t) => t(labels));
}

function describeSelector(selector: unknown): string {
  const parts: string[] = [];
  const ml = get(selector, 'matchLabels');
  if (isMap(ml)) for (const p of ml.items) parts.push(`${scalarString(p.key)}=${scalarString(p.value)}`);
  const exprs = get(selector, 'matchExpressions');
  if (isSeq(exprs)) for (const e of exprs.items) parts.push(`${scalarString(get(e, 'key'))} ${scalarString(get(e, 'operator'))}`);
  return parts.join(', ');
}

export const danglingServiceMonitor: Rule<KubernetesModel> = {
  id: 'kubernetes/dangling-service-monitor',
  aliases: ['kube-linter/dangling-servicemonitor'],
  severity: 'warning',
  profile: 'strict',
  category: 'correctness',
  description: "A Prometheus Operator ServiceMonitor's selectors match no Service, so nothing is scraped.",
  docs: `A \`ServiceMonitor\` (monitoring.coreos.com) tells Prometheus to scrape the Services its \`selector\` matches
(\`matchLabels\` and \`matchExpressions\`; an empty selector matches every Service) in the namespaces of its
\`namespaceSelector\`: \`any: true\` for all of them, \`matchNames\` for the listed ones (a Service without a namespace is not
among them), and by default the ServiceMonitor's own namespace. When no Service of the workspace matches, the monitor
silently scrapes nothing: usually a label typo.

Under profile \`recommended\` it is checked once the workspace has Services at all; with \`strict\`, \`all\` or \`--rules all\`
the workspace is taken as complete.`,
  check(ctx) {
    if (!ctx.model.manifests.some((m) => m.kind === 'ServiceMonitor')) return;
    const services = objectsOfKind(ctx, 'Service');
    if (!services.length && !workspaceComplete(ctx)) return;
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'ServiceMonitor' || !m.apiVersion?.startsWith('monitoring.coreos.com/')) continue;
      const spec = get(m.root, 'spec');
      if (!isMap(spec)) continue;
      const selector = get(spec, 'selector');
      const matches = selectorPredicate(selector);
      if (!matches) continue;
      const nsSelector = get(spec, 'namespaceSelector');
      const any = getIn(nsSelector, ['any']);
      const names = stringItems(get(nsSelector, 'matchNames')).map((n) => n.value);
      const inNamespace = (ns: string | undefined) =>
        scalarString(any) === 'true' ? true : names.length ? ns !== undefined && names.includes(ns) : sameNamespace(ns, m.namespace);
      if (services.some((s) => inNamespace(s.namespace) && matches(s.labels ?? {}))) continue;
      const labels = describeSelector(selector);
      const where = scalarString(any) === 'true' ? '' : names.length ? ` in namespace${names.length > 1 ? 's' : ''} ${names.join(', ')}` : '';
      ctx.report({
        range: keyRange(ctx.model.index, spec, selector !== undefined ? 'selector' : nsSelector !== undefined ? 'namespaceSelector' : '') ?? keyRange(ctx.model.index, m.root, 'spec')!,
        message: `ServiceMonitor "${m.name ?? '?'}" matches no Service${labels ? ` labelled ${labels}` : ''}${where}.`,
      });
    }
  },
};
