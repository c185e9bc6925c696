import type { Rule } from '../../engine/types';
import { get, isMap, isScalar, rangeOf, type Node } from '../../yaml/yaml';
import { eachContextPath, repoRoot } from '../facts';
import { localWorkflow, type WorkflowCallSpec } from '../local';
import type { ActionsModel } from '../model';

/** The type a literal `with:` value has, or undefined for expressions (checked at run time). */
function literalType(node: unknown): string | undefined {
  if (!isScalar(node)) return undefined;
  if (typeof node.value === 'string' && node.value.includes('${{')) return undefined;
  if (typeof node.value === 'boolean') return 'boolean';
  if (typeof node.value === 'number') return 'number';
  return 'string';
}

export const reusableWorkflowCall: Rule<ActionsModel> = {
  id: 'actions/reusable-workflow-call',
  aliases: ['actionlint/workflow-call'],
  severity: 'error',
  profile: 'recommended',
  category: 'correctness',
  description: 'A call to a local reusable workflow passes unknown or mistyped inputs/secrets, misses required ones, or reads undeclared outputs.',
  docs: `For \`uses: ./.github/workflows/x.yml\` the callee's \`on.workflow_call\` is read from the workspace: \`with:\`
must match its \`inputs\` (names, required, types), \`secrets:\` its \`secrets\`, and \`needs.<job>.outputs.<x>\` its
\`outputs\`. GitHub rejects such calls when the run starts.`,
  check(ctx) {
    const model = ctx.model;
    const root = repoRoot(ctx.path, ctx.workspace);
    if (!root || model.kind !== 'workflow') return;
    const callees = new Map<string, WorkflowCallSpec>();
    for (const ref of model.uses) {
      if (ref.at !== 'job' || !ref.job || !/^\.\/\.github\/workflows\/[^/@]+\.ya?ml$/.test(ref.value.trim())) continue;
      const spec = localWorkflow(ctx.workspace, root, ref.value.trim());
      const usesRange = rangeOf(model.index, ref.node)!;
      if (!spec) {
        ctx.report({ range: usesRange, severity: 'warning', message: `${ref.value.trim()} was not found in the workspace.` });
        continue;
      }
      if (!spec.callable) {
        ctx.report({ range: usesRange, message: `${ref.value.trim()} has no "workflow_call" trigger, so it cannot be called.` });
        continue;
      }
      callees.set(ref.job.id, spec);
      const withNode = get(ref.job.node, 'with');
      const given = new Set<string>();
      if (isMap(withNode)) {
        for (const p of withNode.items) {
          if (!isScalar(p.key)) continue;
          const name = String(p.key.value);
          given.add(name);
          const input = spec.inputs[name];
          const r = rangeOf(model.index, p.key as Node)!;
          if (!input) ctx.report({ range: r, message: `${ref.value.trim()} declares no input "${name}"; it takes: ${Object.keys(spec.inputs).join(', ') || 'no inputs'}.` });
          else {
            const t = literalType(p.value);
            if (t && input.type && t !== input.type && !(input.type === 'string' && t !== 'string')) {
              ctx.report({ range: rangeOf(model.index, p.value as Node)!, severity: 'warning', message: `Input "${name}" is a ${input.type}, not a ${t}.` });
            }
          }
        }
      }
      const missing = Object.entries(spec.inputs).filter(([k, i]) => i.required && !i.hasDefault && !given.has(k)).map(([k]) => k);
      if (missing.length) ctx.report({ range: usesRange, message: `${ref.value.trim()} requires input${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}.` });
      const secrets = get(ref.job.node, 'secrets');
      if (isScalar(secrets) && secrets.value === 'inherit') continue;
      const passed = new Set<string>();
      if (isMap(secrets)) {
        for (const p of secrets.items) {
          if (!isScalar(p.key)) continue;
          const name = String(p.key.value);
          passed.add(name);
          if (!spec.secrets[name]) ctx.report({ range: rangeOf(model.index, p.key as Node)!, message: `${ref.value.trim()} declares no secret "${name}".` });
        }
      }
      const missingSecrets = Object.entries(spec.secrets).filter(([k, s]) => s.required && !passed.has(k)).map(([k]) => k);
      if (missingSecrets.length) ctx.report({ range: usesRange, message: `${ref.value.trim()} requires secret${missingSecrets.length > 1 ? 's' : ''} ${missingSecrets.map((m) => `"${m}"`).join(', ')}.` });
    }
    if (!callees.size) return;
    eachContextPath(model, (p) => {
      const m = /^needs\.([^.]+)\.outputs\.([^.*]+)$/.exec(p.path);
      const spec = m && [...callees].find(([id]) => id.toLowerCase() === m[1])?.[1];
      if (!m || !spec || spec.outputs.some((o) => o.toLowerCase() === m[2])) return;
      const name = model.text.slice(p.start, p.end).split('.').pop()!;
      ctx.report({ range: model.index.range(p.end - name.length, p.end), severity: 'warning', message: `The reusable workflow of job "${m[1]}" declares no output "${name}".` });
    });
  },
};
