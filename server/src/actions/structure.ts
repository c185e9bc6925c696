// Walks a workflow or action metadata file against the schema table and collects structural problems by kind.
// Rules filter this list (one rule per kind); it is computed once per model.
import type { Document, Node, Pair, Scalar, YAMLMap } from 'yaml';
import { isAlias, isMap, isPair, isScalar, isSeq } from '../yaml/yaml';
import { closest } from './expr/checker';
import { ACTION, CALLER_JOB_KEYS, CONTROL_STEP_KEYS, JOB_KEYS, RUN_STEP_KEYS, RUNS_KEYS, STEP, USES_STEP_KEYS, WORKFLOW, type ScalarSpec, type Spec } from './schema';
import type { ActionsModel } from './model';
import { renameAddsErrors } from './rename-check';

export type StructureKind = 'unknown-key' | 'type' | 'empty' | 'required' | 'duplicate-key';

export interface StructureProblem {
  kind: StructureKind;
  message: string;
  node: Node | Pair;
  /** For unknown keys: the key node and the suggested replacement; `safe` when the renamed key is sure to be valid. */
  rename?: { key: Scalar; to: string; safe?: boolean };
  /** Softer than the rule's default (GitHub accepts the value, but it is most likely a mistake). */
  severity?: 'warning';
}

const cache = new WeakMap<ActionsModel, StructureProblem[]>();

export function isExpression(node: unknown): boolean {
  return isScalar(node) && typeof node.value === 'string' && /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(node.value);
}

export function nodeKind(node: unknown): string {
  if (isMap(node)) return 'a mapping';
  if (isSeq(node)) return 'a sequence';
  if (isAlias(node)) return 'an alias';
  if (isScalar(node)) return node.value === null ? 'null' : `a ${typeof node.value === 'string' ? 'string' : typeof node.value === 'object' ? 'value' : typeof node.value}`;
  return 'nothing';
}

/** Follows aliases (`*name`) to the anchored node, so aliased sections are checked as if expanded. */
export function resolve(doc: Document.Parsed | undefined, node: unknown): Node | null | undefined {
  let cur = node as Node | null | undefined;
  for (let i = 0; i < 10 && isAlias(cur) && doc; i++) cur = cur.resolve(doc) as Node | undefined;
  return cur;
}

export function structureOf(model: ActionsModel): StructureProblem[] {
  const found = cache.get(model);
  if (found) return found;
  const out = walk(model);
  cache.set(model, out);
  // A rename is safe when the walk, repeated with the new name, finds no new error (a list under "group", an empty
  // "run"). Keys checked by their own rules are not re-checked here, so those renames are never sure.
  for (const p of out) {
    if (!p.rename) continue;
    const { key, to } = p.rename;
    p.rename.safe = !SEPARATELY_CHECKED.has(to) && !renameAddsErrors(key, to, p, out, () => walk(model), (q) => (q.severity ? undefined : `${q.kind}\0${q.message}`));
  }
  return out;
}

/** Keys whose values are checked by dedicated rules (events, permissions, matrix) rather than by the walk. */
const SEPARATELY_CHECKED = new Set(['on', 'permissions', 'matrix']);

function walk(model: ActionsModel): StructureProblem[] {
  const out: StructureProblem[] = [];
  const doc = model.yaml.docs[0];
  if (!model.root) {
    const contents = doc?.contents;
    if (!model.yaml.problems.length && (!contents || (isScalar(contents) && contents.value === null))) {
      out.push({ kind: 'required', node: { range: [0, Math.min(1, model.text.length), 0] } as unknown as Node, message: `The ${model.kind === 'action' ? 'action metadata file' : 'workflow'} is empty.` });
    } else if (contents && !isMap(contents)) out.push({ kind: 'type', node: contents as Node, message: `A ${model.kind === 'action' ? 'action metadata file' : 'workflow'} must be a mapping of keys, not ${nodeKind(contents)}.` });
    return out;
  }
  // Job ids are compared across all jobs, also when the model is restricted to some of them (finding reuse).
  const allJobs = model.whole?.root ? resolve(model.whole.yaml.docs[0], pairValue(model.whole.root, 'jobs')) : undefined;
  const w = new Walker(doc, out, isMap(allJobs) ? allJobs : undefined);
  if (model.kind === 'action') w.action(model.root);
  else w.workflow(model.root);
  return out;
}

