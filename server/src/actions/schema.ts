// A compact table of the workflow and action metadata syntax: which keys each section allows, their value shapes,
// and which are required. The structure walker (structure.ts) reads it.

export interface ScalarSpec {
  t: 'string' | 'bool' | 'number' | 'any' | 'scalar';
  expr?: boolean;
  allowEmpty?: boolean;
  /** Numbers: must be > 0 / must be an integer. */
  positive?: boolean;
  integer?: boolean;
}

export type Spec =
  | ScalarSpec
  | { t: 'enum'; values: string[]; caseInsensitive?: boolean }
  | { t: 'map'; name: string; keys: Record<string, Spec>; required?: string[]; expr?: boolean }
  /** A mapping from user-chosen names (env vars, job ids, service ids, inputs) to values of one shape. */
  | { t: 'dict'; name: string; of: Spec; expr?: boolean; allowEmpty?: boolean }
  | { t: 'seq'; name: string; of: Spec; expr?: boolean; allowEmpty?: boolean }
  /** One of several shapes, chosen by the node's kind (scalar, sequence, mapping). */
  | { t: 'oneOf'; name: string; scalar?: Spec; seq?: Spec; map?: Spec; allowNull?: boolean }
  /** Checked by a dedicated rule (events, permissions, matrix, runs-on). */
  | { t: 'custom'; name: string };

const str: Spec = { t: 'string', expr: true };
const strOrEmpty: Spec = { t: 'string', expr: true, allowEmpty: true };
const bool: Spec = { t: 'bool', expr: true };
const num: Spec = { t: 'number', expr: true };
const scalar: Spec = { t: 'scalar', expr: true, allowEmpty: true };
const any: Spec = { t: 'any' };
const strList = (name: string): Spec => ({ t: 'seq', name, of: str, expr: true });

const env: Spec = { t: 'dict', name: 'env', of: scalar, expr: true, allowEmpty: true };
export const RUNS_ON_KEYS = ['group', 'labels'];
const defaults: Spec = {
  t: 'map',
  name: 'defaults',
  keys: { run: { t: 'map', name: 'run', keys: { shell: str, 'working-directory': str } } },
};
const concurrency: Spec = {
  t: 'oneOf',
  name: 'concurrency',
  scalar: str,
  map: { t: 'map', name: 'concurrency', keys: { group: str, 'cancel-in-progress': bool, queue: str }, required: ['group'] },
};
const credentials: Spec = { t: 'map', name: 'credentials', keys: { username: str, password: str }, required: ['username', 'password'], expr: true };
const containerMap = (name: string, extra: Record<string, Spec> = {}): Spec => ({
  t: 'map',
  name,
  keys: { image: str, credentials, env, ports: { t: 'seq', name: 'ports', of: scalar, expr: true }, volumes: strList('volumes'), options: strOrEmpty, ...extra },
  required: ['image'],
  expr: true,
});
const container: Spec = { t: 'oneOf', name: 'container', scalar: str, map: containerMap('container'), allowNull: true };

const stepKeys: Record<string, Spec> = {
  id: str,
  if: { t: 'scalar', expr: true },
  name: str,
  uses: str,
  run: str,
  shell: str,
  with: { t: 'dict', name: 'with', of: scalar, expr: true, allowEmpty: true },
  env,
  'continue-on-error': bool,
  'timeout-minutes': { t: 'number', expr: true, positive: true },
  'working-directory': str,
  background: bool,
  wait: { t: 'oneOf', name: 'wait', scalar: str, seq: { t: 'seq', name: 'wait', of: str } },
  'wait-all': { t: 'scalar', expr: true, allowEmpty: true },
  cancel: str,
};
/** Keys that make a step a control step of background steps (no `run`/`uses`). */
export const CONTROL_STEP_KEYS = ['wait', 'wait-all', 'cancel'];
export const STEP: Spec = { t: 'map', name: 'step', keys: stepKeys };
export const RUN_STEP_KEYS = ['background', 'continue-on-error', 'env', 'id', 'if', 'name', 'run', 'shell', 'timeout-minutes', 'working-directory'];
export const USES_STEP_KEYS = ['background', 'continue-on-error', 'env', 'id', 'if', 'name', 'timeout-minutes', 'uses', 'with'];

