import { indentationUnitEnd } from '../engine/suppress';
import type { Language, Suppression } from '../engine/types';
import { buildModel, type ActionsModel } from './model';
import { actionsRules } from './rules';
import { complete, hover, symbols } from './editor';
import { workflowPartContext, workflowPartLocalRules, workflowPartModel, workflowParts } from './parts';

// zizmor: `# zizmor: ignore[audit1,audit2]` on any line of the finding's span. Our findings start at the flagged
// token, so a comment covers its own line and, on a line that opens a block (`run: |`, `- uses:` with `with:`
// below), the lines of that block.
const ZIZMOR = /#\s*zizmor:\s*ignore\[([^\]]+)\]/;

function zizmorSuppressions(model: ActionsModel): Suppression[] {
  const out: Suppression[] = [];
  if (!model.text.includes('zizmor')) return out;
  for (let line = 0; line < model.index.lineCount; line++) {
    const m = ZIZMOR.exec(model.index.lineText(line));
    if (m) out.push({ rules: m[1].split(/[\s,]+/).filter(Boolean).map((a) => `zizmor/${a}`), fromLine: line, toLine: indentationUnitEnd(model.index, line) });
  }
  return out;
}

function makeLanguage(kind: 'workflow' | 'action'): Language<ActionsModel> {
  return {
    kind,
    parse(text, path) {
      const model = buildModel(text, kind, path);
      return { model, problems: model.yaml.problems.map((p) => ({ ...p, ruleId: 'actions/syntax' })) };
    },
    rules: actionsRules,
    options: ['shellcheck', 'shellcheckPath', 'selfHostedRunnerLabels', 'defaultTimeoutMinutes', 'unpinnedUses'],
    suppressions: zizmorSuppressions,
    hover: (model, position) => hover(model, position),
    complete: (model, position, ctx) => complete(model, ctx.text, position),
    symbols,
    // Finding reuse per job (parts.ts); action metadata files are small and stay whole.
    ...(kind === 'workflow'
      ? { parts: (model: ActionsModel) => workflowParts(model), partLocalRules: workflowPartLocalRules, partContext: workflowPartContext, partModel: workflowPartModel }
      : {}),
  };
}

export const workflowLanguage = makeLanguage('workflow');
export const actionLanguage = makeLanguage('action');