// The step specs by kind, built once (every step of every file is checked against one of them).
const STEP_SPEC = (STEP as Extract<Spec, { t: 'map' }>).keys;
const stepSpec = (allowed: string[]) => Object.fromEntries(Object.entries(STEP_SPEC).filter(([k]) => allowed.includes(k)));
const RUN_STEP_SPEC = stepSpec(RUN_STEP_KEYS);
const USES_STEP_SPEC = stepSpec(USES_STEP_KEYS);
const ALL_STEP_KEYS: ReadonlySet<string> = new Set(Object.keys(STEP_SPEC));
const CALLER_JOB_SPEC = Object.fromEntries(Object.entries(JOB_KEYS).filter(([k]) => CALLER_JOB_KEYS.includes(k)));
const RUNNER_JOB_SPEC = Object.fromEntries(Object.entries(JOB_KEYS).filter(([k]) => k !== 'with' && k !== 'secrets' && k !== 'uses'));
const ALL_JOB_KEYS: ReadonlySet<string> = new Set(Object.keys(JOB_KEYS));
const CALLER_ONLY_KEYS: ReadonlySet<string> = new Set(['with', 'secrets']);
const NO_KEYS: ReadonlySet<string> = new Set();

class Walker {
  constructor(
    private readonly doc: Document.Parsed,
    private readonly out: StructureProblem[],
    private readonly allJobs?: YAMLMap,
  ) {}

  private report(kind: StructureKind, node: Node | Pair, message: string, rename?: StructureProblem['rename'], severity?: 'warning'): void {
    this.out.push({ kind, node, message, rename, severity });
  }

  workflow(root: YAMLMap): void {
    this.map(root, WORKFLOW as Extract<Spec, { t: 'map' }>);
    const jobs = resolve(this.doc, pairValue(root, 'jobs'));
    const jobsPair = pairOf(root, 'jobs');
    if (!jobsPair) return;
    if (!isMap(jobs)) {
      if (jobs === null || (isScalar(jobs) && jobs.value === null)) this.report('empty', jobsPair.key as Node, '"jobs" is empty: a workflow needs at least one job.');
      else this.report('type', jobs as Node, `"jobs" must be a mapping of job ids to jobs, not ${nodeKind(jobs)}.`);
      return;
    }
    this.duplicates(this.allJobs ?? jobs, 'jobs');
    for (const pair of jobs.items) {
      const job = resolve(this.doc, pair.value);
      if (!isMap(job)) {
        this.report(job === null || (isScalar(job) && job.value === null) ? 'empty' : 'type', (pair.value ?? pair.key) as Node, `Job "${keyText(pair)}" must be a mapping with "runs-on" and "steps" (or "uses"), not ${nodeKind(job)}.`);
        continue;
      }
      this.job(job, keyText(pair), pair.key as Node);
    }
  }

  private job(job: YAMLMap, id: string, idNode: Node): void {
    const uses = pairOf(job, 'uses');
    if (uses) {
      for (const pair of job.items) {
        const k = keyText(pair);
        if (!CALLER_JOB_KEYS.includes(k) && k in JOB_KEYS) {
          this.report('unknown-key', pair.key as Node, `"${k}" cannot be used in job "${id}", which calls a reusable workflow with "uses". Allowed keys: ${CALLER_JOB_KEYS.join(', ')}.`);
        }
      }
      this.map(job, { t: 'map', name: `job "${id}"`, keys: CALLER_JOB_SPEC }, ALL_JOB_KEYS, undefined, idNode);
      return;
    }
    for (const k of ['with', 'secrets']) {
      const p = pairOf(job, k);
      if (p) this.report('unknown-key', p.key as Node, `"${k}" is only for jobs that call a reusable workflow with "uses", and job "${id}" has no "uses".`);
    }
    this.map(job, { t: 'map', name: `job "${id}"`, keys: RUNNER_JOB_SPEC, required: ['runs-on', 'steps'] }, CALLER_ONLY_KEYS, undefined, idNode);
    this.runsOn(pairOf(job, 'runs-on'));
    const steps = resolve(this.doc, pairValue(job, 'steps'));
    if (isSeq(steps)) for (const step of steps.items) this.step(resolve(this.doc, step));
  }

