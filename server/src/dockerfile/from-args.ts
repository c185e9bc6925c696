// What FROM instructions can use: global ARGs (declared before the first FROM) and BuildKit's predefined ones.
import type { Flag } from 'dockerfile-ast';
import type { DockerfileModel, Stage } from './model';
import { expand, PREDEFINED_ARGS, variableRefs, type VarRef } from './words';

export interface GlobalArgs {
  /** Every declared name, with or without a default. */
  declared: Set<string>;
  /** Values FROM sees without build arguments: defaults (expanded in order) and predefined values. */
  values: Map<string, string | undefined>;
}

export function globalArgs(model: DockerfileModel): GlobalArgs {
  const declared = new Set<string>();
  const values = new Map<string, string | undefined>(PREDEFINED_ARGS);
  for (const arg of model.ast.getInitialARGs()) {
    for (const p of arg.getProperties()) {
      declared.add(p.getName());
      const raw = p.getValue();
      if (raw !== null) values.set(p.getName(), expand(raw, values, model.escape));
      else if (!values.has(p.getName())) values.set(p.getName(), undefined);
    }
  }
  return { declared, values };
}

export interface FromWord {
  text: string;
  /** Document offset of `text`. */
  offset: number;
  refs: VarRef[];
}

/** The base image word of a stage, with its variable references. */
export function imageWord(model: DockerfileModel, stage: Stage): FromWord | undefined {
  const range = stage.from.getImageRange();
  const text = stage.from.getImage();
  if (!range || !text) return undefined;
  const offset = model.index.offsetAt(range.start);
  return { text, offset, refs: variableRefs(text, model.escape, offset) };
}

/** The `--platform` value of a stage, with its variable references. */
export function platformWord(model: DockerfileModel, stage: Stage): (FromWord & { flag: Flag }) | undefined {
  const flag = stage.from.getFlags().find((f) => f.getName() === 'platform');
  const range = flag?.getValueRange();
  const text = flag?.getValue();
  if (!flag || !range || !text) return undefined;
  const offset = model.index.offsetAt(range.start);
  return { text, offset, refs: variableRefs(text, model.escape, offset), flag };
}
