// Which contexts and special functions each workflow key may use (GitHub's "context availability" table),
// the typed `github`, `runner`, `strategy` and `job` contexts, and the built-in functions.
import { ANY, arrayOf, BOOL, mapOf, NUMBER, obj, STRING, type Ty } from './types';

export const ALL_CONTEXTS = ['github', 'env', 'vars', 'job', 'jobs', 'steps', 'runner', 'secrets', 'strategy', 'matrix', 'needs', 'inputs'];
const STATUS_FUNCTIONS = ['always', 'cancelled', 'success', 'failure'];

export interface Availability {
  contexts: string[];
  /** Special functions allowed here (status functions, hashFiles). */
  functions: string[];
}

const a = (contexts: string, functions = ''): Availability => ({ contexts: contexts.split(' ').filter(Boolean), functions: functions.split(' ').filter(Boolean) });

const STEP = 'github needs strategy matrix job runner env vars secrets steps inputs';
const STEP_IF = 'github needs strategy matrix job runner env vars steps inputs';

/** Keys are workflow paths with `*` for ids; the longest matching entry wins. */
const TABLE: Record<string, Availability> = {
  'run-name': a('github inputs vars'),
  concurrency: a('github inputs vars'),
  env: a('github secrets inputs vars'),
  'defaults.run': a(''),
  'jobs.*.steps.shell': a(''),
  'on.workflow_call.inputs.*.default': a('github inputs vars'),
  'on.workflow_call.outputs.*.value': a('github jobs vars inputs'),
  'jobs.*.concurrency': a('github needs strategy matrix inputs vars'),
  'jobs.*.container': a('github needs strategy matrix vars inputs'),
  'jobs.*.container.credentials': a('github needs strategy matrix env vars secrets inputs'),
  'jobs.*.container.env': a('github needs strategy matrix job runner env vars secrets inputs'),
  'jobs.*.continue-on-error': a('github needs strategy vars matrix inputs'),
  'jobs.*.defaults.run': a('github needs strategy matrix env vars inputs'),
  'jobs.*.env': a('github needs strategy matrix vars secrets inputs'),
  'jobs.*.environment': a('github needs strategy matrix vars inputs'),
  'jobs.*.environment.url': a('github needs strategy matrix job runner env vars steps inputs'),
  'jobs.*.if': a('github needs vars inputs', STATUS_FUNCTIONS.join(' ')),
  'jobs.*.name': a('github needs strategy matrix vars inputs'),
  'jobs.*.outputs': a('github needs strategy matrix job runner env vars secrets steps inputs'),
  'jobs.*.runs-on': a('github needs strategy matrix vars inputs'),
  'jobs.*.secrets': a('github needs strategy matrix secrets inputs vars'),
  'jobs.*.services': a('github needs strategy matrix vars inputs'),
  'jobs.*.services.*.credentials': a('github needs strategy matrix env vars secrets inputs'),
  'jobs.*.services.*.env': a('github needs strategy matrix job runner env vars secrets inputs'),
  'jobs.*.steps': a(STEP, 'hashFiles'),
  'jobs.*.steps.if': a(STEP_IF, `${STATUS_FUNCTIONS.join(' ')} hashFiles`),
  'jobs.*.strategy': a('github needs vars inputs'),
  'jobs.*.timeout-minutes': a('github needs strategy matrix vars inputs'),
  'jobs.*.with': a('github needs strategy matrix inputs vars'),
  'jobs.*.snapshot': a('github needs strategy matrix vars inputs'),
  // Keys where GitHub does not evaluate expressions at all.
  name: a(''),
  'jobs.*.permissions': a(''),
  permissions: a(''),
  // Composite actions: the action's own inputs, steps and the runner.
  'runs.steps': a('github inputs steps job runner env strategy matrix vars', 'hashFiles'),
  'runs.steps.if': a('github inputs steps job runner env strategy matrix vars', `${STATUS_FUNCTIONS.join(' ')} hashFiles`),
  'runs.pre-if': a('github inputs job runner env strategy matrix vars', STATUS_FUNCTIONS.join(' ')),
  'runs.post-if': a('github inputs job runner env strategy matrix vars', STATUS_FUNCTIONS.join(' ')),
  'runs': a('github inputs'),
  'runs.env': a('github inputs'),
  'outputs.*.value': a('github inputs steps'),
  'inputs.*.default': a('github'),
};

