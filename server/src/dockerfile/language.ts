import type { Language, Suppression } from '../engine/types';
import { buildModel, type DockerfileModel } from './model';
import { dockerfileRules } from './rules';
import { dockerfileCompletions, dockerfileHover, dockerfileSymbols } from './features';

/** Line of the last line of the instruction that starts on or covers `line`. */
function instructionEnd(model: DockerfileModel, line: number): number {
  for (const ins of model.instructions) {
    const r = ins.getRange();
    if (r.start.line <= line && r.end.line >= line) return r.end.line;
    if (r.start.line > line) break;
  }
  return line;
}

// hadolint: `# hadolint ignore=DL3008,DL3015` above an instruction; `# hadolint global ignore=...` anywhere.
const HADOLINT = /^\s*#\s*hadolint\s+(global\s+)?ignore\s*=\s*([A-Za-z0-9_,\s-]+)/;

function pragmaSuppressions(model: DockerfileModel): Suppression[] {
  const out: Suppression[] = [];
  for (let line = 0; line < model.index.lineCount; line++) {
    const text = model.index.lineText(line);
    if (!text.includes('hadolint')) continue;
    const m = HADOLINT.exec(text);
    if (!m) continue;
    const rules = m[2].split(/[\s,]+/).filter(Boolean);
    if (m[1]) {
      out.push({ rules });
      continue;
    }
    const next = model.instructions.find((i) => i.getRange().start.line > line);
    if (next) out.push({ rules, fromLine: next.getRange().start.line, toLine: next.getRange().end.line });
  }
  return out;
}

export const dockerfileLanguage: Language<DockerfileModel> = {
  kind: 'dockerfile',
  parse: (text) => ({ model: buildModel(text), problems: [] }),
  rules: dockerfileRules,
  suppressions: (model) => pragmaSuppressions(model),
  unitEnd: instructionEnd,
  fileIgnoreCommentLine(model) {
    // Parser directives (`# syntax=`, `# escape=`, `# check=`) must stay first.
    const directives = model.ast.getDirectives();
    return directives.length ? directives[directives.length - 1].getRange().end.line + 1 : 0;
  },
  hover: (model, position) => dockerfileHover(model, position),
  complete: (model, position) => dockerfileCompletions(model, position),
  symbols: (model) => dockerfileSymbols(model),
};
