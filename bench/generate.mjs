// Deterministic generators for the benchmarks: Dockerfiles, multi-document manifests and workflows of a given size,
// and a repository of many small files. Same seed → same bytes, so every run and every peer sees the same input.
import * as fs from 'node:fs';
import * as path from 'node:path';

/** mulberry32: a tiny seeded PRNG. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const pick = (r, list) => list[Math.floor(r() * list.length)];

const BASES = ['node:22-slim', 'python:3.12-slim', 'golang:1.23', 'debian:bookworm', 'alpine:3.20', 'ubuntu', 'nginx:latest', 'eclipse-temurin:21-jre'];
const PACKAGES = ['curl', 'git', 'ca-certificates', 'build-essential', 'jq', 'unzip', 'openssl', 'libpq-dev', 'tini', 'make'];

/** A multi-stage Dockerfile of about `lines` lines, with the usual mix of good and questionable instructions. */
export function dockerfile(lines, seed = 1) {
  const r = rng(seed);
  const out = ['# syntax=docker/dockerfile:1', 'ARG BASE_VERSION=22'];
  let stage = 0;
  while (out.length < lines) {
    out.push('', `FROM ${pick(r, BASES)} AS stage${stage}`, `WORKDIR /src/s${stage}`);
    if (stage > 0 && r() < 0.5) out.push(`COPY --from=stage${stage - 1} /src/s${stage - 1}/out ./in`);
    const body = 6 + Math.floor(r() * 14);
    for (let i = 0; i < body && out.length < lines; i++) {
      const k = r();
      if (k < 0.25) {
        const pkgs = Array.from({ length: 2 + Math.floor(r() * 4) }, () => pick(r, PACKAGES));
        out.push(`RUN apt-get update && \\`, `    apt-get install -y ${pkgs.join(' ')} && \\`, '    rm -rf /var/lib/apt/lists/*');
      } else if (k < 0.4) out.push(`COPY ${pick(r, ['package.json', 'go.mod', 'requirements.txt', 'src/', '.'])} ./`);
      else if (k < 0.5) out.push(`ENV APP_${stage}_${i}=${Math.floor(r() * 1000)}`);
      else if (k < 0.6) out.push(`ARG FLAG_${i}=on`);
      else if (k < 0.7) out.push(`RUN cd /src && make target${i}`);
      else if (k < 0.78) out.push(`LABEL org.example.step${i}="stage ${stage}"`);
      else if (k < 0.85) out.push(`EXPOSE ${3000 + i}`);
      else if (k < 0.92) out.push(`RUN echo "building ${stage}.${i}" > /tmp/log${i}`);
      else out.push(`USER ${pick(r, ['root', '1000', 'app'])}`);
    }
    out.push(r() < 0.5 ? `CMD ["node", "s${stage}.js"]` : `CMD node s${stage}.js`);
    stage++;
  }
  return out.slice(0, Math.max(lines, 3)).join('\n') + '\n';
}

function deployment(r, i) {
  const name = `svc-${i}`;
  const image = r() < 0.3 ? 'nginx' : `registry.example.com/team/${name}:${1 + Math.floor(r() * 9)}.${Math.floor(r() * 20)}`;
  const probes = r() < 0.6;
  return [
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    `  name: ${name}`,
    '  labels:',
    `    app: ${name}`,
    '    tier: backend',
    'spec:',
    `  replicas: ${1 + Math.floor(r() * 5)}`,
    '  selector:',
    '    matchLabels:',
    `      app: ${name}`,
    '  template:',
    '    metadata:',
    '      labels:',
    `        app: ${name}`,
    '    spec:',
    '      containers:',
    `        - name: ${name}`,
    `          image: ${image}`,
    '          ports:',
    `            - containerPort: ${8000 + i}`,
    '          env:',
    '            - name: LOG_LEVEL',
    '              value: info',
    '          resources:',
    '            limits:',
    '              cpu: 500m',
    '              memory: 256Mi',
    ...(probes ? ['          livenessProbe:', '            httpGet:', '              path: /healthz', `              port: ${8000 + i}`, '          readinessProbe:', '            httpGet:', '              path: /ready', `              port: ${8000 + i}`] : []),
  ];
}

