// The Dockerfile model every rule reads: one dockerfile-ast parse, stages, and ARG defaults resolved.
import { DockerfileParser, From, Instruction, type Dockerfile } from 'dockerfile-ast';
import type { Range } from '../engine/types';
import { imageParts } from '../engine/image-ref';
import { LineIndex } from '../engine/text';
import { buildRuns, stageScope, type RunInfo, type StageScope } from './run-model';

export type { Mount, RunInfo, StageScope } from './run-model';

export interface ImageRef {
  /** As written, e.g. `node:${NODE_VERSION}`. */
  raw: string;
  /** With ARG defaults substituted; undefined parts stay as written. */
  resolved: string;
  name: string;
  tag?: string;
  digest?: string;
  /** True when a variable could not be resolved (no default): tag rules must not guess. */
  unresolved: boolean;
}

export interface Stage {
  index: number;
  from: From;
  /** `AS name`, lower-cased as BuildKit compares them. */
  name?: string;
  image?: ImageRef;
  /** The earlier stage this one builds on (`FROM builder`), if any. */
  parent?: Stage;
  instructions: Instruction[];
  /** RUN instructions of the stage (ONBUILD RUN triggers included), their shell parsed into commands. */
  runs: RunInfo[];
  /** ARG, ENV, SHELL, WORKDIR, USER and EXPOSE as the stage ends up with them. */
  scope: StageScope;
  /** The implicit stage of instructions before the first FROM (`DockerfileModel.preamble`): it has no FROM. */
  implicit?: boolean;
}

export interface DockerfileModel {
  ast: Dockerfile;
  index: LineIndex;
  text: string;
  escape: string;
  instructions: Instruction[];
  stages: Stage[];
  /** ARGs declared before the first FROM, with their defaults (undefined: no default). */
  globalArgs: Map<string, string | undefined>;
  /**
   * Instructions other than ARG before the first FROM (a fragment, or a broken file) as an implicit stage, so that
   * command rules still see their RUNs. It is not in `stages`, has `index` -1, `implicit` set and no FROM: read it
   * only through `commandsOf(model)` / `allStages(model)` and check `implicit` before touching `from`.
   */
  preamble?: Stage;
  /**
   * Every stage of the file when `stages` (and `instructions`) hold only some of them: the model a part-local rule
   * runs on for the changed parts of a file (parts.ts). Read it through `fileStagesOf(model)`.
   */
  fileStages?: Stage[];
}

