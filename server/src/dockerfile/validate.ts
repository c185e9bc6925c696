// Syntax validation: what the Docker builder rejects. dockerfile-utils' validator does most of it (arguments,
// flags and their values, ports, signals, durations, ONBUILD, escape directive); we add RUN's flags, and leave out
// what our own rules report (casing, MAINTAINER, WORKDIR, duplicate instructions and stage names...).
import { DockerfileParser, Onbuild, type Dockerfile, type Flag, type Instruction, type ModifiableInstruction } from 'dockerfile-ast';
import { validate, ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import { Validator } from 'dockerfile-utils/lib/dockerValidator';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range, Report, Severity } from '../engine/types';
import type { DockerfileModel } from './model';
import { dockerfileParts } from './parts';

// Every key set explicitly: a partial settings object silently disables the keys it leaves out.
const SETTINGS: Required<ValidatorSettings> = {
  deprecatedMaintainer: ValidationSeverity.IGNORE, // MaintainerDeprecated / DL4000
  directiveCasing: ValidationSeverity.IGNORE, // the builder accepts any casing
  emptyContinuationLine: ValidationSeverity.IGNORE, // NoEmptyContinuation
  instructionCasing: ValidationSeverity.IGNORE, // ConsistentInstructionCasing
  instructionCmdMultiple: ValidationSeverity.IGNORE, // MultipleInstructionsDisallowed / DL4003
  instructionEntrypointMultiple: ValidationSeverity.IGNORE, // MultipleInstructionsDisallowed / DL4004
  instructionHealthcheckMultiple: ValidationSeverity.IGNORE, // MultipleInstructionsDisallowed
  instructionJSONInSingleQuotes: ValidationSeverity.WARNING,
  instructionWorkdirRelative: ValidationSeverity.IGNORE, // WorkdirRelativePath / DL3000
};

// Codes our rules report with a BuildKit name, or that the current builder accepts.
const COVERED = new Set<number>([ValidationCode.DUPLICATE_BUILD_STAGE_NAME, ValidationCode.BASE_NAME_EMPTY]);
// Flags newer than dockerfile-utils' tables.
const NEWER_FLAGS: Record<string, string[]> = { ADD: ['unpack'], COPY: [] };

const RUN_FLAGS = new Set(['mount', 'network', 'security', 'device']);
const NETWORK = new Set(['default', 'none', 'host']);
const SECURITY = new Set(['insecure', 'sandbox']);
const MOUNT_TYPES = new Set(['bind', 'cache', 'tmpfs', 'secret', 'ssh']);
const MOUNT_KEYS = new Set(['type', 'from', 'source', 'src', 'target', 'dst', 'destination', 'readonly', 'ro', 'readwrite', 'rw', 'id', 'sharing', 'required', 'mode', 'uid', 'gid', 'size', 'env']);
const SHARING = new Set(['shared', 'private', 'locked']);

type Problem = Report & { ruleId?: string };

function runFlagProblems(flag: Flag): Problem[] {
  const name = flag.getName();
  const value = flag.getValue();
  const valueRange = flag.getValueRange() ?? flag.getNameRange();
  if (!RUN_FLAGS.has(name)) return [{ range: flag.getNameRange(), message: `Unknown flag for RUN: --${name} (known: --mount, --network, --security).` }];
  if (value === null || value === '') return [{ range: flag.getRange(), message: `Flag --${name} needs a value.` }];
  if (value.includes('$')) return [];
  if (name === 'network' && !NETWORK.has(value)) return [{ range: valueRange, message: `Unsupported network mode "${value}" for RUN --network (default, none or host).` }];
  if (name === 'security' && !SECURITY.has(value)) return [{ range: valueRange, message: `Unsupported security mode "${value}" for RUN --security (insecure or sandbox).` }];
  if (name !== 'mount') return [];
  const out: Problem[] = [];
  for (const opt of flag.getOptions()) {
    const key = opt.getName().toLowerCase();
    const v = opt.getValue();
    if (!MOUNT_KEYS.has(key)) out.push({ range: opt.getNameRange(), message: `Unknown key "${opt.getName()}" in RUN --mount.` });
    else if (key === 'type' && v !== null && !MOUNT_TYPES.has(v.toLowerCase())) out.push({ range: opt.getValueRange() ?? opt.getRange(), message: `Unknown mount type "${v}" (bind, cache, tmpfs, secret or ssh).` });
    else if (key === 'sharing' && v !== null && !SHARING.has(v.toLowerCase())) out.push({ range: opt.getValueRange() ?? opt.getRange(), message: `Unknown sharing mode "${v}" (shared, private or locked).` });
  }
  return out;
}