export const JOB_KEYS: Record<string, Spec> = {
  name: str,
  needs: { t: 'oneOf', name: 'needs', scalar: str, seq: { t: 'seq', name: 'needs', of: str } },
  'runs-on': { t: 'custom', name: 'runs-on' },
  permissions: { t: 'custom', name: 'permissions' },
  environment: {
    t: 'oneOf',
    name: 'environment',
    scalar: str,
    map: { t: 'map', name: 'environment', keys: { name: str, url: str, deployment: bool }, required: ['name'] },
  },
  concurrency,
  outputs: { t: 'dict', name: 'outputs', of: str },
  env,
  defaults,
  if: { t: 'scalar', expr: true },
  steps: { t: 'seq', name: 'steps', of: { t: 'custom', name: 'step' } }, // each step is checked by Walker.step
  'timeout-minutes': { t: 'number', expr: true, positive: true },
  strategy: {
    t: 'map',
    name: 'strategy',
    keys: { matrix: { t: 'custom', name: 'matrix' }, 'fail-fast': bool, 'max-parallel': { t: 'number', expr: true, positive: true, integer: true } },
    expr: true,
  },
  'continue-on-error': bool,
  container,
  services: { t: 'dict', name: 'services', expr: true, of: { t: 'oneOf', name: 'service', scalar: str, map: containerMap('service', { entrypoint: str, command: str }) } },
  snapshot: {
    t: 'oneOf',
    name: 'snapshot',
    scalar: str,
    map: { t: 'map', name: 'snapshot', keys: { 'image-name': str, version: str, if: { t: 'scalar', expr: true } }, required: ['image-name'] },
  },
  uses: str,
  with: { t: 'dict', name: 'with', of: scalar, expr: true },
  secrets: { t: 'oneOf', name: 'secrets', scalar: { t: 'enum', values: ['inherit'] }, map: { t: 'dict', name: 'secrets', of: scalar } },
};

/** Keys a job that calls a reusable workflow may have. */
export const CALLER_JOB_KEYS = ['concurrency', 'if', 'name', 'needs', 'permissions', 'secrets', 'strategy', 'uses', 'with'];

export const WORKFLOW: Spec = {
  t: 'map',
  name: 'workflow',
  keys: {
    name: str,
    'run-name': str,
    description: strOrEmpty,
    on: { t: 'custom', name: 'on' },
    permissions: { t: 'custom', name: 'permissions' },
    env,
    defaults,
    concurrency,
    jobs: { t: 'custom', name: 'jobs' },
  },
  required: ['on', 'jobs'],
};

const actionInput: Spec = {
  t: 'map',
  name: 'input',
  keys: { description: strOrEmpty, required: bool, default: scalar, deprecationMessage: str },
};
const actionOutput: Spec = { t: 'map', name: 'output', keys: { description: strOrEmpty, value: str } };

export const ACTION: Spec = {
  t: 'map',
  name: 'action',
  keys: {
    name: str,
    author: strOrEmpty,
    description: strOrEmpty,
    inputs: { t: 'dict', name: 'inputs', of: actionInput, allowEmpty: true },
    outputs: { t: 'dict', name: 'outputs', of: actionOutput, allowEmpty: true },
    runs: { t: 'custom', name: 'runs' },
    branding: { t: 'map', name: 'branding', keys: { icon: str, color: str } },
  },
  required: ['name', 'runs'],
};

export const RUNS_KEYS: Record<string, Record<string, Spec>> = {
  composite: { using: str, steps: { t: 'seq', name: 'steps', of: { t: 'custom', name: 'step' }, allowEmpty: true } },
  docker: {
    using: str,
    image: str,
    env,
    entrypoint: str,
    'pre-entrypoint': str,
    'post-entrypoint': str,
    args: { t: 'seq', name: 'args', of: scalar },
    'pre-if': str,
    'post-if': str,
  },
  node: { using: str, main: str, pre: str, post: str, 'pre-if': str, 'post-if': str },
};

/** Keys of an `inputs:` entry of each manual or reusable trigger. */
export const DISPATCH_INPUT: Spec = {
  t: 'map',
  name: 'inputs',
  keys: { description: strOrEmpty, required: bool, default: scalar, type: str, options: { t: 'seq', name: 'options', of: scalar }, deprecationMessage: str },
};
export const CALL_INPUT: Spec = {
  t: 'map',
  name: 'inputs',
  keys: { description: strOrEmpty, required: bool, default: scalar, type: str },
  required: ['type'],
};
export const CALL_OUTPUT: Spec = { t: 'map', name: 'outputs', keys: { description: strOrEmpty, value: str }, required: ['value'] };
export const CALL_SECRET: Spec = { t: 'map', name: 'secrets', keys: { description: strOrEmpty, required: bool } };

export { any };