const VAR = /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?::?[-+]([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g;

/** Substitutes `$X`, `${X}`, `${X:-default}` from known values; reports whether anything stayed unknown. */
export function substitute(value: string, vars: Map<string, string | undefined>): { value: string; unresolved: boolean } {
  let unresolved = false;
  const out = value.replace(VAR, (whole, braced: string | undefined, fallback: string | undefined, bare: string | undefined) => {
    const name = braced ?? bare!;
    const known = vars.get(name);
    if (known !== undefined && known !== '') return known;
    if (fallback !== undefined && whole.includes(':-')) return fallback;
    unresolved = true;
    return whole;
  });
  return { value: out, unresolved };
}

export function parseImageRef(raw: string, vars: Map<string, string | undefined>): ImageRef {
  const { value, unresolved } = substitute(raw, vars);
  return { raw, resolved: value, ...imageParts(value), unresolved };
}

/**
 * dockerfile-ast tokenizes an instruction's arguments again on every getArguments()/getFlags()/getArgumentsRange()
 * call — the parser itself does it several times per instruction (JSON-form constructors, here-document detection),
 * and the validator and rules make thousands more: that was most of the lint time. An instruction's document never
 * changes, so each instruction keeps its first tokenization (the Argument objects are never modified). Callers get
 * a copy of the array, as ModifiableInstruction shifts its flags off the one it receives. Installed once on the
 * prototype, so the parse itself benefits.
 */
const TOKENS = Symbol('shipshape.tokens');
const PATCHED = Symbol.for('shipshape.memoizedTokenization');
const KEYWORD = Symbol('shipshape.keyword');
function memoizeTokenization(): void {
  const proto = Instruction.prototype as unknown as { getRawArguments(): unknown[]; [PATCHED]?: true };
  if (proto[PATCHED]) return;
  const tokenize = proto.getRawArguments;
  proto.getRawArguments = function (this: { [TOKENS]?: unknown[] }) {
    return (this[TOKENS] ??= tokenize.call(this)).slice();
  };
  proto[PATCHED] = true;
  // getKeyword() upper-cases the keyword on every call, and rules ask for it constantly.
  const keywordOf = proto as unknown as { getKeyword(): string; [KEYWORD]?: string };
  const keyword = keywordOf.getKeyword;
  keywordOf.getKeyword = function (this: { [KEYWORD]?: string }) {
    return (this[KEYWORD] ??= keyword.call(this));
  };
  // From's getImageNameRange()/getRegistryRange() assign to the range getImageRange() returns, which is the first
  // argument's own range: with shared tokens that would move the argument. Hand out a copy.
  const from = From.prototype as unknown as { getImageRange(): Range | null };
  const imageRange = from.getImageRange;
  from.getImageRange = function (this: From) {
    const range = imageRange.call(this);
    return range && { start: range.start, end: range.end };
  };
}
memoizeTokenization();

/** The model of `text`; `ast` is a parse of exactly that text when the caller has one (an incremental parse). */
export function buildModel(text: string, ast: Dockerfile = DockerfileParser.parse(text)): DockerfileModel {
  const index = LineIndex.of(text); // the engine indexed the same text just before
  const instructions = ast.getInstructions();
  const globalArgs = new Map<string, string | undefined>();
  const stages: Stage[] = [];
  const model: DockerfileModel = { ast, index, text, escape: ast.getEscapeCharacter(), instructions, stages, globalArgs };
  let current: Stage | undefined;
  const before: Instruction[] = [];
  for (const ins of instructions) {
    const keyword = ins.getKeyword();
    if (keyword === 'FROM') {
      const from = ins as From;
      const name = from.getBuildStage()?.toLowerCase() ?? undefined;
      const rawImage = from.getImage();
      const image = rawImage ? parseImageRef(rawImage, globalArgs) : undefined;
      const parent = image ? stages.find((s) => s.name !== undefined && s.name === image.resolved.toLowerCase()) : undefined;
      current = new ModelStage(model, stages.length, from, name, image, parent, [ins]);
      stages.push(current);
    } else if (current) {
      current.instructions.push(ins);
    } else if (keyword !== 'ARG') {
      before.push(ins);
    } else {
      for (const arg of ins.getArguments()) {
        const [k, ...v] = arg.getValue().split('=');
        globalArgs.set(k, v.length ? v.join('=') : undefined);
      }
    }
  }
  if (before.length) model.preamble = new ModelStage(model, -1, undefined as unknown as From, undefined, undefined, undefined, before, true);
  return model;
}

/**
 * A stage of a built model. Its scope and RUN models are made when a rule first reads them: while typing, rules run
 * on the edited stage only (dockerfile/parts.ts), and the other stages' would be made for nothing on every keystroke.
 */
class ModelStage implements Stage {
  private madeScope: StageScope | undefined;
  private madeRuns: RunInfo[] | undefined;
  constructor(
    private readonly model: DockerfileModel,
    readonly index: number,
    readonly from: From,
    readonly name: string | undefined,
    readonly image: ImageRef | undefined,
    readonly parent: Stage | undefined,
    readonly instructions: Instruction[],
    readonly implicit?: boolean,
  ) {}
  get scope(): StageScope {
    return (this.madeScope ??= stageScope(this.model, this));
  }
  get runs(): RunInfo[] {
    return (this.madeRuns ??= buildRuns(this.model, this));
  }
}



/** Every stage of the file, also when the model is restricted to some parts. */
export function fileStagesOf(model: DockerfileModel): Stage[] {
  return model.fileStages ?? model.stages;
}

/** The stages with the implicit one before the first FROM (when there is one) first. */
export function allStages(model: DockerfileModel): Stage[] {
  return model.preamble ? [model.preamble, ...model.stages] : model.stages;
}

/** True when the FROM names an earlier stage or `scratch` rather than an image. */
export function isStageOrScratch(model: DockerfileModel, stage: Stage): boolean {
  if (!stage.image) return true;
  if (stage.parent) return true;
  return stage.image.resolved.toLowerCase() === 'scratch';
}