const NOTHING: Availability = { contexts: [], functions: [] };

/** Availability for a key path like `jobs.build.steps.0.with.token` (job ids and indexes are matched by `*`). */
export function availabilityAt(path: string[], kind: 'workflow' | 'action'): Availability | undefined {
  const norm = normalize(path, kind);
  for (let n = norm.length; n > 0; n--) {
    const key = norm.slice(0, n).join('.');
    if (TABLE[key]) return TABLE[key];
  }
  return kind === 'workflow' && norm[0] === 'on' ? NOTHING : undefined;
}

function normalize(path: string[], kind: 'workflow' | 'action'): string[] {
  const out: string[] = [];
  for (let i = 0; i < path.length; i++) {
    const parent = out.join('.');
    const p = path[i];
    if (kind === 'workflow' && (parent === 'jobs' || parent === 'jobs.*.services' || parent === 'on.workflow_call.inputs' || parent === 'on.workflow_call.outputs')) out.push('*');
    else if (kind === 'action' && (parent === 'outputs' || parent === 'inputs')) out.push('*');
    else if (/^\d+$/.test(p) && (parent.endsWith('.steps') || parent === 'runs.steps')) continue; // step index
    else out.push(p);
  }
  return out;
}

export const GITHUB_CONTEXT: Ty = obj(
  Object.fromEntries(
    [
      'action', 'action_path', 'action_ref', 'action_repository', 'action_status', 'actor', 'actor_id', 'api_url', 'base_ref', 'env',
      'event_name', 'event_path', 'graphql_url', 'head_ref', 'job', 'path', 'ref', 'ref_name', 'ref_type', 'repository',
      'repository_id', 'repository_owner', 'repository_owner_id', 'repositoryurl', 'retention_days', 'run_id', 'run_number', 'run_attempt',
      'secret_source', 'server_url', 'sha', 'token', 'triggering_actor', 'workflow', 'workflow_ref', 'workflow_sha', 'workspace', 'output', 'state',
      'step_summary', 'enterprise_managed_user',
    ].map((k) => [k, STRING] as [string, Ty])
      .concat([['event', mapOf(ANY)], ['ref_protected', BOOL]]),
  ),
);

export const RUNNER_CONTEXT: Ty = obj({ name: STRING, os: STRING, arch: STRING, temp: STRING, tool_cache: STRING, debug: STRING, environment: STRING });

export const STRATEGY_CONTEXT: Ty = obj({ 'fail-fast': BOOL, 'job-index': NUMBER, 'job-total': NUMBER, 'max-parallel': NUMBER });

const SERVICE = obj({ id: STRING, network: STRING, ports: mapOf(STRING) });
export const JOB_CONTEXT: Ty = obj(
  { container: obj({ id: STRING, network: STRING }), services: mapOf(SERVICE), status: STRING, check_run_id: NUMBER },
  ANY, // newer job.* properties (workflow_ref, workflow_sha...) appear without notice
);

export interface FunctionSig {
  params: Ty[];
  /** The last parameter repeats. */
  variadic?: boolean;
  /** Minimum number of arguments (defaults to params.length). */
  min?: number;
  returns: Ty;
}

