// Operands of COPY/ADD and flag lookups, read from dockerfile-ast with exact ranges.
import type { Flag, Instruction, JSONInstruction, ModifiableInstruction, Onbuild } from 'dockerfile-ast';
import type { Range } from '../engine/types';
import type { DockerfileModel } from './model';
import { jsonArgv, jsonString } from './run-model';

export interface Operand {
  value: string;
  range: Range;
  start: number;
  end: number;
}

export interface CopyParts {
  sources: Operand[];
  dest?: Operand;
  json: boolean;
  /** `COPY <<EOF /dest`: sources are here-documents. */
  heredoc: boolean;
}

export function flagsOf(ins: Instruction): Flag[] {
  return typeof (ins as ModifiableInstruction).getFlags === 'function' ? (ins as ModifiableInstruction).getFlags() : [];
}

export function flag(ins: Instruction, name: string): Flag | undefined {
  return flagsOf(ins).find((f) => f.getName().toLowerCase() === name);
}

/** Sources and destination of a COPY or ADD (JSON form: strings without their quotes). */
export function copyParts(model: DockerfileModel, ins: Instruction): CopyParts {
  const operand = (value: string, range: Range): Operand => ({ value, range, start: model.index.offsetAt(range.start), end: model.index.offsetAt(range.end) });
  if (jsonArgv(ins)) {
    const strings = (ins as JSONInstruction).getJSONStrings().map((s) => {
      const r = s.getRange();
      const inner = { start: { line: r.start.line, character: r.start.character + 1 }, end: { line: r.end.line, character: r.end.character - 1 } };
      return operand(jsonString(model.text.slice(model.index.offsetAt(r.start), model.index.offsetAt(r.end))), inner);
    });
    return { sources: strings.slice(0, -1), dest: strings[strings.length - 1], json: true, heredoc: false };
  }
  const args = ins.getArguments();
  const heredoc = args.some((a) => a.getValue().startsWith('<<'));
  if (heredoc) {
    const firstLine = args[0].getRange().start.line;
    const onLine = args.filter((a) => a.getRange().start.line === firstLine);
    const last = onLine[onLine.length - 1];
    return { sources: [], dest: last && !last.getValue().startsWith('<<') ? operand(last.getValue(), last.getRange()) : undefined, json: false, heredoc };
  }
  const ops = args.map((a) => operand(a.getValue(), a.getRange()));
  return { sources: ops.slice(0, -1), dest: ops[ops.length - 1], json: false, heredoc: false };
}

/** The value of a flag with its range (the part after `=`). */
export function flagValue(ins: Instruction, name: string): { value: string; range: Range } | undefined {
  const f = flag(ins, name);
  const value = f?.getValue();
  const range = f?.getValueRange();
  return f && value != null && range ? { value, range } : undefined;
}

/** Raw text of an instruction's arguments. */
export function argumentsText(model: DockerfileModel, ins: Instruction): { text: string; start: number } | undefined {
  const range = ins.getArgumentsRange();
  if (!range) return undefined;
  const start = model.index.offsetAt(range.start);
  return { text: model.text.slice(start, model.index.offsetAt(range.end)), start };
}

/** The instructions of the file with each `ONBUILD` replaced by its trigger (which runs in child builds). */
export function* withTriggers(instructions: Instruction[]): Generator<Instruction> {
  for (const ins of instructions) {
    if (ins.getKeyword() !== 'ONBUILD') {
      yield ins;
      continue;
    }
    const trigger = (ins as Onbuild).getTriggerInstruction();
    if (trigger) yield trigger;
  }
}
