// The typed contexts a workflow defines: inputs from its triggers, needs/jobs from declared outputs, matrix from
// the strategy, steps from earlier steps with ids.
import { GITHUB_CONTEXT, JOB_CONTEXT, RUNNER_CONTEXT, STRATEGY_CONTEXT } from './expr/contexts';
import { ANY, BOOL, mapOf, merge, NUMBER, obj, STRING, typeOfValue, type Ty } from './expr/types';
import type { ActionsModel, Job, Step } from './model';
import { get, getIn, isMap, isScalar, isSeq, scalarString } from '../yaml/yaml';
import { resolve } from './structure';

const INPUT_TYPES: Record<string, Ty> = { string: STRING, boolean: BOOL, number: NUMBER, choice: STRING, environment: STRING };

function inputsType(model: ActionsModel): Ty {
  if (!model.root) return mapOf(ANY);
  if (model.kind === 'action') {
    const inputs = get(model.root, 'inputs');
    const props: Record<string, Ty> = {};
    if (isMap(inputs)) for (const p of inputs.items) if (isScalar(p.key)) props[String(p.key.value)] = STRING;
    return obj(props);
  }
  const doc = model.yaml.docs[0];
  const on = resolve(doc, get(model.root, 'on'));
  const props: Record<string, Ty> = {};
  for (const event of ['workflow_dispatch', 'workflow_call']) {
    const inputs = resolve(doc, get(resolve(doc, get(on, event)), 'inputs'));
    if (inputs && !isMap(inputs)) return mapOf(ANY); // an expression or something odd: do not guess
    if (!isMap(inputs)) continue;
    for (const p of inputs.items) {
      if (!isScalar(p.key)) continue;
      const type = INPUT_TYPES[scalarString(get(p.value, 'type')) ?? 'string'] ?? ANY;
      const name = String(p.key.value);
      props[name] = props[name] && props[name].k !== type.k ? ANY : type;
    }
  }
  return obj(props);
}

/** `github`, with `github.event.inputs` typed from the workflow_dispatch inputs when there are some. */
function githubType(model: ActionsModel): Ty {
  const inputs = model.root && getIn(get(model.root, 'on'), ['workflow_dispatch', 'inputs']);
  if (model.kind !== 'workflow' || !isMap(inputs) || GITHUB_CONTEXT.k !== 'object') return GITHUB_CONTEXT;
  const names: Record<string, Ty> = {};
  for (const p of inputs.items) if (isScalar(p.key)) names[String(p.key.value)] = STRING;
  const props = new Map(GITHUB_CONTEXT.props);
  props.set('event', obj({ inputs: obj(names) }, ANY));
  return { k: 'object', props };
}

function outputsOf(job: Job): Ty {
  if (get(job.node, 'uses')) return mapOf(STRING); // reusable workflow: outputs live in the callee
  const outputs = get(job.node, 'outputs');
  const props: Record<string, Ty> = {};
  if (isMap(outputs)) for (const p of outputs.items) if (isScalar(p.key)) props[String(p.key.value)] = STRING;
  if (!isMap(outputs) && outputs) return mapOf(STRING);
  return obj(props);
}

function jobResult(job: Job): Ty {
  return obj({ outputs: outputsOf(job), result: STRING });
}

/** `needs:` of a job as ids with their nodes. */
export function needsOf(job: Job): Array<{ id: string; node: import('yaml').Scalar }> {
  const needs = get(job.node, 'needs');
  const list = isSeq(needs) ? needs.items : needs ? [needs] : [];
  return list.filter(isScalar).map((n) => ({ id: String(n.value), node: n }));
}

/** The matrix type of a job: its dimensions and the keys that `include` adds. */
export function matrixType(job: Job | undefined): Ty {
  const strategy = job && get(job.node, 'strategy');
  if (!strategy) return obj({});
  const matrix = get(strategy, 'matrix');
  if (!isMap(matrix)) return matrix ? mapOf(ANY) : isMap(strategy) ? obj({}) : mapOf(ANY);
  const props: Record<string, Ty> = {};
  for (const p of matrix.items) {
    if (!isScalar(p.key)) return mapOf(ANY);
    const key = String(p.key.value);
    if (key.includes('${{')) return mapOf(ANY);
    if (key === 'include') {
      if (!isSeq(p.value)) return mapOf(ANY);
      for (const row of p.value.items) {
        if (!isMap(row)) return mapOf(ANY);
        for (const rp of row.items) {
          if (!isScalar(rp.key)) continue;
          const k = String(rp.key.value);
          const t = typeOfValue((rp.value as { toJSON?: () => unknown })?.toJSON?.() ?? null);
          props[k] = props[k] ? merge(props[k], t) : t;
        }
      }
      continue;
    }
    if (key === 'exclude') continue;
    if (isSeq(p.value)) {
      const types = p.value.items.map((i) => typeOfValue((i as { toJSON?: () => unknown })?.toJSON?.() ?? null));
      props[key] = types.length ? types.reduce(merge) : ANY;
    } else props[key] = ANY; // `${{ fromJSON(...) }}` rows
  }
  return obj(props);
}

function stepsBefore(steps: Step[], index: number | undefined): Ty {
  const props: Record<string, Ty> = {};
  for (const s of steps) {
    if (index !== undefined && s.index >= index) break;
    if (s.id && !s.id.includes('${{')) props[s.id] = obj({ outputs: mapOf(STRING), outcome: STRING, conclusion: STRING });
  }
  return obj(props);
}

/** Context types for an expression in `job` (or at workflow level) before step `stepIndex`. */
export function contextsFor(model: ActionsModel, job: Job | undefined, stepIndex: number | undefined, cache: Map<string, Ty>): Record<string, Ty> {
  const inputs = cache.get('inputs') ?? inputsType(model);
  cache.set('inputs', inputs);
  let jobs = cache.get('jobs');
  if (!jobs) {
    jobs = obj(Object.fromEntries((model.whole ?? model).jobs.map((j) => [j.id, jobResult(j)])));
    cache.set('jobs', jobs);
  }
  const jobKey = `job:${job?.id ?? ''}`;
  let needsType = cache.get(`${jobKey}:needs`);
  let matrix = cache.get(`${jobKey}:matrix`);
  if (!needsType || !matrix) {
    const needs: Record<string, Ty> = {};
    if (job) {
      for (const n of needsOf(job)) {
        const target = (model.whole ?? model).jobs.find((j) => j.id.toLowerCase() === n.id.toLowerCase());
        needs[n.id] = target ? jobResult(target) : obj({ outputs: mapOf(STRING), result: STRING });
      }
    }
    needsType = obj(needs);
    matrix = model.kind === 'action' ? mapOf(ANY) : matrixType(job);
    cache.set(`${jobKey}:needs`, needsType);
    cache.set(`${jobKey}:matrix`, matrix);
  }
  const steps = model.kind === 'action' ? model.steps : (job?.steps ?? []);
  let github = cache.get('github');
  if (!github) {
    github = githubType(model);
    cache.set('github', github);
  }
  return {
    github,
    env: mapOf(STRING),
    vars: mapOf(STRING),
    secrets: mapOf(STRING),
    runner: RUNNER_CONTEXT,
    strategy: STRATEGY_CONTEXT,
    job: JOB_CONTEXT,
    inputs,
    jobs,
    needs: needsType,
    matrix,
    steps: stepsBefore(steps, stepIndex),
  };
}
