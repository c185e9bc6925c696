import * as path from 'node:path';
import type { Rule } from '../../engine/types';
import { get, isMap, isSeq, rangeOf, scalarString, type Node } from '../../yaml/yaml';
import type { KubernetesModel } from '../model';
import { KUSTOMIZATION_FILE } from '../schema/resolve';

/** Remote bases (`github.com/org/repo//dir?ref=v1`, `https://…`) are not files. */
const REMOTE = /^(?:[a-z][a-z0-9+.-]*:\/\/|git@|github\.com\/|gitlab\.com\/|bitbucket\.org\/)|\?ref=|\/\/[^/]/i;

export const kustomizeMissingFile: Rule<KubernetesModel> = {
  id: 'kubernetes/kustomize-missing-file',
  aliases: [],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'A kustomization.yaml refers to a resource, component or patch file that does not exist.',
  docs: `\`kustomize build\` (and \`kubectl apply -k\`, Argo CD, Flux) fails when \`resources\`, \`components\`, \`crds\`,
\`patches[].path\`, \`patchesStrategicMerge\` or generator \`files\`/\`envs\` name a path that is not there. Paths are
relative to the kustomization's folder; remote bases (URLs, \`?ref=\`) are not checked.

**Bad**
\`\`\`yaml
resources:
  - deploymnet.yaml
\`\`\``,
  check(ctx) {
    if (!KUSTOMIZATION_FILE.test(path.basename(ctx.path))) return;
    const root = ctx.model.yaml.docs[0]?.contents;
    if (!isMap(root)) return;
    const dir = path.dirname(ctx.path);
    const refs: Node[] = [];
    const listed = (key: string) => {
      const list = get(root, key);
      if (isSeq(list)) for (const item of list.items) refs.push(item as Node);
    };
    ['resources', 'components', 'crds', 'bases', 'patchesStrategicMerge'].forEach(listed);
    for (const key of ['patches', 'patchesJson6902']) {
      const list = get(root, key);
      if (isSeq(list)) for (const item of list.items) if (isMap(item) && get(item, 'path')) refs.push(get(item, 'path')!);
    }
    for (const key of ['configMapGenerator', 'secretGenerator']) {
      const list = get(root, key);
      if (!isSeq(list)) continue;
      for (const gen of list.items) {
        for (const field of ['files', 'envs']) {
          const files = get(gen, field);
          if (!isSeq(files)) continue;
          for (const f of files.items) refs.push(f as Node);
        }
        if (get(gen, 'env')) refs.push(get(gen, 'env')!);
      }
    }
    for (const node of refs) {
      let ref = scalarString(node);
      if (!ref || REMOTE.test(ref) || ref.includes('{{') || ref.includes('\n')) continue;
      const eq = ref.indexOf('=');
      if (eq > 0 && !ref.slice(0, eq).includes('/')) ref = ref.slice(eq + 1); // generator `key=path`
      if (ctx.workspace.exists(path.resolve(dir, ref))) continue;
      ctx.report({ range: rangeOf(ctx.model.index, node)!, message: `"${ref}" does not exist (relative to ${path.basename(dir) || dir}/).` });
    }
  },
};
