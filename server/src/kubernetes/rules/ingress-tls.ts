import type { Rule } from '../../engine/types';
import { getIn, isSeq, keyRange } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';

export const ingressTls: Rule<KubernetesModel> = {
  id: 'kubernetes/ingress-tls',
  aliases: ['polaris/tlsSettingsMissing'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  description: 'Ingress serves plain HTTP (no `tls` section).',
  docs: `An Ingress without \`spec.tls\` serves its hosts over unencrypted HTTP. Add a \`tls\` entry with the hosts and the
Secret holding the certificate (cert-manager can create it).`,
  check(ctx) {
    for (const m of ctx.model.manifests) {
      if (m.kind !== 'Ingress') continue;
      const tls = getIn(m.root, ['spec', 'tls']);
      if (isSeq(tls) && tls.items.length) continue;
      ctx.report({ range: keyRange(ctx.model.index, m.root, 'spec') ?? keyRange(ctx.model.index, m.root, 'kind')!, message: `Ingress "${m.name ?? '?'}" has no TLS configuration.` });
    }
  },
};