export const FUNCTIONS: Record<string, FunctionSig[]> = {
  contains: [
    { params: [STRING, STRING], returns: BOOL },
    { params: [arrayOf(ANY), ANY], returns: BOOL },
  ],
  startswith: [{ params: [STRING, STRING], returns: BOOL }],
  endswith: [{ params: [STRING, STRING], returns: BOOL }],
  format: [{ params: [STRING, ANY], variadic: true, min: 1, returns: STRING }],
  join: [
    { params: [arrayOf(ANY), STRING], min: 1, returns: STRING },
    { params: [STRING, STRING], min: 1, returns: STRING },
  ],
  tojson: [{ params: [ANY], returns: STRING }],
  fromjson: [{ params: [STRING], returns: ANY }],
  hashfiles: [{ params: [STRING], variadic: true, min: 1, returns: STRING }],
  // A job's `if:` may name needed jobs: success('build', 'test').
  success: [{ params: [STRING], variadic: true, min: 0, returns: BOOL }],
  always: [{ params: [], returns: BOOL }],
  cancelled: [{ params: [], returns: BOOL }],
  failure: [{ params: [STRING], variadic: true, min: 0, returns: BOOL }],
  case: [{ params: [ANY, ANY, ANY], variadic: true, min: 3, returns: ANY }],
};

/** Display names of the functions (their documented casing). */
export const FUNCTION_NAMES = ['always', 'cancelled', 'case', 'contains', 'endsWith', 'failure', 'format', 'fromJSON', 'hashFiles', 'join', 'startsWith', 'success', 'toJSON'];

export const FUNCTION_DOCS: Record<string, string> = {
  contains: '`contains(search, item)`: true when the string `search` contains `item` (case-insensitive), or the array `search` has an element equal to `item`.',
  startswith: '`startsWith(searchString, searchValue)`: true when the string starts with the value (case-insensitive).',
  endswith: '`endsWith(searchString, searchValue)`: true when the string ends with the value (case-insensitive).',
  format: "`format(string, replaceValue0, ...)`: replaces `{0}`, `{1}`... in the string; `{{` and `}}` escape braces.",
  join: '`join(array, optionalSeparator)`: joins the elements with the separator (default `,`).',
  tojson: '`toJSON(value)`: the value as pretty-printed JSON.',
  fromjson: '`fromJSON(value)`: parses a JSON string into an object, array, number, boolean or null.',
  hashfiles: '`hashFiles(path, ...)`: SHA-256 of the files matching the glob patterns under `GITHUB_WORKSPACE` (empty string if none).',
  success: '`success()`: true when no previous step (or needed job) failed or was cancelled. Only in `if:`.',
  always: '`always()`: always true, even when cancelled. Only in `if:`.',
  cancelled: '`cancelled()`: true when the workflow was cancelled. Only in `if:`.',
  failure: '`failure()`: true when a previous step (or needed job) failed. Only in `if:`.',
  case: "`case(pred1, val1, ..., default)`: the value after the first true predicate, else the default.",
};

export const CONTEXT_DOCS: Record<string, string> = {
  github: 'Information about the workflow run and the event that triggered it (`github.event`, `github.ref`, `github.sha`...).',
  env: 'Environment variables set in the workflow, job or step `env:`.',
  vars: 'Configuration variables set at the organization, repository or environment level.',
  job: 'The current job: `job.status`, `job.container`, `job.services`.',
  jobs: 'Outputs and results of the jobs of a reusable workflow (only in `on.workflow_call.outputs`).',
  steps: 'Outputs, outcome and conclusion of earlier steps of this job that have an `id`.',
  runner: 'The runner executing the job: `runner.os`, `runner.arch`, `runner.temp`...',
  secrets: 'Secrets available to the run, such as `secrets.GITHUB_TOKEN`.',
  strategy: 'The matrix strategy of the job: `strategy.job-index`, `strategy.job-total`...',
  matrix: 'The matrix values of the current job combination.',
  needs: 'Outputs and results of the jobs listed in this job\'s `needs:`.',
  inputs: 'Inputs of a reusable workflow (`workflow_call`) or a manually triggered workflow (`workflow_dispatch`).',
};
