import { get, isMap, rangeOf, scalarString } from '../../yaml/yaml';
import { containerLabel, containerSecurityContext, podSecurityContext, stringAt } from '../pod';
import { pssRule, type PssFinding } from '../pss';

const ANNOTATION_PREFIX = 'container.apparmor.security.beta.kubernetes.io/';
const allowedType = (t: string | undefined) => t === 'RuntimeDefault' || t === 'Localhost';
const allowedAnnotation = (v: string) => v === '' || v === 'runtime/default' || v.startsWith('localhost/');

export const pssAppArmorProfile = pssRule({
  id: 'kubernetes/pss-app-armor-profile',
  control: 'appArmorProfile',
  level: 'baseline',
  description: 'AppArmor must not be disabled: profile type RuntimeDefault or Localhost only.',
  docs: `Setting an AppArmor profile to \`Unconfined\` (or the beta annotation to \`unconfined\`) removes a layer of kernel
confinement. Leave it unset (the runtime default applies) or use \`RuntimeDefault\` / \`Localhost\`.

**Bad**
\`\`\`yaml
securityContext:
  appArmorProfile:
    type: Unconfined
\`\`\``,
  evaluate(ctx, pod, containers) {
    const out: PssFinding[] = [];
    const index = ctx.model.index;
    const check = (sc: unknown, who: string) => {
      const profile = get(sc, 'appArmorProfile');
      if (!isMap(profile)) return;
      const typeNode = get(profile, 'type');
      const type = stringAt(profile, 'type');
      if (!allowedType(type)) {
        const range = rangeOf(index, typeNode) ?? rangeOf(index, profile)!;
        out.push({ range, message: `${who} sets AppArmor profile type ${type ? `"${type}"` : '(empty)'}; use RuntimeDefault or Localhost.` });
      }
    };
    check(podSecurityContext(pod), 'The pod');
    for (const c of containers) check(containerSecurityContext(c), containerLabel(c));
    const annotations = get(pod.metadata, 'annotations');
    if (isMap(annotations)) {
      for (const pair of annotations.items) {
        const key = scalarString(pair.key) ?? '';
        const value = scalarString(pair.value) ?? '';
        if (key.startsWith(ANNOTATION_PREFIX) && !allowedAnnotation(value)) {
          const range = rangeOf(index, pair.value as never) ?? rangeOf(index, pair.key as never)!;
          out.push({ range, message: `Annotation "${key}" sets AppArmor profile "${value}"; use runtime/default or localhost/<profile>.` });
        }
      }
    }
    return out;
  },
});
