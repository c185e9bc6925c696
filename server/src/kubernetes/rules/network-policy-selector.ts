import type { Rule } from '../../engine/types';
import { get, getIn, isSeq, keyRange, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { sameNamespace, workspaceComplete } from '../project';
import { workloadObjects } from '../project-objects';

function matchLabels(selector: unknown): Record<string, string> | undefined {
  const ml = get(selector, 'matchLabels');
  if (!ml || !('items' in (ml as object))) return undefined;
  const out: Record<string, string> = {};
  for (const p of (ml as { items: Array<{ key: unknown; value: unknown }> }).items) {
    const k = scalarString(p.key);
    const v = scalarString(p.value);
    if (k !== undefined && v !== undefined) out[k] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

export const networkPolicySelector: Rule<KubernetesModel> = {
  id: 'kubernetes/network-policy-selector',
  aliases: ['kube-linter/dangling-networkpolicy', 'kube-linter/dangling-networkpolicypeer-podselector', 'kube-score/networkpolicy-targets-pod'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: "NetworkPolicy's podSelector (or a peer's) matches no workload's pods.",
  docs: `A NetworkPolicy whose \`podSelector\` matches no pod protects nothing; a peer \`podSelector\` that matches nothing allows
nothing. Usually a label typo. Under profile \`recommended\` it is checked once the workspace has workloads at all (they may
live in another repository); with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete. Peers that also
select namespaces are not checked.`,
  check(ctx) {
    if (!ctx.model.manifests.some((m) => m.kind === 'NetworkPolicy')) return;
    const workloads = workloadObjects(ctx);
    if (!workloads.length && !workspaceComplete(ctx)) return;
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'NetworkPolicy') continue;
      const matches = (labels: Record<string, string>) =>
        workloads.some((w) => sameNamespace(w.namespace, m.namespace) && Object.entries(labels).every(([k, v]) => w.podLabels?.[k] === v));
      const own = matchLabels(getIn(m.root, ['spec', 'podSelector']));
      if (own && !matches(own)) {
        ctx.report({
          range: keyRange(ctx.model.index, get(m.root, 'spec'), 'podSelector')!,
          message: `NetworkPolicy "${m.name ?? '?'}" selects ${Object.entries(own).map(([k, v]) => `${k}=${v}`).join(', ')}, which no workload's pods carry.`,
          aliases: ['kube-linter/dangling-networkpolicy', 'kube-score/networkpolicy-targets-pod'],
        });
      }
      for (const [dir, peerKey] of [['ingress', 'from'], ['egress', 'to']] as const) {
        const rules = getIn(m.root, ['spec', dir]);
        if (!isSeq(rules)) continue;
        for (const r of rules.items) {
          const peers = get(r, peerKey);
          if (!isSeq(peers)) continue;
          for (const peer of peers.items) {
            if (get(peer, 'namespaceSelector') !== undefined) continue;
            const labels = matchLabels(get(peer, 'podSelector'));
            if (!labels || matches(labels)) continue;
            ctx.report({
              range: keyRange(ctx.model.index, peer, 'podSelector')!,
              message: `No workload's pods carry ${Object.entries(labels).map(([k, v]) => `${k}=${v}`).join(', ')}, so this ${dir} rule matches no pod.`,
              aliases: ['kube-linter/dangling-networkpolicypeer-podselector'],
            });
          }
        }
      }
    }
  },
};
