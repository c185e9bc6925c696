// The final stage as the image users run: its instructions including those of the stages it builds on, its base
// image's distro family, and where to insert lines before CMD/ENTRYPOINT.
import type { Instruction } from 'dockerfile-ast';
import type { Range } from '../engine/types';
import type { DockerfileModel, Stage } from './model';

/** A stage and the stages it builds on (`FROM base`), oldest first. */
export function stageChain(stage: Stage): Stage[] {
  const chain: Stage[] = [];
  for (let s: Stage | undefined = stage; s && !chain.includes(s); s = s.parent) chain.unshift(s);
  return chain;
}

/** Instructions that shape the final image, oldest first (`FROM base` chains included). */
export function finalImageInstructions(model: DockerfileModel): { stage: Stage; instructions: Instruction[] } | undefined {
  const stage = model.stages[model.stages.length - 1];
  if (!stage) return undefined;
  return { stage, instructions: stageChain(stage).flatMap((s) => s.instructions.slice(1)) };
}

/** The stage the chain starts from (its FROM names the base image). */
export function rootImage(stage: Stage): Stage {
  return stageChain(stage)[0];
}

export type Distro = 'alpine' | 'debian' | 'rhel' | 'node' | 'none' | 'unknown';

/** Distro family of a base image, from its name and tag (no registry access). */
export function distroOf(stage: Stage): Distro {
  const img = rootImage(stage).image;
  if (!img || img.unresolved) return 'unknown';
  const name = img.name.toLowerCase();
  const tag = (img.tag ?? '').toLowerCase();
  const base = name.split('/').pop()!;
  if (name === 'scratch' || /distroless|chainguard/.test(name)) return 'none';
  if (base === 'node' && !/alpine/.test(tag)) return 'node';
  if (base === 'node') return 'node';
  if (base === 'alpine' || /alpine/.test(tag)) return 'alpine';
  if (/^(centos|fedora|rockylinux|almalinux|amazonlinux|oraclelinux|ubi\d*(-\w+)?)$/.test(base) || /ubi\d/.test(name)) return 'rhel';
  if (/^(debian|ubuntu|python|golang|ruby|php|openjdk|eclipse-temurin|rust|perl|buildpack-deps|gcc|maven|gradle)$/.test(base)) return 'debian';
  if (/bookworm|bullseye|buster|trixie|jammy|noble|focal|slim/.test(tag)) return 'debian';
  return 'unknown';
}

/**
 * Where to insert lines in the final stage: before its first CMD/ENTRYPOINT, else after its last instruction.
 * `range` is empty except when the file ends inside a line continuation (`ENV a=1 \` as the last line): any line
 * appended there would join that instruction, so the range covers the dangling escape character, which the
 * insertion replaces (a continuation into end-of-file continues nothing).
 */
export function insertionPoint(model: DockerfileModel, stage: Stage): { range: Range; prefix: string; suffix: string } {
  const target = stage.instructions.find((i) => i.getKeyword() === 'CMD' || i.getKeyword() === 'ENTRYPOINT');
  if (target) {
    const at = { line: target.getRange().start.line, character: 0 };
    return { range: { start: at, end: at }, prefix: '', suffix: model.index.eol };
  }
  const last = stage.instructions[stage.instructions.length - 1];
  const { start, end } = last.getRange();
  // The instruction's range may run onto blank or comment lines past a trailing continuation: insert after its last text.
  let line = end.line;
  while (line > start.line && /^\s*(#|$)/.test(model.index.lineText(line))) line--;
  const text = model.index.lineText(line);
  const trimmed = text.trimEnd();
  const at = { line, character: text.length };
  if (trimmed.endsWith(model.escape)) {
    const kept = trimmed.slice(0, -model.escape.length).trimEnd().length;
    return { range: { start: { line, character: kept }, end: at }, prefix: model.index.eol, suffix: '' };
  }
  return { range: { start: at, end: at }, prefix: model.index.eol, suffix: '' };
}
