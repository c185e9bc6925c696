// Hostile and malformed documents for the robustness tests: hand-made worst cases, and seeds for random mutation.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';

export const PATHS = { dockerfile: '/ws/Dockerfile', kubernetes: '/ws/deploy.yaml', workflow: '/ws/.github/workflows/ci.yml', action: '/ws/action.yml' } as const;
export type FuzzKind = keyof typeof PATHS;
export const KINDS = Object.keys(PATHS) as FuzzKind[];

const DOCKER_INSTRUCTIONS = ['FROM', 'RUN', 'CMD', 'LABEL', 'MAINTAINER', 'EXPOSE', 'ENV', 'ADD', 'COPY', 'ENTRYPOINT', 'VOLUME', 'USER', 'WORKDIR', 'ARG', 'ONBUILD', 'STOPSIGNAL', 'HEALTHCHECK', 'SHELL'];

/** Billion laughs: 9 levels of 9 aliases each expand to 9^9 scalars if anything resolves them naively. */
function aliasBomb(prefix: string): string {
  let text = `${prefix}a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n`;
  for (let i = 1; i < 9; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(',')}]\n`;
  return text;
}

/** Named worst cases; each is linted as every kind. */
export function nastyDocuments(): Array<{ name: string; text: string }> {
  const k8s = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\nspec:\n  template:\n    spec:\n      containers:\n        - name: web\n          image: nginx\n';
  const wf = 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: echo hi\n';
  const docs = [
    { name: 'empty', text: '' },
    { name: 'only newlines', text: '\n\n\r\n\r' },
    { name: 'alias bomb (billion laughs)', text: aliasBomb('apiVersion: v1\nkind: ConfigMap\n') },
    { name: 'alias bomb in a workflow', text: aliasBomb('on: push\njobs:\n  a:\n    runs-on: [*a8]\n') },
    { name: 'alias cycle-ish self reference', text: 'apiVersion: v1\nkind: Pod\nspec: &s\n  x: *s\n' },
    { name: 'deep flow sequences (10,000 levels)', text: `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(10000)}${']'.repeat(10000)}\n` },
    { name: 'deep flow maps (10,000 levels)', text: `on: push\njobs: ${'{a: '.repeat(10000)}1${'}'.repeat(10000)}\n` },
    { name: 'deep block sequences (10,000 levels on one line)', text: `apiVersion: v1\nkind: List\nitems:\n${'- '.repeat(10000)}x\n` },
    { name: 'deep block maps (1,500 levels)', text: `apiVersion: v1\nkind: Pod\nspec:\n${Array.from({ length: 1500 }, (_, i) => `${' '.repeat(i + 2)}k${i}:`).join('\n')} v\n` },
    { name: 'unclosed flow (10,000 levels)', text: `on: push\njobs: ${'['.repeat(10000)}\n` },
    { name: '1 MB single line scalar', text: `apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: ${'x'.repeat(1 << 20)}\n` },
    { name: '1 MB single line Dockerfile', text: `FROM node:22\nRUN echo ${'y'.repeat(1 << 20)}\n` },
    { name: '1 MB of continuation lines', text: `FROM node:22\nRUN ${'a \\\n'.repeat(1 << 18)}b\n` },
    { name: 'tabs for indentation', text: k8s.replace(/ {2}/g, '\t') },
    { name: 'CRLF line ends', text: k8s.replace(/\n/g, '\r\n') + wf.replace(/\n/g, '\r\n') },
    { name: 'lone CR line ends', text: wf.replace(/\n/g, '\r') },
    { name: 'BOM', text: `\uFEFF${k8s}` },
    { name: 'BOM Dockerfile', text: '\uFEFFFROM node\nRUN x\n' },
    { name: 'NUL bytes', text: `${wf}\u0000\u0000` },
    { name: 'lone surrogates and replacement chars (from invalid UTF-8)', text: `apiVersion: v1\nkind: Pod\nmetadata:\n  name: \uD800\uFFFD\uDFFF\n  labels: {\uDC00: x}\n` },
    { name: 'huge numbers', text: 'apiVersion: v1\nkind: Deployment\nspec:\n  replicas: 1e99999\n  revisionHistoryLimit: 123456789012345678901234567890\n  minReadySeconds: -0x7fffffffffffffffffff\n  x: .inf\n  y: -.nan\n' },
    { name: 'huge numbers in a workflow', text: 'on: push\njobs:\n  a:\n    timeout-minutes: 1e400\n    strategy:\n      max-parallel: 99999999999999999999999\n    runs-on: ubuntu-latest\n    steps: []\n' },
    { name: 'every Dockerfile instruction without arguments', text: DOCKER_INSTRUCTIONS.join('\n') + '\n' },
    { name: 'every Dockerfile instruction with only a continuation', text: DOCKER_INSTRUCTIONS.map((i) => `${i} \\\n`).join('') },
    { name: 'every Dockerfile instruction with odd flags', text: DOCKER_INSTRUCTIONS.map((i) => `${i} --=  --mount= --from= -- "\${}" '$'`).join('\n') },
    { name: 'ONBUILD chains', text: 'FROM a\nONBUILD ONBUILD ONBUILD\nONBUILD FROM\nONBUILD RUN\n' },
    { name: 'escape directive games', text: '# escape=`\n# escape=\\\nFROM a `\n  b\nRUN x `\n' },
    { name: 'heredocs unterminated', text: 'FROM a\nRUN <<EOF\nset -e\nCOPY <<A <<B /x\n' },
    { name: 'keys that are not strings', text: 'apiVersion: v1\nkind: Pod\n? [a, b]\n: 1\n? {x: y}\n: 2\nnull: 3\n1: 4\n' },
    { name: 'tags and odd scalars', text: 'apiVersion: !!binary aGk=\nkind: !custom Pod\nspec: !!set {a, b}\nmetadata: !!omap [a: 1]\n' },
    { name: 'many documents', text: Array.from({ length: 3000 }, (_, i) => `---\napiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: c${i}\n`).join('') },
    { name: 'document markers only', text: '---\n...\n---\n---\n...\n' },
    { name: 'workflow with every value a wrong type', text: 'on: 1\npermissions: 2\nenv: [a]\njobs:\n  a: 3\n  b:\n    steps: x\n    runs-on: {a: b}\n    needs: {x: 1}\n    strategy: []\n    uses: 4\n    with: 5\n' },
    { name: 'action with wrong types', text: 'name: 1\nruns: [a]\ninputs: x\noutputs: 3\n' },
    { name: 'expressions gone wrong', text: 'on: push\njobs:\n  a:\n    if: ${{ ${{ (((( }}\n    runs-on: ${{ }}\n    steps:\n      - run: ${{ github.event.issue.title }} ${{\n' },
  ];
  return docs;
}

