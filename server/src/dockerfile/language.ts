import type { Language, Severity, Suppression } from '../engine/types';
import { BUILDKIT_CHECKS, directiveBlockEnd, EXPERIMENTAL_CHECKS, experimentalEnabled, parseCheckDirectives, type CheckDirectives } from './directives';
import { buildModel, type DockerfileModel } from './model';
import { dockerfileRules } from './rules';
import { parseDockerfile } from './incremental';
import { limitInstructions } from './limits';
import { syntaxProblems } from './validate';
import { dockerfileCompletions, dockerfileHover, dockerfileSymbols } from './features';
import { hadolintConfig } from './hadolint-config';
import { dockerfilePartContext, dockerfilePartModel, dockerfileParts, PART_LOCAL_RULES } from './parts';

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
  if (!model.text.includes('hadolint')) return out;
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

const directivesCache = new WeakMap<DockerfileModel, CheckDirectives>();
function checkDirectives(model: DockerfileModel): CheckDirectives {
  let d = directivesCache.get(model);
  if (!d) directivesCache.set(model, (d = parseCheckDirectives(model.index, model.instructions)));
  return d;
}

// `skip=all` skips every BuildKit check except the experimental ones (they only follow `experimental=`).
const SKIPPABLE = BUILDKIT_CHECKS.filter((c) => !EXPERIMENTAL_CHECKS.has(c));
const expandSkip = (rules: string[]) => (rules.includes('all') ? SKIPPABLE : rules.filter((r) => !EXPERIMENTAL_CHECKS.has(r)));

/** `# check=skip=...` as suppressions of the rules that carry those BuildKit names. */
function checkSuppressions(model: DockerfileModel): Suppression[] {
  const d = checkDirectives(model);
  const out: Suppression[] = [];
  const fileRules = d.file.skipAll ? SKIPPABLE : expandSkip([...d.file.skip]);
  if (fileRules.length) out.push({ rules: fileRules });
  for (const local of d.local) out.push({ rules: expandSkip(local.rules), fromLine: local.fromLine, toLine: local.toLine });
  return out;
}

const BUILDKIT_NAMES = new Set(BUILDKIT_CHECKS);
const buildkitRuleIds = () => dockerfileRules.filter((r) => r.aliases.some((a) => BUILDKIT_NAMES.has(a)));

export const dockerfileLanguage: Language<DockerfileModel> = {
  kind: 'dockerfile',
  parse: (text, path) => {
    // Instructions over 128 KB are blanked (one info finding each) so that pathological files stay fast.
    const limited = limitInstructions(text, undefined, path);
    // The next version of a file reuses the unchanged instructions of the previous parse.
    const model = buildModel(limited.text, parseDockerfile(limited.text, path));
    return { model, problems: [...limited.problems, ...syntaxProblems(model, path)] };
  },
  rules: dockerfileRules,
  toolConfigs: [hadolintConfig],
  options: ['shellcheck', 'shellcheckPath', 'shellcheckExclude', 'buildContext', 'trustedRegistries', 'labelSchema', 'strictLabels'],
  suppressions: (model) => [...pragmaSuppressions(model), ...checkSuppressions(model)],
  severityOverrides(model) {
    if (!checkDirectives(model).file.error) return undefined;
    return new Map<string, Severity>(buildkitRuleIds().map((r) => [r.id, 'error']));
  },
  fileEnabledRules(model) {
    const d = checkDirectives(model);
    return buildkitRuleIds()
      .filter((r) => r.aliases.some((a) => EXPERIMENTAL_CHECKS.has(a) && experimentalEnabled(d, a)))
      .map((r) => r.id);
  },
  unitEnd: instructionEnd,
  parts: (model) => dockerfileParts(model),
  partLocalRules: PART_LOCAL_RULES,
  partContext: dockerfilePartContext,
  partModel: dockerfilePartModel,
  fileIgnoreCommentLine(model) {
    // Parser directives (`# syntax=`, `# escape=`, `# check=`) must stay first.
    return directiveBlockEnd(model.index);
  },
  hover: (model, position) => dockerfileHover(model, position),
  complete: (model, position) => dockerfileCompletions(model, position),
  symbols: (model) => dockerfileSymbols(model),
};
