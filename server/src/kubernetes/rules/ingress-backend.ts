import type { Rule } from '../../engine/types';
import { get, getIn, isSeq, rangeOf, scalarString, type Node } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { sameNamespace, workspaceComplete } from '../project';
import { objectsNamed, objectsOfKind } from '../project-objects';

/** Backends of an Ingress (networking.k8s.io/v1 and the older serviceName/servicePort form). */
function backends(root: unknown): Array<{ nameNode: Node; portNode?: Node }> {
  const out: Array<{ nameNode: Node; portNode?: Node }> = [];
  const add = (backend: unknown) => {
    const name = getIn(backend, ['service', 'name']) ?? get(backend, 'serviceName');
    const port = getIn(backend, ['service', 'port', 'number']) ?? getIn(backend, ['service', 'port', 'name']) ?? get(backend, 'servicePort');
    if (name) out.push({ nameNode: name, portNode: port });
  };
  add(getIn(root, ['spec', 'defaultBackend']) ?? getIn(root, ['spec', 'backend']));
  const rules = getIn(root, ['spec', 'rules']);
  if (isSeq(rules)) {
    for (const r of rules.items) {
      const paths = getIn(r, ['http', 'paths']);
      if (isSeq(paths)) for (const p of paths.items) add(get(p, 'backend'));
    }
  }
  return out;
}

export const ingressBackend: Rule<KubernetesModel> = {
  id: 'kubernetes/ingress-backend',
  aliases: ['kube-linter/dangling-ingress', 'kube-score/ingress-targets-service'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  description: 'Ingress backend names a Service (or a port of it) that the workspace does not define.',
  docs: `An Ingress path whose Service or port does not exist answers 503. Under profile \`recommended\` it is checked once the workspace defines
Services at all; with \`strict\`, \`all\` or \`--rules all\` the workspace is taken as complete.`,
  check(ctx) {
    if (!ctx.model.manifests.some((m) => m.kind === 'Ingress')) return;
    if (!objectsOfKind(ctx, 'Service').length && !workspaceComplete(ctx)) return;
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Ingress') continue;
      for (const b of backends(m.root)) {
        const name = scalarString(b.nameNode) ?? '';
        const svc = objectsNamed(ctx, 'Service', name).find((s) => sameNamespace(s.namespace, m.namespace));
        if (!svc) {
          ctx.report({ range: rangeOf(ctx.model.index, b.nameNode)!, message: `Service "${name}" is not defined in the workspace.` });
          continue;
        }
        const port = scalarString(b.portNode);
        if (port === undefined || !svc.servicePorts?.length) continue;
        const known = svc.servicePorts.some((p) => String(p.port) === port || p.name === port);
        if (!known) ctx.report({ range: rangeOf(ctx.model.index, b.portNode)!, message: `Service "${name}" has no port ${/^\d+$/.test(port) ? port : `named "${port}"`}.` });
      }
    }
  },
};
