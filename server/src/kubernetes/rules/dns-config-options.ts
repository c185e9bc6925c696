import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, keyRange, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { podRange } from '../pod';

/** `kubernetes.dnsConfigOptions`: resolver option name → required value (null: the option takes no value). */
export function requiredDnsOptions(options: Record<string, unknown>): Map<string, string | null> {
  const setting = options.dnsConfigOptions;
  const out = new Map<string, string | null>();
  if (setting && typeof setting === 'object' && !Array.isArray(setting)) {
    for (const [k, v] of Object.entries(setting)) out.set(k, v === null || v === undefined ? null : String(v));
    return out;
  }
  return new Map([['ndots', '2']]);
}

const show = (name: string, value: string | null) => (value === null ? name : `${name}:${value}`);

export const dnsConfigOptions: Rule<KubernetesModel> = {
  id: 'kubernetes/dns-config-options',
  aliases: ['kube-linter/dnsconfig-options'],
  severity: 'info',
  profile: 'all',
  category: 'efficiency',
  description: 'The pod does not set the DNS resolver options of `kubernetes.dnsConfigOptions` (by default `ndots:2`).',
  docs: `With the cluster default \`ndots:5\`, every lookup of an external name with fewer than five dots first tries each
search domain (\`api.example.com.shop.svc.cluster.local\`…), multiplying DNS queries and latency. Setting the resolver
options a cluster standardises on in \`spec.dnsConfig.options\` avoids that.

The options to require are the setting \`kubernetes.dnsConfigOptions\`, a map of option name to value (\`null\` for an option
without value), by default \`{ndots: "2"}\`. Each pod template must set every one of them with that value; an empty map requires nothing.

\`\`\`yaml
# .shipshape.yaml
kubernetes:
  dnsConfigOptions: {ndots: "2", single-request-reopen: null}
\`\`\`

**Good**
\`\`\`yaml
spec:
  dnsConfig:
    options:
      - name: ndots
        value: "2"
\`\`\``,
  check(ctx) {
    const required = requiredDnsOptions(ctx.options);
    if (!required.size) return;
    const wanted = [...required].map(([k, v]) => show(k, v)).join(', ');
    for (const pod of ctx.model.podTemplates) {
      const what = `${pod.owner.kind} "${pod.owner.name ?? '?'}"`;
      const dnsConfig = get(pod.spec, 'dnsConfig');
      const options = get(dnsConfig, 'options');
      if (!isMap(dnsConfig) || !isSeq(options) || !options.items.length) {
        ctx.report({
          range: (isMap(dnsConfig) && keyRange(ctx.model.index, pod.spec, 'dnsConfig')) || podRange(ctx.model, pod),
          message: `${what} sets no dnsConfig options (kubernetes.dnsConfigOptions requires ${wanted}).`,
        });
        continue;
      }
      for (const [name, value] of required) {
        const entry = options.items.find((o) => scalarString(get(o, 'name')) === name);
        if (!entry) {
          ctx.report({ range: keyRange(ctx.model.index, dnsConfig, 'options')!, message: `${what} does not set the DNS option ${show(name, value)}.` });
          continue;
        }
        const actual = scalarString(get(entry, 'value')) ?? null;
        if (actual === value) continue;
        ctx.report({
          range: rangeOf(ctx.model.index, get(entry, 'value') ?? get(entry, 'name'))!,
          message: `${what} sets the DNS option ${show(name, actual)}; kubernetes.dnsConfigOptions requires ${show(name, value)}.`,
        });
      }
    }
  },
};
