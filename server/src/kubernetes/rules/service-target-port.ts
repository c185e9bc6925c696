import type { Rule } from '../../engine/types';
import { get, getIn, isMap, isSeq, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { containerLabel } from '../pod';
import { sameNamespace, selectorOf, workloadsSelectedBy, type ProjectObject } from '../project';

/** IANA service names as Kubernetes validates port names: ≤15 chars, lowercase alphanumerics and '-', one letter at least. */
export function validPortName(name: string): boolean {
  return name.length <= 15 && /^[a-z0-9]([a-z0-9-]*[a-z0-9])?$/.test(name) && /[a-z]/.test(name) && !name.includes('--');
}

export const serviceTargetPort: Rule<KubernetesModel> = {
  id: 'kubernetes/service-target-port',
  aliases: ['kube-linter/invalid-target-ports'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'Service targetPort or container port name is invalid, or names a port the selected pods do not have.',
  docs: `A named \`targetPort\` must match a port name on the pods the Service selects, or traffic goes nowhere. Port names must be
valid IANA service names (at most 15 lowercase letters, digits and dashes, with a letter) and port numbers within 1–65535.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      const ports = get(c.node, 'ports');
      if (!isSeq(ports)) continue;
      for (const p of ports.items) {
        const nameNode = get(p, 'name');
        const name = scalarString(nameNode);
        if (name !== undefined && !name.includes('{{') && !validPortName(name)) {
          ctx.report({ range: rangeOf(ctx.model.index, nameNode)!, message: `${containerLabel(c)}: port name "${name}" is not a valid port name (≤15 lowercase letters, digits, '-', with a letter).` });
        }
      }
    }
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Service') continue;
      const ports = getIn(m.root, ['spec', 'ports']);
      if (!isSeq(ports)) continue;
      const selector = selectorOf(m);
      // The selected workloads, looked up only when a named targetPort needs them.
      let selected: ProjectObject[] | undefined;
      const targetsOf = () => (selected ??= workloadsSelectedBy(ctx, selector).filter((o) => sameNamespace(o.namespace, m.namespace)));
      for (const p of ports.items) {
        if (!isMap(p)) continue;
        const node = get(p, 'targetPort');
        const value = scalarString(node);
        if (value === undefined || value.includes('{{')) continue;
        const range = rangeOf(ctx.model.index, node)!;
        if (/^\d+$/.test(value)) {
          const n = Number(value);
          if (n < 1 || n > 65535) ctx.report({ range, message: `targetPort ${value} is outside 1–65535.`, aliases: ['kube-linter/invalid-target-ports'] });
        } else if (!validPortName(value)) {
          ctx.report({ range, message: `targetPort "${value}" is not a valid port name (≤15 lowercase letters, digits, '-', with a letter).`, aliases: ['kube-linter/invalid-target-ports'] });
        } else if (targetsOf().length && !targetsOf().some((t) => t.containerPorts?.some((cp) => cp.name === value))) {
          ctx.report({ range, message: `No container selected by Service "${m.name ?? '?'}" has a port named "${value}".`, aliases: [] });
        }
      }
    }
  },
};