function service(r, i) {
  return ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: svc-${i}`, 'spec:', '  selector:', `    app: svc-${i}`, '  ports:', '    - port: 80', `      targetPort: ${8000 + i}`];
}

function configMap(r, i) {
  const keys = 2 + Math.floor(r() * 6);
  return ['apiVersion: v1', 'kind: ConfigMap', 'metadata:', `  name: config-${i}`, 'data:', ...Array.from({ length: keys }, (_, k) => `  key${k}: "value ${i}.${k}"`)];
}

/** A multi-document manifest of about `lines` lines: Deployments, Services and ConfigMaps. */
export function manifest(lines, seed = 2) {
  const r = rng(seed);
  const out = [];
  for (let i = 0; out.length < lines; i++) {
    const k = r();
    const doc = k < 0.5 ? deployment(r, i) : k < 0.8 ? service(r, i) : configMap(r, i);
    if (out.length) out.push('---');
    out.push(...doc);
  }
  return out.join('\n') + '\n';
}

/** A workflow of about `lines` lines with many jobs. */
export function workflow(lines, seed = 3) {
  const r = rng(seed);
  const out = ['name: ci', 'on:', '  push:', '    branches: [main]', '  pull_request:', 'permissions:', '  contents: read', 'jobs:'];
  for (let j = 0; out.length < lines; j++) {
    out.push(`  job${j}:`, `    name: Job ${j}`, `    runs-on: ${pick(r, ['ubuntu-latest', 'ubuntu-24.04', 'windows-latest', 'macos-latest'])}`);
    if (j > 0 && r() < 0.5) out.push(`    needs: job${Math.floor(r() * j)}`);
    if (r() < 0.3) out.push('    timeout-minutes: 30');
    out.push('    steps:', `      - uses: actions/checkout@${r() < 0.5 ? 'v4' : '11bd71901bbe5b1630ceea73d27597364c9af683'}`);
    const steps = 3 + Math.floor(r() * 8);
    for (let s = 0; s < steps; s++) {
      const k = r();
      if (k < 0.35) out.push(`      - name: Step ${s}`, `        run: npm run task${s} -- --shard ${j}`);
      else if (k < 0.55) out.push(`      - uses: actions/setup-node@v4`, '        with:', `          node-version: ${18 + (s % 3) * 2}`);
      else if (k < 0.7) out.push(`      - run: echo "\${{ github.event.head_commit.message }}"`);
      else if (k < 0.85) out.push('      - name: Cache', '        uses: actions/cache@v4', '        with:', `          path: ~/.cache/job${j}`, `          key: cache-\${{ runner.os }}-${j}-${s}`);
      else out.push(`      - run: |`, `          set -e`, `          ./scripts/step${s}.sh ${j}`);
    }
  }
  return out.join('\n') + '\n';
}

export const GENERATORS = { dockerfile, kubernetes: manifest, workflow };
export const FILE_NAMES = { dockerfile: 'Dockerfile', kubernetes: 'manifest.yaml', workflow: '.github/workflows/ci.yml' };

/** A repository of `count` small files of the three kinds (about 40/30/30), for CLI throughput. */
export function writeRepo(dir, count, seed = 4) {
  const r = rng(seed);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(path.join(dir, '.git'), { recursive: true });
  fs.mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  const files = [];
  for (let i = 0; i < count; i++) {
    const k = r();
    const sub = path.join(dir, `services/s${String(Math.floor(i / 50)).padStart(3, '0')}`);
    fs.mkdirSync(sub, { recursive: true });
    let file;
    if (k < 0.4) fs.writeFileSync((file = path.join(sub, `Dockerfile.${i}`)), dockerfile(20 + Math.floor(r() * 60), i));
    else if (k < 0.7) fs.writeFileSync((file = path.join(sub, `deploy-${i}.yaml`)), manifest(30 + Math.floor(r() * 90), i));
    else fs.writeFileSync((file = path.join(dir, '.github', 'workflows', `wf-${i}.yml`)), workflow(30 + Math.floor(r() * 90), i));
    files.push(file);
  }
  return files;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [kind, lines] = process.argv.slice(2);
  if (kind === 'repo') writeRepo(path.resolve(lines ?? 'bench-repo'), Number(process.argv[4] ?? 10000));
  else process.stdout.write(GENERATORS[kind](Number(lines ?? 1000)));
}
