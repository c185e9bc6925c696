// Stage-name helpers for the BuildKit checks and their fixes: every place that names a stage.
import type { Flag, Instruction, ModifiableInstruction } from 'dockerfile-ast';
import type { Range, TextEdit } from '../engine/types';
import type { DockerfileModel } from './model';

function flagsOf(ins: Instruction): Flag[] {
  const withFlags = ins as ModifiableInstruction;
  return typeof withFlags.getFlags === 'function' ? withFlags.getFlags() : [];
}

/** Ranges of every reference to a stage name: `FROM <name>`, `COPY --from=<name>`, `RUN --mount=...,from=<name>`. */
export function stageReferences(model: DockerfileModel, name: string): Range[] {
  const lower = name.toLowerCase();
  const out: Range[] = [];
  for (const stage of model.stages) {
    const image = stage.from.getImage();
    const range = stage.from.getImageRange();
    if (image && range && image.toLowerCase() === lower && stage.index > 0) out.push(range);
  }
  for (const ins of model.instructions) {
    for (const flag of flagsOf(ins)) {
      if (flag.getName() === 'from' && flag.getValue()?.toLowerCase() === lower && flag.getValueRange()) out.push(flag.getValueRange()!);
      if (flag.getName() === 'mount') {
        for (const opt of flag.getOptions()) {
          if (opt.getName() === 'from' && opt.getValue()?.toLowerCase() === lower && opt.getValueRange()) out.push(opt.getValueRange()!);
        }
      }
    }
  }
  return out;
}

/** Edits renaming a stage at its definition and every reference. */
export function renameStageEdits(model: DockerfileModel, definition: Range, oldName: string, newName: string): TextEdit[] {
  return [{ range: definition, newText: newName }, ...stageReferences(model, oldName).map((range) => ({ range, newText: newName }))];
}
