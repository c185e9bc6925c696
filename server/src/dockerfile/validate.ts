// Syntax validation: what the Docker builder rejects. dockerfile-utils' validator does most of it (arguments,
// flags and their values, ports, signals, durations, ONBUILD, escape directive); we add RUN's flags, and leave out
// what our own rules report (casing, MAINTAINER, WORKDIR, duplicate instructions and stage names...).
import { DockerfileParser, type Flag, type Instruction, type ModifiableInstruction } from 'dockerfile-ast';
import { validate, ValidationCode, ValidationSeverity, type ValidatorSettings } from 'dockerfile-utils';
import type { Report, Severity } from '../engine/types';
import type { DockerfileModel } from './model';

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

/** Problems the builder would reject, on the exact tokens. Never throws: a validator failure yields nothing. */
export function syntaxProblems(model: DockerfileModel): Problem[] {
  const out: Problem[] = [];
  let diagnostics: ReturnType<typeof validate> = [];
  // The validator parses the text again with dockerfile-ast; hand it our parse of the same text instead (it only
  // reads the tree), which halves the cost of syntax validation.
  const parse = DockerfileParser.parse;
  DockerfileParser.parse = (text: string) => (text === model.text ? model.ast : parse.call(DockerfileParser, text));
  try {
    diagnostics = validate(model.text, SETTINGS);
  } catch {
    diagnostics = [];
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
  for (const ins of model.instructions) {
    if (ins.getKeyword() === 'RUN') for (const flag of (ins as ModifiableInstruction).getFlags()) out.push(...runFlagProblems(flag));
    if (ins.getKeyword() === 'EXPOSE') out.push(...portRangeProblems(ins));
  }
  return out;
}
