// Dockerfiles as independent parts for finding reuse (engine/reuse.ts): the lines before the first stage (parser
// directives, global ARGs), then one part per stage, from the line after the previous instruction (so the comments
// above a FROM go with it) to the next part.
//
// A rule is part-local when its findings in a part follow from that part's text, the text of the stages it builds on
// (`FROM <stage>`: they are in the part's key) and the file-wide facts of `dockerfilePartContext` (the lines before
// the first stage, every FROM instruction — stage names, images, order, which is final, which are built on — the line
// break, the path, whether the file uses Yarn 2+, the casing most instructions use, the lockfiles at the top of the
// build context, the .dockerignore that applies). Rules that compare stages in other ways (COPY --from in other
// stages, the final image through its whole chain) or run external programs run on the whole file.
import type { Part, WorkspaceReader } from '../engine/types';
import { stageChain } from './final-stage';
import type { DockerfileModel, Stage } from './model';
import { usesYarnBerry } from './rules/yarn-frozen-lockfile';
import { lowercaseMajority } from './rules/consistent-instruction-casing';
import { contextLockfiles } from './package-managers';
import { ignoreFileKey } from './dockerignore';

/**
 * Rules whose findings are part-local (see above). Listed by id: a new rule runs on the whole file until it is
 * checked and added here. Each reads its own stage (or instruction, or RUN command), and at most the stages it builds
 * on, global ARGs and FROM lines.
 */
export const PART_LOCAL_RULES: ReadonlySet<string> = new Set([
  // Commands of RUN instructions, one at a time (or one RUN, or one stage's RUNs).
  'dockerfile/apk-no-cache',
  'dockerfile/apk-pin',
  'dockerfile/apt-get-pin',
  'dockerfile/apt-get-yes',
  'dockerfile/apt-no-recommends',
  'dockerfile/cd-instead-of-workdir',
  'dockerfile/gem-pin',
  'dockerfile/go-install-pin',
  'dockerfile/no-apt',
  'dockerfile/no-sudo',
  'dockerfile/npm-pin',
  'dockerfile/pip-pin',
  'dockerfile/pip-unpinned',
  'dockerfile/pip-no-cache', // ENV of the stage and the stages it builds on
  'dockerfile/pipefail', // SHELL and base image through the stages it builds on
  'dockerfile/pointless-command',
  'dockerfile/shell-via-ln',
  'dockerfile/useradd-high-uid',
  'dockerfile/wget-and-curl', // per stage
  'dockerfile/wget-progress',
  'dockerfile/zypper-dist-upgrade',
  'dockerfile/zypper-yes',
  'dockerfile/zypper-pin',
  'dockerfile/zypper-clean',
  'dockerfile/dnf-clean',
  'dockerfile/dnf-pin',
  'dockerfile/dnf-yes',
  'dockerfile/yum-clean',
  'dockerfile/yum-pin',
  'dockerfile/yum-yes',
  // Whether a stage ships (final, or built on) is in the FROM lines.
  'dockerfile/apt-lists-cleanup',
  'dockerfile/yarn-cache-clean',
  // Per stage.
  'dockerfile/add-for-archives',
  'dockerfile/consecutive-run',
  'dockerfile/multiple-instructions',
  'dockerfile/copy-from-self',
  'dockerfile/npm-ci', // lockfiles COPYd in its stage or the ones it builds on; those in the build context: context
  'dockerfile/last-user-root', // its own USER; which stage is final: FROM lines
  'dockerfile/copy-from-known-stage', // earlier stage names: FROM lines
  'dockerfile/copy-relative-without-workdir', // WORKDIR through the stages it builds on
  'dockerfile/workdir-absolute',
  'dockerfile/json-args', // SHELL through the stages it builds on; the escape character: a parser directive
  'dockerfile/env-self-reference', // global ARGs, ENV of the stages it builds on
  'dockerfile/undefined-var', // ARG/ENV through the stages it builds on, the base image (FROM lines)
  'dockerfile/expose-port-range',
  'dockerfile/secrets-used-in-arg-or-env',
  'dockerfile/label-empty',
  'dockerfile/label-format',
  'dockerfile/label-superfluous',
  // One instruction at a time.
  'dockerfile/copy-dest-slash',
  'dockerfile/copy-not-add',
  'dockerfile/copy-whole-filesystem',
  'dockerfile/expose-invalid-format',
  'dockerfile/expose-proto-casing',
  'dockerfile/invalid-definition-description', // the comment lines right above: in the same part
  'dockerfile/label-key-format',
  'dockerfile/legacy-key-value-format',
  'dockerfile/maintainer-deprecated',
  'dockerfile/no-empty-continuation',
  'dockerfile/no-inline-ignore',
  'dockerfile/onbuild-trigger',
  'dockerfile/secret-values',
  'dockerfile/user-numeric',
  'dockerfile/instruction-order', // instructions before the first FROM
  // A stage's FROM (with global ARGs and the FROM lines as context).
  'dockerfile/duplicate-stage-name',
  'dockerfile/from-as-casing',
  'dockerfile/from-platform',
  'dockerfile/from-platform-flag-const-disallowed',
  'dockerfile/image-digest',
  'dockerfile/latest-tag',
  'dockerfile/redundant-target-platform',
  'dockerfile/reserved-stage-name',
  'dockerfile/undefined-arg-in-from',
  'dockerfile/untagged-image',
  'dockerfile/yarn-frozen-lockfile', // whether the file uses Yarn 2+ is in the context
  'dockerfile/consistent-instruction-casing', // the file's majority casing is in the context
  // COPY and ADD sources, one instruction at a time, against the .dockerignore (in the context).
  'dockerfile/copy-context-without-dockerignore',
  'dockerfile/copy-ignored-file',
]);