  /** `runs-on`: a label, a list of labels, or `{group, labels}`. */
  private runsOn(pair: Pair | undefined): void {
    if (!pair) return;
    const value = resolve(this.doc, pair.value);
    const labels = (v: unknown, owner: Node | Pair, name: string) => {
      const r = resolve(this.doc, v);
      if (isSeq(r)) {
        if (!r.items.length) this.report('empty', r, `"${name}" is an empty list of runner labels.`);
        for (const item of r.items) this.check(item, { t: 'string', expr: true }, item as Node);
      } else if (isScalar(r)) this.check(r, { t: 'string', expr: true }, owner);
      else if (isNull(r)) this.report('empty', owner, `"${name}" is empty: name the runner labels.`);
      else this.report('type', r as Node, `"${name}" must be a label or a list of labels, not ${nodeKind(r)}.`);
    };
    if (isMap(value)) {
      this.map(value, { t: 'map', name: '"runs-on"', keys: { group: { t: 'string', expr: true }, labels: { t: 'custom', name: 'labels' } } });
      const l = pairOf(value, 'labels');
      if (l) labels(l.value, l, 'labels');
      if (!l && !pairOf(value, 'group')) this.report('required', pair.key as Node, '"runs-on" needs "group" or "labels".');
      return;
    }
    labels(value, pair, 'runs-on');
  }

  step(step: unknown): void {
    if (!isMap(step)) {
      if (step && !isExpression(step) && !(isScalar(step) && step.value === null)) this.report('type', step as Node, `A step must be a mapping with "run" or "uses", not ${nodeKind(step)}.`);
      return;
    }
    const run = pairOf(step, 'run');
    const uses = pairOf(step, 'uses');
    const what = run ? 'a step that runs a script' : uses ? 'a step that uses an action' : 'a step';
    const keys = run ? RUN_STEP_SPEC : uses ? USES_STEP_SPEC : STEP_SPEC;
    if (run && uses) this.report('required', run.key as Node, 'A step has either "run" or "uses", not both.');
    const control = CONTROL_STEP_KEYS.some((k) => pairOf(step, k));
    if (!run && !uses && !control) this.report('required', firstKey(step) ?? step, 'A step needs "run" (a script) or "uses" (an action).');
    for (const pair of step.items) {
      const k = keyText(pair);
      if (run && k === 'with') this.report('unknown-key', pair.key as Node, `"${k}" does not apply to a step that runs a script ("run"); it is for steps that use an action.`);
      if (uses && (k === 'shell' || k === 'working-directory')) this.report('unknown-key', pair.key as Node, `"${k}" does not apply to a step that uses an action; it is for "run" steps (pass the action an input instead).`);
    }
    this.map(step, { t: 'map', name: what, keys }, ALL_STEP_KEYS, run || uses ? undefined : new Set());
  }

  action(root: YAMLMap): void {
    this.map(root, ACTION as Extract<Spec, { t: 'map' }>);
    const runsPair = pairOf(root, 'runs');
    const runs = resolve(this.doc, runsPair?.value);
    if (!runsPair) return;
    if (!isMap(runs)) {
      this.report('type', (runs ?? runsPair.key) as Node, `"runs" must be a mapping with "using", not ${nodeKind(runs)}.`);
      return;
    }
    const using = pairValue(runs, 'using');
    const value = isScalar(using) ? String(using.value ?? '') : '';
    const family = value === 'composite' ? 'composite' : value === 'docker' ? 'docker' : /^node\d+$/.test(value) ? 'node' : undefined;
    if (!using) {
      this.report('required', runsPair.key as Node, '"runs" needs "using": composite, docker or node20/node24.');
      return;
    }
    if (!family) {
      this.report('type', using as Node, `Unknown "using: ${value}": expected composite, docker, node20 or node24.`);
      return;
    }
    const required = family === 'composite' ? ['steps'] : family === 'docker' ? ['image'] : ['main'];
    this.map(runs, { t: 'map', name: `"runs" (${family})`, keys: RUNS_KEYS[family], required });
    const steps = resolve(this.doc, pairValue(runs, 'steps'));
    if (family === 'composite' && isSeq(steps)) {
      for (const step of steps.items) {
        this.step(resolve(this.doc, step));
        const r = resolve(this.doc, step);
        if (isMap(r) && pairOf(r, 'run') && !pairOf(r, 'shell')) this.report('required', pairOf(r, 'run')!.key as Node, 'A "run" step of a composite action needs "shell:" (e.g. shell: bash).');
      }
    }
  }

