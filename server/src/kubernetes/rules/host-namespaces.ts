import type { Rule } from '../../engine/types';
import { get, rangeOf, removePair } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { boolAt } from '../pod';

const FIELDS = [
  { key: 'hostNetwork', kubeLinter: 'kube-linter/host-network', polaris: 'polaris/hostNetworkSet', what: "the node's network stack" },
  { key: 'hostPID', kubeLinter: 'kube-linter/host-pid', polaris: 'polaris/hostPIDSet', what: "the node's process table" },
  { key: 'hostIPC', kubeLinter: 'kube-linter/host-ipc', polaris: 'polaris/hostIPCSet', what: "the node's IPC namespace" },
];

export const hostNamespaces: Rule<KubernetesModel> = {
  id: 'kubernetes/host-namespaces',
  aliases: [...FIELDS.flatMap((f) => [f.kubeLinter, f.polaris]), 'pss/hostNamespaces'],
  severity: 'error',
  profile: 'recommended',
  category: 'security',
  fixable: true,
  description: "Pod shares the node's network, PID or IPC namespace.",
  docs: `\`hostNetwork\`, \`hostPID\` and \`hostIPC\` put the pod in the node's namespaces: it can sniff node traffic, see and
signal every process, or read other pods' shared memory. Remove them unless this is a node agent that needs them.

**Bad**
\`\`\`yaml
spec:
  hostNetwork: true
\`\`\``,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      for (const f of FIELDS) {
        if (boolAt(pod.spec, f.key) !== true) continue;
        const node = get(pod.spec, f.key)!;
        ctx.report({
          range: rangeOf(ctx.model.index, node)!,
          message: `The pod uses ${f.what} (${f.key}: true).`,
          aliases: [f.kubeLinter, f.polaris, 'pss/hostNamespaces'],
          fix: { title: `Remove ${f.key}`, edits: [removePair(ctx.model.index, pod.spec, f.key)!], safe: false },
        });
      }
    }
  },
};
