// Dockerfile hover: the instruction under the cursor, its flags, and `--mount` option keys and types.
import type { Flag, Instruction } from 'dockerfile-ast';
import { comparePositions } from '../../engine/text';
import type { HoverInfo, Position, Range } from '../../engine/types';
import type { DockerfileModel } from '../model';
import { INSTRUCTION_BY_KEYWORD, MOUNT_KEYS, MOUNT_KEY_VALUES, type InstructionInfo } from './reference';

const within = (r: Range, p: Position) => comparePositions(r.start, p) <= 0 && comparePositions(p, r.end) <= 0;

export function instructionAt(model: DockerfileModel, p: Position): Instruction | undefined {
  return model.instructions.find((ins) => within(ins.getRange(), p));
}

export function flagsOf(ins: Instruction): Flag[] {
  const withFlags = ins as Instruction & { getFlags?: () => Flag[] };
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}

function instructionDoc(info: InstructionInfo): string {
  return `**${info.keyword}** — \`${info.syntax}\`\n\n${info.doc}`;
}

export function dockerfileHover(model: DockerfileModel, p: Position): HoverInfo | undefined {
  const ins = instructionAt(model, p);
  if (!ins) return undefined;
  const keyword = ins.getKeyword().toUpperCase();
  const info = INSTRUCTION_BY_KEYWORD.get(keyword);
  if (!info) return undefined;
  if (within(ins.getInstructionRange(), p)) return { contents: instructionDoc(info), range: ins.getInstructionRange() };
  for (const flag of flagsOf(ins)) {
    if (!within(flag.getRange(), p)) continue;
    const name = flag.getName();
    const flagInfo = info.flags.find((f) => f.name === name);
    if (name === 'mount') {
      const type = flag.getOption('type')?.getValue() ?? 'bind';
      for (const option of flag.getOptions()) {
        if (!within(option.getRange(), p)) continue;
        const key = option.getName();
        const known = (MOUNT_KEYS[type] ?? []).find((k) => k.value === key) ?? (key === 'type' ? { value: 'type', doc: 'Kind of mount: `cache`, `secret`, `ssh`, `bind` (default) or `tmpfs`.' } : undefined);
        const valueDoc = MOUNT_KEY_VALUES[key]?.find((v) => v.value === option.getValue())?.doc;
        if (known) return { contents: `\`--mount\` option **${key}** (type \`${type}\`)\n\n${known.doc}${valueDoc ? `\n\n\`${option.getValue()}\`: ${valueDoc}` : ''}`, range: option.getRange() };
      }
    }
    if (flagInfo) {
      const valueDoc = flagInfo.values?.find((v) => v.value === flag.getValue())?.doc;
      return { contents: `**${keyword} --${name}**\n\n${flagInfo.doc}${valueDoc ? `\n\n\`${flag.getValue()}\`: ${valueDoc}` : ''}`, range: flag.getRange() };
    }
    return { contents: `**${keyword} --${name}** is not a flag of ${keyword}. Known flags: ${info.flags.map((f) => `\`--${f.name}\``).join(', ') || 'none'}.`, range: flag.getRange() };
  }
  return undefined;
}
