// Dockerfile outline: one symbol per build stage, with its instructions as children.
import type { SymbolEntry } from '../../engine/types';
import type { DockerfileModel } from '../model';

const MAX_LABEL = 60;

function shorten(s: string): string {
  const one = s.replace(/\s*\\\r?\n\s*/g, ' ').replace(/\s+/g, ' ').trim();
  return one.length > MAX_LABEL ? `${one.slice(0, MAX_LABEL - 1)}…` : one;
}

export function dockerfileSymbols(model: DockerfileModel): SymbolEntry[] {
  return model.stages.map((stage, i) => {
    const last = stage.instructions[stage.instructions.length - 1];
    const isFinal = i === model.stages.length - 1;
    const image = stage.image?.raw ?? '';
    return {
      name: stage.from.getBuildStage() ?? `stage ${stage.index}`,
      detail: `${image}${isFinal ? ' (final)' : ''}`,
      kind: 'class',
      range: { start: stage.from.getRange().start, end: last.getRange().end },
      selectionRange: stage.from.getBuildStageRange() ?? stage.from.getInstructionRange(),
      children: stage.instructions.slice(1).map((ins) => ({
        name: ins.getKeyword().toUpperCase(),
        detail: shorten(ins.getRawArgumentsContent() ?? ''),
        kind: 'function',
        range: ins.getRange(),
        selectionRange: ins.getInstructionRange(),
      })),
    };
  });
}
