import { get, isMap, rangeOf } from '../../yaml/yaml';
import { containerLabel, containerSecurityContext, podSecurityContext, stringAt } from '../pod';
import { pssRule, type PssFinding } from '../pss';

const ALLOWED_TYPES = new Set(['', 'container_t', 'container_init_t', 'container_kvm_t', 'container_engine_t']);

export const pssSeLinuxOptions = pssRule({
  id: 'kubernetes/pss-se-linux-options',
  control: 'seLinuxOptions',
  level: 'baseline',
  description: 'SELinux options may only pick a container type; custom user and role are forbidden.',
  docs: `A custom SELinux user, role or type can give a container the host's labels and escape its confinement. Only the
types \`container_t\`, \`container_init_t\`, \`container_kvm_t\` and \`container_engine_t\` are allowed, and \`user\`/\`role\`
must stay empty.

**Bad**
\`\`\`yaml
securityContext:
  seLinuxOptions:
    type: spc_t
\`\`\``,
  evaluate(ctx, pod, containers) {
    const out: PssFinding[] = [];
    const check = (sc: unknown, who: string) => {
      const opts = get(sc, 'seLinuxOptions');
      if (!isMap(opts)) return;
      const type = stringAt(opts, 'type') ?? '';
      if (!ALLOWED_TYPES.has(type)) {
        out.push({ range: rangeOf(ctx.model.index, get(opts, 'type'))!, message: `${who} sets SELinux type "${type}"; only container_t, container_init_t, container_kvm_t or container_engine_t are allowed.` });
      }
      for (const field of ['user', 'role']) {
        const value = stringAt(opts, field);
        if (value) out.push({ range: rangeOf(ctx.model.index, get(opts, field))!, message: `${who} sets SELinux ${field} "${value}"; it must not be set.` });
      }
    };
    check(podSecurityContext(pod), 'The pod');
    for (const c of containers) check(containerSecurityContext(c), containerLabel(c));
    return out;
  },
});
