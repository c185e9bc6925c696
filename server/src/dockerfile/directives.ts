// BuildKit's `# check=` lint options: `skip=<Rule>[,<Rule>]|all`, `error=true`, `experimental=<Rule>|all`.
// At the top of the file (a parser directive) they apply to the whole file; a `# check=skip=...` comment directly
// above an instruction applies to that instruction only. The build argument BUILDKIT_DOCKERFILE_CHECK overrides the
// file's directive in BuildKit; Shipshape lints without build arguments, so only the file counts.
import type { Instruction } from 'dockerfile-ast';
import type { LineIndex } from '../engine/text';

/** BuildKit's build checks, by their exact names. */
export const BUILDKIT_CHECKS = [
  'StageNameCasing',
  'FromAsCasing',
  'NoEmptyContinuation',
  'ConsistentInstructionCasing',
  'DuplicateStageName',
  'ReservedStageName',
  'JSONArgsRecommended',
  'MaintainerDeprecated',
  'UndefinedArgInFrom',
  'WorkdirRelativePath',
  'UndefinedVar',
  'MultipleInstructionsDisallowed',
  'LegacyKeyValueFormat',
  'InvalidBaseImagePlatform',
  'RedundantTargetPlatform',
  'SecretsUsedInArgOrEnv',
  'InvalidDefaultArgInFrom',
  'FromPlatformFlagConstDisallowed',
  'CopyIgnoredFile',
  'InvalidDefinitionDescription',
  'ExposeProtoCasing',
  'ExposeInvalidFormat',
];

/** Checks BuildKit runs only when `experimental=` names them (skip= does not apply to them). */
export const EXPERIMENTAL_CHECKS = new Set(['InvalidDefinitionDescription']);

export interface CheckOptions {
  skipAll: boolean;
  skip: Set<string>;
  error: boolean;
  experimentalAll: boolean;
  experimental: Set<string>;
}

export interface CheckDirectives {
  /** File-wide options (the top-of-file directive). */
  file: CheckOptions;
  /** Line of the `# check=` directive, if any. */
  directiveLine?: number;
  /** Per-instruction skips: instruction start line → rule names (`all` for every check). */
  local: Array<{ fromLine: number; toLine: number; rules: string[] }>;
}

const DIRECTIVE = /^#\s*([a-zA-Z][a-zA-Z0-9]*)\s*=\s*(.*?)\s*$/;
const CHECK_COMMENT = /^\s*#\s*check\s*=\s*(.*)$/i;

function emptyOptions(): CheckOptions {
  return { skipAll: false, skip: new Set(), error: false, experimentalAll: false, experimental: new Set() };
}

/** Names in a comma list, each cut at the first blank (`skip=Rule // reason`). */
function names(value: string): string[] {
  return value.split(',').map((s) => s.trim().split(/\s/)[0]).filter(Boolean);
}

/** Parses `skip=...;error=...;experimental=...` as BuildKit does (unknown keys are ignored here). */
export function parseCheckOptions(value: string): CheckOptions {
  const out = emptyOptions();
  for (const part of value.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const key = part.slice(0, eq).trim().toLowerCase();
    const v = part.slice(eq + 1).trim();
    if (key === 'skip') {
      const list = names(v);
      if (list.length === 1 && list[0] === 'all') out.skipAll = true;
      else list.forEach((n) => out.skip.add(n));
    } else if (key === 'experimental') {
      const list = names(v);
      if (list.length === 1 && list[0] === 'all') out.experimentalAll = true;
      else list.forEach((n) => out.experimental.add(n));
    } else if (key === 'error') {
      out.error = /^(1|t|true)$/i.test(v.split(/\s/)[0] ?? '');
    }
  }
  return out;
}

/** Line (0-based) where parser directives end: the first line that is not `# key=value`. */
export function directiveBlockEnd(index: LineIndex): number {
  let line = 0;
  for (; line < index.lineCount; line++) {
    const text = index.lineText(line).replace(/^\uFEFF/, '');
    if (!DIRECTIVE.test(text)) break;
  }
  return line;
}

export function parseCheckDirectives(index: LineIndex, instructions: Instruction[]): CheckDirectives {
  const result: CheckDirectives = { file: emptyOptions(), local: [] };
  const end = directiveBlockEnd(index);
  for (let line = 0; line < end; line++) {
    const m = DIRECTIVE.exec(index.lineText(line).replace(/^\uFEFF/, ''));
    if (m && m[1].toLowerCase() === 'check') {
      result.file = parseCheckOptions(m[2]);
      result.directiveLine = line;
    }
  }

  // A `# check=skip=` comment in the comment block directly above an instruction covers that instruction (a file
  // without any `check=` has none: one search instead of a look above every instruction).
  if (!/check\s*=/i.test(index.text)) return result;
  for (const ins of instructions) {
    const r = ins.getRange();
    for (let line = r.start.line - 1; line >= end; line--) {
      const text = index.lineText(line);
      if (!/^\s*#/.test(text)) break;
      const m = CHECK_COMMENT.exec(text);
      if (!m) continue;
      const opts = parseCheckOptions(m[1]);
      const rules = opts.skipAll ? ['all'] : [...opts.skip];
      if (rules.length) result.local.push({ fromLine: r.start.line, toLine: r.end.line, rules });
    }
  }
  return result;
}

/** Whether an experimental check is switched on by the file. */
export function experimentalEnabled(d: CheckDirectives, check: string): boolean {
  return d.file.experimentalAll || d.file.experimental.has(check);
}