  /** Checks a node against a spec. `known` lists keys handled elsewhere (not reported as unknown). */
  check(node: unknown, spec: Spec, owner: Node | Pair): void {
    const value = resolve(this.doc, node);
    switch (spec.t) {
      case 'custom':
      case 'any':
        return;
      case 'oneOf': {
        if (value === null || value === undefined || (isScalar(value) && value.value === null)) return this.empty(owner, spec.name, spec.allowNull);
        if (isMap(value) && spec.map) return this.check(value, spec.map, owner);
        if (isSeq(value) && spec.seq) return this.check(value, spec.seq, owner);
        if (isScalar(value) && spec.scalar) return this.check(value, spec.scalar, owner);
        if (isExpression(value)) return;
        if (value === null || value === undefined || (isScalar(value) && value.value === null)) return this.empty(owner, spec.name, spec.allowNull);
        const shapes = [spec.scalar && 'a string', spec.seq && 'a sequence', spec.map && 'a mapping'].filter(Boolean).join(' or ');
        return this.report('type', value as Node, `"${spec.name}" must be ${shapes}, not ${nodeKind(value)}.`);
      }
      case 'map':
      case 'dict':
        if (isMap(value)) return spec.t === 'map' ? this.map(value, spec, undefined, undefined, isPair(owner) ? (owner.key as Node) : undefined) : this.dict(value, spec);
        if (spec.expr && isScalar(value) && typeof value.value === 'string' && value.value.includes('${{')) return;
        if (value === null || value === undefined || (isScalar(value) && value.value === null)) return this.empty(owner, spec.name, spec.t === 'dict' && spec.allowEmpty);
        return this.report('type', value as Node, `"${spec.name}" must be a mapping, not ${nodeKind(value)}.`);
      case 'seq':
        if (isSeq(value)) {
          if (!value.items.length && !spec.allowEmpty) this.report('empty', value, `"${spec.name}" is an empty list: remove it or add entries.`);
          for (const item of value.items) {
            const r = resolve(this.doc, item);
            if (r === null || (isScalar(r) && r.value === null)) this.report('empty', (item ?? value) as Node, `An entry of "${spec.name}" is empty.`);
            else this.check(item, spec.of, item as Node);
          }
          return;
        }
        if (spec.expr && isExpression(value)) return;
        if (value === null || value === undefined || (isScalar(value) && value.value === null)) return this.empty(owner, spec.name, spec.allowEmpty);
        return this.report('type', value as Node, `"${spec.name}" must be a sequence, not ${nodeKind(value)}.`);
      case 'enum':
        if (isScalar(value) && spec.values.includes(String(value.value))) return;
        return this.report('type', (value ?? owner) as Node, `Expected ${spec.values.map((v) => `"${v}"`).join(' or ')}, not ${isScalar(value) ? `"${String(value.value)}"` : nodeKind(value)}.`);
      default:
        return this.scalar(value, spec as ScalarSpec, owner);
    }
  }

  private scalar(value: unknown, spec: ScalarSpec, owner: Node | Pair): void {
    const name = isPair(owner) ? keyText(owner) : 'value';
    if (!isScalar(value)) {
      if (value === null || value === undefined) {
        if (!spec.allowEmpty && spec.t === 'string') this.report('empty', owner, `"${name}" is empty: give it a value or remove it.`);
        return;
      }
      this.report('type', value as Node, `"${name}" must be a ${spec.t === 'scalar' ? 'scalar' : spec.t === 'bool' ? 'boolean' : spec.t}, not ${nodeKind(value)}.`);
      return;
    }
    const v = value.value;
    if (v === null) {
      if (!spec.allowEmpty && spec.t === 'string') this.report('empty', isPair(owner) ? owner : value, `"${name}" is empty: give it a value or remove it.`);
      return;
    }
    if (typeof v === 'string' && v.includes('${{')) return;
    if (spec.t === 'string' && typeof v === 'string' && !v.trim() && !spec.allowEmpty) this.report('empty', value, `"${name}" is an empty string.`);
    if (spec.t === 'bool' && typeof v !== 'boolean' && !/^(true|false)$/i.test(String(v))) this.report('type', value, `"${name}" must be true or false (or a \${{ }} expression), not "${String(v)}".`);
    if (spec.t === 'number' && typeof v !== 'number' && !/^-?\d+(\.\d+)?$/.test(String(v).trim())) this.report('type', value, `"${name}" must be a number (or a \${{ }} expression), not "${String(v)}".`);
    else if (spec.t === 'number' && spec.positive && Number(v) <= 0) this.report('type', value, `"${name}" must be greater than zero, not ${String(v)}.`, undefined, 'warning');
    else if (spec.t === 'number' && spec.integer && !Number.isInteger(Number(v))) this.report('type', value, `"${name}" must be a whole number, not ${String(v)}.`);
  }