/** Valid-ish documents of each kind to mutate: the repository's examples plus small built-in ones. */
export function seeds(root: string): Array<{ kind: FuzzKind; text: string }> {
  const out: Array<{ kind: FuzzKind; text: string }> = [
    { kind: 'dockerfile', text: '# syntax=docker/dockerfile:1\nARG V=22\nFROM node:${V} AS build\nWORKDIR /app\nCOPY --chown=node:node package*.json ./\nRUN npm ci && \\\n    npm run build\nFROM gcr.io/distroless/nodejs22 AS run\nCOPY --from=build /app/dist /app\nUSER 1000\nHEALTHCHECK CMD ["node", "/app/health.js"]\nENTRYPOINT ["node", "/app/index.js"]\n' },
    { kind: 'kubernetes', text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web # the front\n  labels: {app: web}\nspec:\n  replicas: 2\n  selector:\n    matchLabels:\n      app: web\n  template:\n    metadata:\n      labels:\n        app: web\n    spec:\n      containers:\n        - name: web\n          image: nginx:1.27\n          ports:\n            - containerPort: 80\n          resources:\n            limits: {cpu: 500m, memory: 128Mi}\n---\napiVersion: v1\nkind: Service\nmetadata:\n  name: web\nspec:\n  selector:\n    app: web\n  ports:\n    - port: 80\n' },
    { kind: 'workflow', text: 'name: ci\non:\n  push:\n    branches: [main]\n  pull_request_target:\npermissions:\n  contents: read\njobs:\n  test:\n    runs-on: ${{ matrix.os }}\n    strategy:\n      matrix:\n        os: [ubuntu-latest, windows-latest]\n    steps:\n      - uses: actions/checkout@v4\n        with:\n          persist-credentials: false\n      - run: echo "${{ github.event.pull_request.title }}"\n      - uses: ./.github/actions/setup\n  deploy:\n    needs: test\n    uses: org/repo/.github/workflows/deploy.yml@main\n    secrets: inherit\n' },
    { kind: 'action', text: "name: setup\ndescription: sets up\ninputs:\n  version:\n    default: '22'\nruns:\n  using: composite\n  steps:\n    - run: echo ${{ inputs.version }}\n      shell: bash\n" },
  ];
  const walk = (dir: string) => {
    for (const e of fs.existsSync(dir) ? fs.readdirSync(dir, { withFileTypes: true }) : []) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/dockerfile/i.test(e.name)) out.push({ kind: 'dockerfile', text: fs.readFileSync(p, 'utf8') });
      else if (/\.ya?ml$/.test(e.name)) out.push({ kind: /workflows/.test(p) ? 'workflow' : 'kubernetes', text: fs.readFileSync(p, 'utf8') });
    }
  };
  walk(path.join(root, 'examples'));
  return out;
}

