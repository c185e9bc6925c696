// The workflow/action model: one YAML parse, jobs, steps and every `uses:` reference with its node.
import type { Document, Scalar } from 'yaml';
import { isAlias } from '../yaml/yaml';
import { LineIndex } from '../engine/text';
import { get, isMap, isScalar, isSeq, parseYaml, scalarString, type YamlFile, type YAMLMap } from '../yaml/yaml';
import { parseYamlReusingBlock } from '../yaml/block-reparse';

export interface Step {
  node: YAMLMap;
  job?: Job;
  id?: string;
  index: number;
  /** facts.ts's parsed `uses:` of the step, computed on first use (many rules ask for every step). */
  usesCache?: unknown;
}

export interface Job {
  id: string;
  key: Scalar;
  node: YAMLMap;
  steps: Step[];
}

export interface UsesRef {
  node: Scalar;
  value: string;
  /** A step's `uses:` or a job's reusable-workflow `uses:`. */
  at: 'step' | 'job';
  step?: Step;
  job?: Job;
}

export interface ActionsModel {
  kind: 'workflow' | 'action';
  text: string;
  index: LineIndex;
  yaml: YamlFile;
  root?: YAMLMap;
  jobs: Job[];
  /** Steps of every job, or of a composite action's `runs.steps`. */
  steps: Step[];
  uses: UsesRef[];
  /**
   * Set on a model restricted to some jobs (finding reuse, parts.ts): the full model, for what rules read across
   * jobs (`needs.<id>` types, job ids that differ only in case).
   */
  whole?: ActionsModel;
}

/** Follows YAML aliases (`*name`) to their anchored node, so aliased jobs and steps are checked as if expanded. */
function deref(doc: Document.Parsed | undefined, node: unknown): unknown {
  let cur = node;
  for (let i = 0; i < 10 && isAlias(cur) && doc; i++) cur = cur.resolve(doc);
  return cur;
}

function stepsOf(list: unknown, job: Job | undefined, uses: UsesRef[], doc?: Document.Parsed): Step[] {
  list = deref(doc, list);
  if (!isSeq(list)) return [];
  const steps: Step[] = [];
  list.items.forEach((raw, index) => {
    const item = deref(doc, raw);
    if (!isMap(item)) return;
    const step: Step = { node: item, job, id: scalarString(get(item, 'id')), index, usesCache: undefined };
    steps.push(step);
    const u = get(item, 'uses');
    if (isScalar(u) && typeof u.value === 'string') uses.push({ node: u, value: u.value, at: 'step', step, job });
  });
  return steps;
}

/**
 * `path`: the file's path, for a workflow's incremental parse (an edit inside one job parses that job again and reuses
 * the rest of the previous version's tree: yaml/block-reparse.ts).
 */
export function buildModel(text: string, kind: 'workflow' | 'action', path?: string): ActionsModel {
  const index = LineIndex.of(text);
  const yaml = path !== undefined && kind === 'workflow' ? parseYamlReusingBlock(text, index, path, 'jobs') : parseYaml(text, index);
  const root = yaml.docs[0]?.contents;
  const model: ActionsModel = { kind, text, index, yaml, root: isMap(root) ? root : undefined, jobs: [], steps: [], uses: [] };
  if (!model.root) return model;
  if (kind === 'action') {
    model.steps = stepsOf(get(get(model.root, 'runs'), 'steps'), undefined, model.uses, yaml.docs[0]);
    return model;
  }
  const jobs = get(model.root, 'jobs');
  if (!isMap(jobs)) return model;
  for (const pair of jobs.items) {
    const value = deref(yaml.docs[0], pair.value);
    if (!isScalar(pair.key) || !isMap(value)) continue;
    const job: Job = { id: String(pair.key.value), key: pair.key, node: value, steps: [] };
    model.jobs.push(job);
    const u = get(job.node, 'uses');
    if (isScalar(u) && typeof u.value === 'string') model.uses.push({ node: u, value: u.value, at: 'job', job });
    job.steps = stepsOf(get(job.node, 'steps'), job, model.uses, yaml.docs[0]);
    model.steps.push(...job.steps);
  }
  return model;
}
