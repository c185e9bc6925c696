import type { Rule } from '../../engine/types';
import { get, isMap, isScalar, rangeOf, scalarString } from '../../yaml/yaml';
import type { Scalar } from 'yaml';
import { parseUses, repoRoot, usedMajor } from '../facts';
import { addWithEntries } from '../fixes';
import { resolveStepAction } from '../local';
import type { ActionsModel } from '../model';

export const actionInputs: Rule<ActionsModel> = {
  id: 'actions/action-inputs',
  aliases: ['actionlint/action'],
  severity: 'warning',
  profile: 'recommended',
  category: 'correctness',
  fixable: true,
  description: '`with:` inputs that the action does not declare, required inputs that are missing, deprecated inputs.',
  docs: `Inputs are checked against the action's own \`action.yml\`: for local actions (\`uses: ./path\`) it is read
from the workspace; for popular actions (checkout, setup-*, cache, artifacts, docker/*, codeql…) a built-in table
generated from their \`action.yml\` at a known version is used, only for that major version (a SHA pin's \`# vN\`
comment counts) and only where the table is known to list every input of that major; deprecations are always shown. An unknown input is
ignored by the runner (usually a typo); a missing required input fails at run time.`,
  check(ctx) {
    const model = ctx.model;
    const root = repoRoot(ctx.path, ctx.workspace);
    for (const step of model.steps) {
      const usesNode = get(step.node, 'uses');
      const uses = scalarString(usesNode);
      if (!uses) continue;
      const meta = resolveStepAction(ctx.workspace, root, uses, usedMajor(model, usesNode as Scalar, parseUses(uses)));
      if (!meta) continue;
      const withNode = get(step.node, 'with');
      const given = new Map<string, unknown>();
      if (isMap(withNode)) for (const p of withNode.items) if (isScalar(p.key)) given.set(String(p.key.value), p.key);
      if (withNode !== undefined && !isMap(withNode) && !(isScalar(withNode) && withNode.value === null)) continue;
      for (const [name, keyNode] of given) {
        const spec = meta.inputs[name] ?? Object.entries(meta.inputs).find(([k]) => k.toLowerCase() === name.toLowerCase())?.[1];
        const range = rangeOf(model.index, keyNode as never)!;
        if (!spec) {
          if (!meta.complete) continue;
          const known = Object.keys(meta.inputs);
          const near = known.find((k) => k.replace(/[-_]/g, '') === name.replace(/[-_]/g, '').toLowerCase());
          ctx.report({
            range,
            message: `"${meta.source}" has no input "${name}"${near ? ` — did you mean "${near}"?` : `; it takes: ${known.join(', ') || 'no inputs'}.`}`,
            fix: near ? { title: `Rename to ${near}`, edits: [{ range, newText: near }] } : undefined,
          });
        } else if (spec.deprecated) {
          ctx.report({ range, severity: 'info', tags: ['deprecated'], message: `Input "${name}" of "${meta.source}" is deprecated: ${spec.deprecated}` });
        }
      }
      const missing = meta.complete ? Object.entries(meta.inputs).filter(([k, s]) => s.required && !s.hasDefault && !given.has(k)).map(([k]) => k) : [];
      if (missing.length) {
        const edit = addWithEntries(model, step, Object.fromEntries(missing.map((k) => [k, ''])));
        ctx.report({
          range: rangeOf(model.index, usesNode)!,
          message: `"${meta.source}" requires input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}.`,
          fix: edit ? { title: `Add ${missing.join(', ')}`, edits: [edit], safe: false } : undefined,
        });
      }
    }
  },
};