/** Container ports beyond 65535 or reversed ranges (`8080-80`), which dockerfile-utils lets through. */
function portRangeProblems(ins: Instruction): Problem[] {
  const out: Problem[] = [];
  for (const arg of ins.getArguments()) {
    const m = /^(?:.*:)?(\d+)(?:-(\d+))?(?:\/\w*)?$/.exec(arg.getValue());
    if (!m) continue;
    const start = Number(m[1]);
    const end = m[2] === undefined ? start : Number(m[2]);
    if (start > 65535 || end > 65535) out.push({ range: arg.getRange(), message: `Invalid containerPort: ${arg.getValue()} (ports go up to 65535)` });
    else if (end < start) out.push({ range: arg.getRange(), message: `Invalid port range: ${arg.getValue()} (the range ends before it starts)` });
  }
  return out;
}

function severityOf(diagnosticSeverity: number | undefined): Severity | undefined {
  return diagnosticSeverity === 2 ? 'warning' : undefined;
}

type Diagnostic = ReturnType<typeof validate>[number] & { instructionLine?: number | null };

interface ValidatorInternals {
  document: TextDocument;
  checkDirectives(dockerfile: Dockerfile, problems: Diagnostic[]): void;
  validateInstruction(document: TextDocument, escapeChar: string, instruction: Instruction, keyword: string, isTrigger: boolean, problems: Diagnostic[]): void;
  checkVariables(instruction: Instruction, problems: Diagnostic[]): void;
}

/**
 * What the validator finds in one instruction or one part of the file (and in ONBUILD triggers), and our own checks
 * of RUN flags and EXPOSE ports, lines relative to its first line; `count`: how many instructions it covers.
 */
interface Validated {
  main: Diagnostic[];
  trigger: Diagnostic[];
  extra: Problem[];
  count: number;
}

/**
 * The validator's findings per instruction and per stage of the previous version of each recent file (by path). Its
 * per-instruction checks read the instruction's own lines and the escape character only; the others (parser
 * directives, a missing FROM, duplicates, `dockerfile-utils: ignore` comments) are file-wide and run on every
 * version, below. A stage's part of the file (parts.ts) holds whole instructions: the same text, the same findings.
 */
const validatedBefore = new Map<string, { items: Map<string, Validated>; escape: string; parts: Map<string, Validated> }>();
const KEEP = 8;

const noSourceImage = (range: Range): Diagnostic =>
  (Validator as unknown as { createNoSourceImage(start: Position, end: Position): Diagnostic }).createNoSourceImage(range.start, range.end);

function shiftDiagnostic(d: Diagnostic, by: number): Diagnostic {
  if (by === 0) return d;
  return { ...d, range: shiftRange(d.range, by), instructionLine: d.instructionLine === null || d.instructionLine === undefined ? d.instructionLine : d.instructionLine + by };
}

function shiftRange(r: Range, by: number): Range {
  return { start: { line: r.start.line + by, character: r.start.character }, end: { line: r.end.line + by, character: r.end.character } };
}

const shiftProblem = (p: Problem, by: number): Problem => (by === 0 ? p : { ...p, range: shiftRange(p.range, by) });

function shifted(v: Validated, by: number): Validated {
  if (by === 0) return v;
  return { main: v.main.map((d) => shiftDiagnostic(d, by)), trigger: v.trigger.map((d) => shiftDiagnostic(d, by)), extra: v.extra.map((p) => shiftProblem(p, by)), count: v.count };
}

