import type { Rule } from '../../engine/types';
import type { KubernetesModel } from '../model';

export const templatedDocument: Rule<KubernetesModel> = {
  id: 'kubernetes/templated-document',
  aliases: [],
  severity: 'info',
  profile: 'recommended',
  category: 'correctness',
  description: 'Helm or Go template documents that are not valid YAML until rendered are not checked.',
  docs: `Helm chart templates (\`templates/*.yaml\`) and other Go-templated manifests contain \`{{ … }}\` expressions.
A templated document that is not valid YAML as written (\`{{- if … }}\` blocks, \`{{ toYaml … | nindent 4 }}\`) cannot be
checked before rendering: Shipshape skips it and says so once per file, instead of reporting YAML errors that are not
yours. Templated documents that parse cleanly are checked, except for the values holding template expressions.

To check a chart fully, lint its rendered output: \`helm template . > rendered.yaml && shipshape lint rendered.yaml\`.`,
  check(ctx) {
    const skipped = (ctx.model.templatedDocuments ?? []).filter((t) => t.skipped);
    if (!skipped.length) return;
    const [start, end] = skipped[0].expression;
    const n = skipped.length;
    ctx.report({
      range: ctx.model.index.range(start, end),
      message: `${n === 1 ? 'A document' : `${n} documents`} with template expressions ({{ }}) ${n === 1 ? 'is' : 'are'} not valid YAML before rendering and ${n === 1 ? 'was' : 'were'} not checked.`,
    });
  },
};
