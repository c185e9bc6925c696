// Workflows as independent parts for finding reuse (engine/reuse.ts): the header (everything before the first job) and
// one part per job of `jobs:` (from its key's line to the next job's key line). A job-local rule's findings inside a
// job depend only on that job's text and on the context key below: the header's text, what other jobs expose to it
// (ids, outputs, reusable-workflow calls), the file's indentation style, and the workspace facts the rules read
// (lockfiles, local actions, actionlint.yaml runner labels). Rules that compare jobs (needs, the job graph), read the
// whole workflow (a scan anywhere, permissions of every job) or run external tools are not part-local.
// test/unit/engine/finding-reuse-workflow.test.ts checks that reuse gives exactly what a fresh lint gives.
import type { Part, Rule, WorkspaceReader } from '../engine/types';
import { get, scalarString, indentStep, indentsSequences, isAlias, isMap, isNode, isPair, isScalar, isSeq, type YAMLMap } from '../yaml/yaml';
import { actionOf, defaultWorkingDirectory, normalDirectory, repoRoot, resolveIn, runScalar } from './facts';
import { NODE_LOCKS, PY_FILES } from './rules/setup-cache';
import { localAction } from './local';
import type { ActionsModel, Job } from './model';
import { actionsRules } from './rules';
import { actionsSyntax } from './rules/syntax';
import { imageScan } from './rules/image-scan';
import { jobNeeds } from './rules/job-needs';
import { missingPermissions } from './rules/missing-permissions';
import { reusableWorkflowCall } from './rules/reusable-workflow-call';
import { shellcheck } from './rules/shellcheck';
import { selfHostedLabels } from './runners';

/** Rules whose findings in a job depend on more than that job (and the context key). */
const NOT_PART_LOCAL: ReadonlyArray<Rule<ActionsModel>> = [
  actionsSyntax, // parse problems come from the parser, not from the rule
  jobNeeds, // the job graph: unknown ids, cycles
  reusableWorkflowCall, // callee files, and `needs.<caller>.outputs` in other jobs
  missingPermissions, // whether any job declares permissions
  imageScan, // a scan anywhere in the workflow silences it
  shellcheck, // an external tool
];

const notLocalIds = new Set(NOT_PART_LOCAL.map((r) => r.id));
export const workflowPartLocalRules: ReadonlySet<string> = new Set(actionsRules.filter((r) => !notLocalIds.has(r.id)).map((r) => r.id));

interface Layout {
  /** Start offsets of the jobs' parts (each at the start of its key's line). */
  starts: number[];
  /** The job pairs in order. */
  jobsMap: YAMLMap;
}

const layouts = new WeakMap<ActionsModel, Layout | null>();

/**
 * The job blocks of a workflow, or undefined when it cannot be split cleanly: parse problems, several documents,
 * anchors or aliases (a job may then hold another's content), a flow `jobs:` mapping, top-level keys after `jobs:`
 * (they would fall into the last job's part), job keys not alone at the start of their line at one indentation.
 */
function layout(model: ActionsModel): Layout | undefined {
  const known = layouts.get(model);
  if (known !== undefined) return known ?? undefined;
  const found = computeLayout(model);
  layouts.set(model, found ?? null);
  return found;
}

function computeLayout(model: ActionsModel): Layout | undefined {
  if (model.kind !== 'workflow' || !model.root || model.root.flow || model.yaml.problems.length || model.yaml.docs.length !== 1) return undefined;
  const root = model.root;
  const last = root.items[root.items.length - 1];
  if (!last || !isScalar(last.key) || last.key.value !== 'jobs') return undefined;
  const jobsMap = last.value;
  if (!isMap(jobsMap) || jobsMap.flow || !jobsMap.items.length) return undefined;
  if (mayHaveAnchors(model.text) && hasAnchors(root)) return undefined;
  const text = model.text;
  const starts: number[] = [];
  let indent = -1;
  for (const pair of jobsMap.items) {
    const at = isScalar(pair.key) ? pair.key.range?.[0] : undefined;
    if (at === undefined) return undefined;
    const lineStart = text.lastIndexOf('\n', at - 1) + 1;
    if (!/^ *$/.test(text.slice(lineStart, at))) return undefined;
    if (indent < 0) indent = at - lineStart;
    else if (at - lineStart !== indent) return undefined;
    if (starts.length && lineStart <= starts[starts.length - 1]) return undefined;
    starts.push(lineStart);
  }
  return { starts, jobsMap };
}

