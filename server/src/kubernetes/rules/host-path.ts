import type { Rule } from '../../engine/types';
import { get, isMap, isScalar, isSeq, keyRange, rangeOf, scalarString } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { pssLevel } from '../pss';

/** Host paths kube-linter's sensitive-host-mounts treats as sensitive. */
const SENSITIVE = new Set(['/', '/boot', '/dev', '/etc', '/lib', '/proc', '/sys', '/usr']);
const DOCKER_SOCK = /^\/(var\/)?run\/docker\.sock$/;

export const hostPath: Rule<KubernetesModel> = {
  id: 'kubernetes/host-path',
  aliases: ['polaris/hostPathSet', 'pss/hostPathVolumes', 'pss/restrictedVolumes', 'kube-linter/sensitive-host-mounts', 'kube-linter/docker-sock'],
  severity: 'warning',
  profile: 'recommended',
  category: 'security',
  description: "Pod mounts a directory of the node (hostPath volume).",
  docs: `A \`hostPath\` volume gives the pod the node's files: \`/etc\`, \`/var/run/docker.sock\` or \`/\` mean control of the node.
Even harmless paths tie the pod to one node's disk. Use a PersistentVolumeClaim, a ConfigMap or an emptyDir instead.
Sensitive paths (\`/\`, \`/etc\`, \`/proc\`, \`/sys\`, \`/dev\`, the Docker socket…) are errors.

**Bad**
\`\`\`yaml
volumes:
  - name: docker
    hostPath:
      path: /var/run/docker.sock
\`\`\``,
  check(ctx) {
    for (const pod of ctx.model.podTemplates) {
      const restricted = pssLevel(ctx, pod) === 'restricted';
      const volumes = get(pod.spec, 'volumes');
      if (!isSeq(volumes)) continue;
      for (const v of volumes.items) {
        const hp = get(v, 'hostPath');
        // `hostPath:` with no value is no volume source at all (the API drops it).
        if (hp === undefined || (isScalar(hp) && hp.value === null)) continue;
        const pathNode = isMap(hp) ? get(hp, 'path') : undefined;
        const path = (scalarString(pathNode) ?? '').replace(/(.)\/+$/, '$1');
        const sock = DOCKER_SOCK.test(path);
        const sensitive = SENSITIVE.has(path);
        const aliases = ['polaris/hostPathSet', 'pss/hostPathVolumes'];
        if (restricted) aliases.push('pss/restrictedVolumes');
        if (sensitive) aliases.push('kube-linter/sensitive-host-mounts');
        if (sock) aliases.push('kube-linter/docker-sock');
        const name = scalarString(get(v, 'name')) ?? '?';
        ctx.report({
          range: rangeOf(ctx.model.index, pathNode) ?? keyRange(ctx.model.index, v, 'hostPath')!,
          message: sock
            ? `Volume "${name}" mounts the Docker socket: whoever controls the pod controls the node.`
            : `Volume "${name}" mounts the node's ${path || 'filesystem'}${sensitive ? ', a sensitive path' : ''}.`,
          severity: sock || sensitive ? 'error' : undefined,
          aliases,
        });
      }
    }
  },
};