interface PartsOf {
  parts: Part[];
  /** The stage of each part; undefined for the lines before the first stage. */
  stageOf: Map<Part, Stage | undefined>;
  partOf: Map<Stage, Part>;
  /** Where the first stage's part starts. */
  firstStageStart: number;
}

const partsCache = new WeakMap<DockerfileModel, PartsOf | null>();

function split(model: DockerfileModel): PartsOf | null {
  const { stages, instructions, index, text } = model;
  if (!stages.length) return null;
  const starts: number[] = [];
  let k = 0;
  let previousEnd = -1;
  for (const stage of stages) {
    while (k < instructions.length && instructions[k] !== stage.from) previousEnd = instructions[k++].getRange().end.line;
    if (k === instructions.length) return null;
    const fromLine = stage.from.getRange().start.line;
    const line = previousEnd + 1;
    if (line > fromLine) return null;
    starts.push(index.offsetAt({ line, character: 0 }));
    previousEnd = instructions[k++].getRange().end.line;
  }
  for (let i = 1; i < starts.length; i++) if (starts[i] <= starts[i - 1]) return null;
  const stageOf = new Map<Part, Stage | undefined>();
  const partOf = new Map<Stage, Part>();
  const parts: Part[] = [];
  if (starts[0] > 0) {
    const pre: Part = { key: text.slice(0, starts[0]), start: 0, end: starts[0] };
    parts.push(pre);
    stageOf.set(pre, undefined);
  }
  const own = starts.map((start, i) => text.slice(start, starts[i + 1] ?? text.length));
  stages.forEach((stage, i) => {
    const chain = stageChain(stage);
    // The stages it builds on are part of its key: their ENV, SHELL, WORKDIR, USER... reach it. So is its place among
    // the stages: two stages of the same text differ in what comes before them (a name used earlier, COPY --from of a
    // stage defined later) and in which one is final.
    const text = chain.length > 1 ? chain.map((s) => own[s.index]).reverse().join('\0') : own[i];
    const key = `${i}\0${text}`;
    const part: Part = { key, start: starts[i], end: starts[i + 1] ?? text.length };
    parts.push(part);
    stageOf.set(part, stage);
    partOf.set(stage, part);
  });
  return { parts, stageOf, partOf, firstStageStart: starts[0] };
}

function partsOf(model: DockerfileModel): PartsOf | null {
  let p = partsCache.get(model);
  if (p === undefined) partsCache.set(model, (p = split(model)));
  return p;
}

export function dockerfileParts(model: DockerfileModel): Part[] | undefined {
  return partsOf(model)?.parts;
}

/** The part of a stage (undefined when the file cannot be split). */
export function stagePart(model: DockerfileModel, stage: Stage): Part | undefined {
  return partsOf(model)?.partOf.get(stage);
}

/** File-wide facts part-local findings depend on (see the top of this file). */
export function dockerfilePartContext(model: DockerfileModel, text: string, path: string, workspace: WorkspaceReader, options: Record<string, unknown>): string {
  const p = partsOf(model);
  if (!p) return '';
  const froms = model.stages.map((s) => {
    const r = s.from.getRange();
    return model.text.slice(model.index.offsetAt(r.start), model.index.offsetAt(r.end));
  });
  const lockfiles = contextLockfiles(path, options, workspace).join(',');
  const ignore = ignoreFileKey(path, options, workspace);
  return [path, JSON.stringify(model.index.eol), model.escape, usesYarnBerry(model), lowercaseMajority(model), lockfiles, ignore, model.text.slice(0, p.firstStageStart), ...froms].join('\0');
}

/** The model restricted to the stages of some parts (with the stages they build on, for their scope). */
export function dockerfilePartModel(model: DockerfileModel, parts: Part[]): DockerfileModel | undefined {
  const p = partsOf(model);
  if (!p) return undefined;
  let preamble = false;
  const wanted = new Set<Stage>();
  for (const part of parts) {
    if (!p.stageOf.has(part)) return undefined;
    const stage = p.stageOf.get(part);
    if (!stage) preamble = true;
    else for (const s of stageChain(stage)) wanted.add(s);
  }
  const stages = model.stages.filter((s) => wanted.has(s));
  const firstFrom = model.instructions.indexOf(model.stages[0].from);
  const instructions = [...(preamble ? model.instructions.slice(0, firstFrom) : []), ...stages.flatMap((s) => s.instructions)];
  return { ...model, stages, instructions, preamble: preamble ? model.preamble : undefined, fileStages: model.fileStages ?? model.stages };
}
