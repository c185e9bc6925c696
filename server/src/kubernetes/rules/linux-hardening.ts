import type { Rule } from '../../engine/types';
import { get, getIn, isMap, scalarString } from '../../yaml/yaml';
import { hardenContainerFix } from '../fixes';
import type { Container, KubernetesModel } from '../model';
import { containerLabel, containerRange, containerSecurityContext, effective, podSecurityContext, stringItems } from '../pod';

const goodProfile = (t: string | undefined) => t === 'RuntimeDefault' || t === 'Localhost';

/** Whether some Linux hardening applies to a container: seccomp, SELinux, AppArmor, or dropping ALL capabilities. */
function hardened(c: Container): boolean {
  const sc = containerSecurityContext(c);
  const containerSeccomp = getIn(sc, ['seccompProfile']);
  const seccomp = containerSeccomp !== undefined ? scalarString(get(containerSeccomp, 'type')) : scalarString(getIn(podSecurityContext(c.pod), ['seccompProfile', 'type']));
  if (goodProfile(seccomp)) return true;
  const selinux = effective(c, 'seLinuxOptions');
  if (isMap(selinux) && selinux.items.length) return true;
  if (goodProfile(scalarString(getIn(effective(c, 'appArmorProfile'), ['type'])))) return true;
  const annotation = scalarString(getIn(c.pod.metadata, ['annotations', `container.apparmor.security.beta.kubernetes.io/${c.name ?? ''}`]));
  if (annotation === 'runtime/default' || annotation?.startsWith('localhost/')) return true;
  const drops = stringItems(getIn(sc, ['capabilities', 'drop'])).map((d) => d.value.toUpperCase());
  const adds = stringItems(getIn(sc, ['capabilities', 'add'])).map((d) => d.value.toUpperCase());
  return drops.includes('ALL') && !adds.includes('ALL');
}

export const linuxHardening: Rule<KubernetesModel> = {
  id: 'kubernetes/linux-hardening',
  aliases: ['polaris/linuxHardening'],
  severity: 'warning',
  profile: 'strict',
  category: 'security',
  fixable: true,
  description: 'Container has no Linux hardening at all (no seccomp, SELinux or AppArmor profile, capabilities not dropped).',
  docs: `At least one kernel-level confinement should apply to every container: a seccomp profile (\`RuntimeDefault\`), SELinux
options, an AppArmor profile, or dropping ALL capabilities. The quick fix adds the hardened securityContext.`,
  check(ctx) {
    for (const c of ctx.model.containers) {
      if (c.type === 'ephemeralContainers' || hardened(c)) continue;
      ctx.report({ range: containerRange(ctx.model, c), message: `${containerLabel(c)} has no seccomp, SELinux or AppArmor profile and keeps its capabilities.`, fix: hardenContainerFix(ctx.model, c) });
    }
  },
};