const SPECIAL = ['\n', '\r\n', '\t', ' ', '-', ':', '#', '&a', '*a', '!', '|', '>', '[', ']', '{', '}', '"', "'", '\\', '`', '$', '${{', '}}', '---', '...', '<<', '\u0000', '\uFEFF', '\uD800', '9'.repeat(40)];

/** A mutation of a text: byte flips, truncation, insertion of YAML/Dockerfile syntax, line duplication and deletion. */
export type Mutation =
  | { op: 'flip'; at: number; code: number }
  | { op: 'truncate'; at: number }
  | { op: 'insert'; at: number; what: number }
  | { op: 'duplicateLine'; at: number; times: number }
  | { op: 'deleteLine'; at: number }
  | { op: 'indent'; at: number; by: number };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), code: fc.integer({ min: 0, max: 0xffff }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), what: fc.nat({ max: SPECIAL.length - 1 }) }),
  fc.record({ op: fc.constant('duplicateLine' as const), at: fc.nat(), times: fc.integer({ min: 1, max: 50 }) }),
  fc.record({ op: fc.constant('deleteLine' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('indent' as const), at: fc.nat(), by: fc.integer({ min: -4, max: 4 }) }),
);

export function mutate(text: string, mutations: Mutation[]): string {
  let t = text;
  for (const m of mutations) {
    const at = t.length ? m.at % (t.length + 1) : 0;
    const lines = t.split('\n');
    const line = lines.length ? m.at % lines.length : 0;
    switch (m.op) {
      case 'flip':
        t = t.slice(0, at) + String.fromCharCode(m.code) + t.slice(at + 1);
        break;
      case 'truncate':
        t = t.slice(0, at);
        break;
      case 'insert':
        t = t.slice(0, at) + SPECIAL[m.what] + t.slice(at);
        break;
      case 'duplicateLine':
        lines.splice(line, 0, ...Array(m.times).fill(lines[line]));
        t = lines.join('\n');
        break;
      case 'deleteLine':
        lines.splice(line, 1);
        t = lines.join('\n');
        break;
      case 'indent':
        lines[line] = m.by >= 0 ? ' '.repeat(m.by) + lines[line] : lines[line].replace(new RegExp(`^ {0,${-m.by}}`), '');
        t = lines.join('\n');
        break;
    }
  }
  return t;
}

/** Fuzz effort: a short deterministic pass by default (npm test), long with SHIPSHAPE_FUZZ_RUNS (npm run fuzz). */
export const FUZZ_RUNS = Number(process.env.SHIPSHAPE_FUZZ_RUNS ?? 40);
export const FUZZ_SEED = Number(process.env.SHIPSHAPE_FUZZ_SEED ?? 20261126);
/** Time bounds (1 s + 2 s per MB) are asserted only when asked (npm run fuzz), on a machine not shared with others. */
export const ASSERT_TIME = process.env.SHIPSHAPE_FUZZ_TIMING === '1';

/** Typing in an editor, for the finding-reuse equivalence tests: snippets inserted or removed at random places. */
export const typingArb = (snippets: string[]) =>
  fc.array(fc.record({ at: fc.nat(), ch: fc.constantFrom(...snippets), remove: fc.boolean() }), { minLength: 1, maxLength: 8 });

/** The versions a text goes through while `edits` are typed (a removal deletes as many characters as its snippet has). */
export function typed(text: string, edits: Array<{ at: number; ch: string; remove: boolean }>): string[] {
  const out: string[] = [];
  let t = text;
  for (const e of edits) {
    const at = e.at % (t.length + 1);
    t = e.remove ? t.slice(0, at) + t.slice(at + Math.max(1, e.ch.length)) : t.slice(0, at) + e.ch + t.slice(at);
    out.push(t);
  }
  return out;
}

/** Runs per reuse property: a few in `npm test`; `npm run fuzz` sets SHIPSHAPE_FUZZ_RUNS (each run lints several versions twice). */
export const reuseRuns = (normal: number) => (process.env.SHIPSHAPE_FUZZ_RUNS ? Math.max(normal, Math.ceil(Number(process.env.SHIPSHAPE_FUZZ_RUNS) / 10)) : normal);
