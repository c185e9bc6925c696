// One-line documentation of workflow and action keys (hover, completion) and the keys each level allows.
import { ACTION, CALL_INPUT, DISPATCH_INPUT, JOB_KEYS, STEP, WORKFLOW, type Spec } from './schema';

export const KEY_DOCS: Record<string, string> = {
  name: 'Display name.',
  'run-name': 'Name of the workflow run (may use `github`, `inputs` and `vars`).',
  on: 'Events that trigger the workflow.',
  permissions: 'GITHUB_TOKEN permissions: `read-all`, `write-all`, `{}` or scopes (`contents: read`...).',
  env: 'Environment variables for all steps below this level.',
  defaults: 'Default `shell` and `working-directory` for `run` steps.',
  concurrency: 'Only one run (or job) of the same `group` at a time; `cancel-in-progress` cancels the older one.',
  jobs: 'The jobs of the workflow, by id.',
  needs: 'Jobs that must succeed before this one starts; their outputs are in `needs.<id>.outputs`.',
  'runs-on': 'Runner labels (`ubuntu-latest`...), a list of labels, or `{group, labels}`.',
  environment: 'Deployment environment (protection rules, environment secrets); `url` shows on the run.',
  outputs: 'Values other jobs read through `needs.<id>.outputs`.',
  if: 'Runs only when the condition is true; `${{ }}` is optional here.',
  steps: 'The steps of the job, run in order.',
  'timeout-minutes': 'Cancel after this many minutes (default 360 for jobs).',
  strategy: 'Matrix of job variations, `fail-fast` and `max-parallel`.',
  matrix: 'Dimensions whose combinations each run the job once; `include` adds, `exclude` removes.',
  'continue-on-error': 'A failure does not fail the job (or the workflow).',
  container: 'Docker image the job runs in.',
  services: 'Service containers (databases, caches) started for the job.',
  uses: 'An action (`owner/repo@ref`, `./path`, `docker://image`) or, on a job, a reusable workflow.',
  with: 'Inputs of the action or reusable workflow.',
  secrets: 'Secrets passed to a reusable workflow, or `inherit`.',
  id: 'Step id: `steps.<id>.outputs` and `steps.<id>.outcome` refer to it.',
  run: 'Shell commands to run.',
  shell: 'Shell for `run`: bash, pwsh, python, sh, cmd, powershell, or a command with `{0}`.',
  'working-directory': 'Directory the `run` commands start in.',
  snapshot: 'Creates a custom runner image from the job (larger runners).',
  description: 'Description.',
  inputs: 'Inputs with `description`, `required`, `default` (and `type`).',
  runs: 'How the action runs: `using: composite | docker | node20 | node24`.',
  branding: 'Icon and color shown on the Marketplace.',
  author: 'Author of the action.',
};

function keysOf(spec: Spec | undefined): string[] {
  if (!spec) return [];
  if (spec.t === 'map') return Object.keys(spec.keys);
  if (spec.t === 'oneOf') return keysOf(spec.map);
  return [];
}

/** Keys allowed in the mapping at `path` (`#` for sequence items), for completion. */
export function keysFor(kind: 'workflow' | 'action', path: string[]): string[] {
  if (kind === 'action') {
    if (!path.length) return keysOf(ACTION);
    if (path[0] === 'runs' && path.length === 1) return ['using', 'steps', 'main', 'pre', 'post', 'image', 'args', 'entrypoint', 'env'];
    if (path[0] === 'runs' && path[1] === 'steps') return keysOf(STEP);
    return [];
  }
  if (!path.length) return keysOf(WORKFLOW);
  if (path[0] === 'jobs' && path.length === 2) return Object.keys(JOB_KEYS);
  if (path[0] === 'jobs' && path[2] === 'steps' && path.length === 4) return keysOf(STEP);
  if (path[0] === 'jobs' && path.length === 3) return keysOf(JOB_KEYS[path[2]]);
  if (path[0] === 'on' && path[2] === 'inputs' && path.length === 4) return keysOf(path[1] === 'workflow_call' ? CALL_INPUT : DISPATCH_INPUT);
  if (path.length === 1) return keysOf((WORKFLOW as Extract<Spec, { t: 'map' }>).keys[path[0]]);
  return [];
}