  private empty(owner: Node | Pair, name: string, allowed?: boolean): void {
    if (allowed) return;
    this.report('empty', isPair(owner) ? (owner.key as Node) : owner, `"${name}" is empty: remove it or give it a value.`);
  }

  map(node: YAMLMap, spec: Extract<Spec, { t: 'map' }>, known: ReadonlySet<string> = NO_KEYS, skipRequired?: Set<string>, anchor?: Node): void {
    // Fixed-key sections: a case variant of a known key is reported as an unknown key (with a rename), not twice.
    for (const pair of node.items) {
      if (!isScalar(pair.key)) continue;
      const k = keyText(pair);
      if (k === '<<') continue; // merge keys are reported by actions/yaml-anchors
      const sub = spec.keys[k];
      if (sub) {
        this.check(pair.value, sub, pair as Pair);
        continue;
      }
      if (known.has(k)) continue;
      const allowed = Object.keys(spec.keys);
      const guess = closest(k, allowed) ?? allowed.find((a) => a.toLowerCase() === k.toLowerCase());
      // No rename onto a key the mapping already has: the result would not parse (duplicate key).
      const renamable = guess !== undefined && !pairOf(node, guess);
      this.report(
        'unknown-key',
        pair.key as Node,
        `Unknown key "${k}" in ${spec.name}.${guess ? ` Did you mean "${guess}"?` : ''} Expected one of: ${allowed.join(', ')}.`,
        renamable ? { key: pair.key as Scalar, to: guess } : undefined,
      );
    }
    if (skipRequired) return;
    for (const r of spec.required ?? []) {
      if (!pairOf(node, r)) this.report('required', anchor ?? firstKey(node) ?? node, `"${r}" is missing in ${spec.name}.`);
    }
  }

  private dict(node: YAMLMap, spec: Extract<Spec, { t: 'dict' }>): void {
    if (!node.items.length && !spec.allowEmpty) this.report('empty', node, `"${spec.name}" is empty: remove it or add entries.`);
    this.duplicates(node, spec.name);
    for (const pair of node.items) this.check(pair.value, spec.of, pair as Pair);
  }

  duplicates(node: YAMLMap, name: string): void {
    for (const d of caseDuplicates(node)) this.report('duplicate-key', d.key, `Key "${d.name}" duplicates "${d.previous}" in ${name}: these keys are case-insensitive.`);
  }
}

/** Keys that differ only in case: GitHub treats ids, inputs, outputs, env and matrix keys case-insensitively. */
export function caseDuplicates(node: YAMLMap): Array<{ key: Node; name: string; previous: string }> {
  const out: Array<{ key: Node; name: string; previous: string }> = [];
  const seen = new Map<string, string>();
  for (const pair of node.items) {
    if (!isScalar(pair.key)) continue;
    const k = keyText(pair as Pair);
    const lower = k.toLowerCase();
    const prev = seen.get(lower);
    if (prev !== undefined && prev !== k) out.push({ key: pair.key as Node, name: k, previous: prev });
    else if (prev === undefined) seen.set(lower, k);
  }
  return out;
}

const isNull = (n: unknown) => n === null || n === undefined || (isScalar(n) && n.value === null);

export function keyText(pair: Pair): string {
  return isScalar(pair.key) ? String(pair.key.value) : '';
}

function firstKey(map: YAMLMap): Node | undefined {
  return (map.items[0]?.key as Node) ?? undefined;
}

export function pairOf(map: YAMLMap, key: string): Pair | undefined {
  return map.items.find((p) => isScalar(p.key) && String(p.key.value) === key) as Pair | undefined;
}

function pairValue(map: YAMLMap, key: string): unknown {
  return pairOf(map, key)?.value;
}

export type { Spec };