/** Our own checks of one instruction: RUN flags and EXPOSE port ranges. */
function extraProblems(ins: Instruction): Problem[] {
  const keyword = ins.getKeyword();
  if (keyword === 'RUN') return (ins as ModifiableInstruction).getFlags().flatMap(runFlagProblems);
  if (keyword === 'EXPOSE') return portRangeProblems(ins);
  return [];
}

/**
 * dockerfile-utils' `validate` (with our own checks in `extra`), in the same order with the same results, except
 * that the per-instruction checks of a stage or an instruction whose text (and the escape character) are those of
 * the previous version are taken from that version, moved by the line shift.
 */
function validateIncrementally(model: DockerfileModel, key: string | undefined): { diagnostics: Diagnostic[]; extra: Problem[] } | undefined {
  const ast = model.ast;
  const document = (ast as unknown as { document: TextDocument }).document;
  if (!document || document.getText() !== model.text) return undefined;
  const validator = new Validator(SETTINGS) as unknown as ValidatorInternals;
  validator.document = document;
  const problems: Diagnostic[] = [];
  validator.checkDirectives(ast, problems);
  const instructions = ast.getInstructions();
  if (instructions.length === 0 || ast.getARGs().length === instructions.length) {
    problems.push(noSourceImage({ start: document.positionAt(0), end: document.positionAt(0) }));
  }
  // CMD/ENTRYPOINT/HEALTHCHECK duplicates are off (SETTINGS); duplicate stage names are dropped (COVERED).
  const escapeChar = ast.getEscapeCharacter();
  const before = key === undefined ? undefined : validatedBefore.get(key);
  const previous = before?.items;
  const next = new Map<string, Validated>();
  // Parts by their key (parts.ts: their text, and that of the stages they build on), for one escape character.
  const previousParts = before?.escape === escapeChar ? before.parts : undefined;
  const nextParts = new Map<string, Validated>();
  const text = model.text;
  const index = model.index;
  const triggers: Diagnostic[] = [];
  const extra: Problem[] = [];
  let hasFrom = false;
  const add = (v: Validated) => {
    problems.push(...v.main);
    triggers.push(...v.trigger);
    extra.push(...v.extra);
  };
  // `cached`: by the instruction's text (files that cannot be split into parts); stages are cached as a whole.
  const validateOne = (instruction: Instruction, cached: boolean): Validated => {
    const keyword = instruction.getKeyword();
    if (keyword === 'FROM') hasFrom = true;
    else if (!hasFrom && keyword !== 'ARG') {
      problems.push(noSourceImage(instruction.getInstructionRange()));
      hasFrom = true;
    }
    const range = instruction.getRange();
    const firstLine = range.start.line;
    // The instruction's whole lines (the empty-continuation check reads them), where it starts, the escape character.
    let cacheKey: string | undefined;
    if (cached) {
      const from = index.offsetAt({ line: firstLine, character: 0 });
      const to = range.end.line + 1 < index.lineCount ? index.offsetAt({ line: range.end.line + 1, character: 0 }) : text.length;
      cacheKey = `${escapeChar}${range.start.character}\0${text.slice(from, to)}`;
    }
    let validated = cacheKey === undefined ? undefined : (next.get(cacheKey) ?? previous?.get(cacheKey));
    if (!validated) {
      const main: Diagnostic[] = [];
      validator.validateInstruction(document, escapeChar, instruction, keyword, false, main);
      validator.checkVariables(instruction, main);
      const trigger: Diagnostic[] = [];
      const triggerInstruction = instruction instanceof Onbuild ? instruction.getTriggerInstruction() : null;
      if (triggerInstruction) validator.validateInstruction(document, escapeChar, triggerInstruction, triggerInstruction.getKeyword(), true, trigger);
      validated = shifted({ main, trigger, extra: extraProblems(instruction), count: 1 }, -firstLine);
    }
    if (cacheKey !== undefined) next.set(cacheKey, validated);
    const out = shifted(validated, firstLine);
    add(out);
    return out;
  };

  const parts = dockerfileParts(model);
  let i = 0;
  for (const part of parts ?? []) {
    const firstLine = index.positionAt(part.start).line;
    // The lines before the first stage are validated instruction by instruction (a missing FROM is found there).
    if (i === 0 && instructions[0] !== model.stages[0]?.from) {
      while (i < instructions.length && index.offsetAt(instructions[i].getRange().start) < part.end) validateOne(instructions[i++], false);
      continue;
    }
    const kept = nextParts.get(part.key) ?? previousParts?.get(part.key);
    if (kept) {
      add(shifted(kept, firstLine));
      hasFrom = true;
      i += kept.count;
      nextParts.set(part.key, kept);
      continue;
    }
    const whole: Validated = { main: [], trigger: [], extra: [], count: 0 };
    const problemsBefore = problems.length;
    while (i < instructions.length && index.offsetAt(instructions[i].getRange().start) < part.end) {
      const v = validateOne(instructions[i++], false);
      whole.trigger.push(...v.trigger);
      whole.extra.push(...v.extra);
      whole.count++;
    }
    whole.main = problems.slice(problemsBefore);
    nextParts.set(part.key, shifted(whole, -firstLine));
  }
  while (i < instructions.length) validateOne(instructions[i++], !parts);
  problems.push(...triggers);
  if (key !== undefined) {
    validatedBefore.delete(key);
    validatedBefore.set(key, { items: next, escape: escapeChar, parts: nextParts });
    if (validatedBefore.size > KEEP) validatedBefore.delete(validatedBefore.keys().next().value!);
  }
  const ignoredLines: number[] = [];
  for (const comment of ast.getComments()) if (comment.getContent() === 'dockerfile-utils: ignore') ignoredLines.push(comment.getRange().start.line);
  const diagnostics = ignoredLines.length
    ? problems.filter((p) => p.instructionLine === null || p.instructionLine === undefined || !ignoredLines.some((l) => l + 1 === p.instructionLine))
    : problems;
  return { diagnostics, extra };
}