/** Whether the text may hold an anchor, alias or merge key (the same test actions/yaml-anchors starts with). */
function mayHaveAnchors(text: string): boolean {
  // The plain character test is much faster than the full pattern on texts without any of them.
  return (text.includes('&') || text.includes('*') || text.includes('<<')) && /(?:^|[\s[{,])(?:[&*][^\s&*,[\]{}]|<<\s*:)/m.test(text);
}

function hasAnchors(node: unknown): boolean {
  if (isAlias(node)) return true;
  if (isPair(node)) return hasAnchors(node.key) || hasAnchors(node.value);
  if (!isNode(node)) return false;
  if ((node as { anchor?: string }).anchor) return true;
  if (isMap(node) || isSeq(node)) for (const item of node.items as unknown[]) if (hasAnchors(item)) return true;
  return false;
}

/** The header and one part per job, or undefined when the file cannot be split. */
export function workflowParts(model: ActionsModel): Part[] | undefined {
  const l = layout(model);
  if (!l) return undefined;
  const text = model.text;
  const bounds = [0, ...l.starts, text.length];
  const parts: Part[] = [];
  for (let i = 0; i + 1 < bounds.length; i++) parts.push({ key: text.slice(bounds[i], bounds[i + 1]), start: bounds[i], end: bounds[i + 1] });
  return parts;
}

/**
 * Everything besides a job's own text that job-local findings depend on: the header, the jobs' ids and what they
 * expose to other jobs (outputs, a reusable-workflow call), the indentation style fixes follow, line breaks, and the
 * workspace facts rules read (lockfiles in the steps' directories, the repository's manifests, local actions'
 * metadata, self-hosted runner labels from actionlint.yaml).
 */
export function workflowPartContext(model: ActionsModel, text: string, filePath: string, workspace: WorkspaceReader): string {
  const l = layout(model);
  if (!l) return '';
  const jobs = model.jobs.map((j) => [j.id, interfaceOf(j)]);
  // Pairs that are not jobs (a job that is not a mapping) count with their ids too.
  const ids = l.jobsMap.items.map((p) => (isScalar(p.key) ? String(p.key.value) : '?'));
  return JSON.stringify([text.slice(0, l.starts[0]), ids, jobs, indentStep(text), indentsSequences(text), model.index.eol, workspaceFacts(model, filePath, workspace)]);
}

/** What other jobs see of a job: `needs.<id>.outputs` and `.result` types. */
function interfaceOf(job: Job): unknown {
  const outputs = get(job.node, 'outputs');
  return [get(job.node, 'uses') !== undefined, isMap(outputs) ? outputs.items.map((p) => (isScalar(p.key) ? String(p.key.value) : null)) : outputs === undefined ? 0 : 1];
}

/** What facts.parseUses calls a local action. */
function isLocalUses(value: string): boolean {
  const v = value.trim();
  return v.startsWith('./') || v.startsWith('.\\') || v === '.';
}

const LOCKFILES = ['package-lock.json', 'npm-shrinkwrap.json'];
/** What actions/npm-ci's pattern needs to match in a script (it checks for lockfiles only then). */
const NPM_INSTALL = /\bnpm\s+(?:install|i)\b/;

/**
 * The workspace facts job-local rules read, asked the way the rules ask them (the server's workspace reader resolves
 * symlinks on every call, and this runs on every edit): lockfiles only for directories of scripts that install with
 * npm (actions/npm-ci), root manifests only for the setup actions the workflow uses (actions/setup-cache), local
 * actions' metadata (actions/action-inputs, unknown-step-output, outdated-runtime), actionlint.yaml runner labels.
 */
function workspaceFacts(model: ActionsModel, filePath: string, workspace: WorkspaceReader): unknown {
  const root = repoRoot(filePath, workspace);
  const labels = selfHostedLabels({}, workspace, filePath);
  if (!root) return [labels];
  const dirs = new Set<string>();
  for (const job of model.jobs) {
    let jobDefault: string | undefined | null = null; // as facts.workingDirectory, the job's default looked up once
    for (const step of job.steps) {
      const run = runScalar(step);
      if (!run?.range || !NPM_INSTALL.test(model.text.slice(run.range[0], run.range[1]))) continue;
      const own = scalarString(get(step.node, 'working-directory'));
      if (own === undefined && jobDefault === null) jobDefault = defaultWorkingDirectory(job, model);
      dirs.add(normalDirectory(own ?? (jobDefault as string | undefined)));
    }
  }
  const locked = [...new Set([...dirs].map((d) => resolveIn(root, d)))].sort().map((d) => [d, LOCKFILES.some((f) => workspace.exists(resolveIn(d, f)))]);
  const slugs = new Set<string>();
  for (const step of model.steps) {
    const a = actionOf(step);
    if (a?.kind === 'remote') slugs.add(a.slug.toLowerCase());
  }
  const exists = (f: string) => workspace.exists(resolveIn(root, f));
  const manifests = [
    slugs.has('actions/setup-node') ? (NODE_LOCKS.find(([f]) => exists(f))?.[1] ?? null) : 0,
    slugs.has('actions/setup-python') ? (PY_FILES.find(([f]) => exists(f))?.[1] ?? null) : 0,
    slugs.has('actions/setup-go') ? exists('go.sum') : 0,
  ];
  const locals = new Set<string>();
  for (const u of model.uses) if (u.at === 'step' && isLocalUses(u.value)) locals.add(u.value.trim());
  const actions = [...locals].sort().map((v) => [v, localAction(workspace, root, v) ?? null]);
  return [root, labels, locked, manifests, actions];
}

/**
 * The model restricted to some jobs: its `jobs:` mapping holds only theirs (the header stays), and `whole` points
 * to the full model for what rules read across jobs (the types of `needs.<id>`, job ids that differ only in case).
 */
export function workflowPartModel(model: ActionsModel, parts: Part[]): ActionsModel | undefined {
  const l = layout(model);
  if (!l) return undefined;
  const wanted = new Set<number>();
  for (const p of parts) {
    const i = l.starts.indexOf(p.start);
    if (i < 0) return undefined; // the header: only with everything (its key changes the context)
    wanted.add(i);
  }
  const pairs = l.jobsMap.items.filter((_, i) => wanted.has(i));
  const keep = new Set(pairs.map((p) => p.value));
  const root = model.root!;
  const jobsMap = copyOf(l.jobsMap);
  jobsMap.items = pairs;
  const jobsPair = copyOf(root.items[root.items.length - 1]);
  jobsPair.value = jobsMap;
  const newRoot = copyOf(root);
  newRoot.items = [...root.items.slice(0, -1), jobsPair];
  const doc = copyOf(model.yaml.docs[0]);
  doc.contents = newRoot as typeof doc.contents;
  const jobs = model.jobs.filter((j) => keep.has(j.node));
  const jobSet = new Set(jobs);
  return {
    ...model,
    yaml: { docs: [doc], problems: model.yaml.problems },
    root: newRoot,
    jobs,
    steps: jobs.flatMap((j) => j.steps),
    uses: model.uses.filter((u) => u.job && jobSet.has(u.job)),
    whole: model,
  };
}

/** A shallow copy that keeps the prototype and the parser's hidden properties (node type, schema). */
function copyOf<T extends object>(node: T): T {
  const copy = Object.create(Object.getPrototypeOf(node));
  for (const key of Reflect.ownKeys(node)) Object.defineProperty(copy, key, Object.getOwnPropertyDescriptor(node, key)!);
  return copy;
}