/** Forgets the validator results kept per file. */
export function clearValidationCache(): void {
  validatedBefore.clear();
}

/**
 * Problems the builder would reject, on the exact tokens. Never throws: a validator failure yields nothing.
 * `key` (the file's path) lets the next version of the file reuse the validation of unchanged instructions;
 * `wholeFile` runs dockerfile-utils' validator as it is, over the whole file (tests compare the two).
 */
export function syntaxProblems(model: DockerfileModel, key?: string, opts: { wholeFile?: boolean } = {}): Problem[] {
  const out: Problem[] = [];
  let diagnostics: Diagnostic[] = [];
  let extra: Problem[] | undefined;
  // The validator parses the text again with dockerfile-ast; hand it our parse of the same text instead (it only
  // reads the tree), which halves the cost of syntax validation.
  const parse = DockerfileParser.parse;
  DockerfileParser.parse = (text: string) => (text === model.text ? model.ast : parse.call(DockerfileParser, text));
  try {
    const incremental = opts.wholeFile ? undefined : validateIncrementally(model, key);
    diagnostics = incremental?.diagnostics ?? validate(model.text, SETTINGS);
    extra = incremental?.extra;
  } catch {
    if (key !== undefined) validatedBefore.delete(key);
    diagnostics = [];
    extra = undefined;
  } finally {
    DockerfileParser.parse = parse;
  }
  for (const d of diagnostics) {
    const code = Number(d.code);
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    if (COVERED.has(code)) continue;
    if (code === ValidationCode.INVALID_PORT && /^Invalid containerPort: \S*:/.test(message)) continue; // ExposeInvalidFormat
    const unknownFlag = /^Unknown flag: (.*)$/.exec(message);
    if (unknownFlag) {
      if (unknownFlag[1] === '') continue; // `--` ends the flags, as in `COPY -- src dst`
      const ins = model.instructions.find((i) => i.getRange().start.line <= d.range.start.line && i.getRange().end.line >= d.range.start.line);
      if (ins && NEWER_FLAGS[ins.getKeyword()]?.includes(unknownFlag[1])) continue;
    }
    out.push({ range: d.range, message, severity: severityOf(d.severity) });
  }
  if (extra) out.push(...extra);
  else for (const ins of model.instructions) out.push(...extraProblems(ins));
  return out;
}
