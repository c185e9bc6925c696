// The workspace every editor test opens: faulty and clean Dockerfiles, manifests and workflows. Clean files are our own
// snippets expanded with their defaults, so they stay clean as rules are added (the snippet self-lint test guards them).
// No vscode import: the runners (test-electron, code-server, Playwright, Neovim) write it before starting an editor.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expandSnippet } from './snippet-expand';

const ROOT = path.resolve(__dirname, '../../..');

export function snippetText(file: string, prefix: string): string {
  const all = JSON.parse(fs.readFileSync(path.join(ROOT, 'snippets', file), 'utf8')) as Record<string, { prefix: string; body: string[] }>;
  const s = Object.values(all).find((x) => x.prefix === prefix);
  if (!s) throw new Error(`no snippet ${prefix} in ${file}`);
  return expandSnippet(s.body.join('\n')) + '\n';
}

export const BAD_DOCKERFILE = 'FROM node:latest\nWORKDIR /app\nCMD node server.js\n';
export const CMD_FIX_DOCKERFILE = 'FROM node:22.12-bookworm-slim\nWORKDIR /app\nUSER 1000\nCMD node server.js\n';
export const CMD_FIXED = 'CMD ["node", "server.js"]';

export const BAD_DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: api
spec:
  replicas: 2
  selector:
    matchLabels:
      app: api
  template:
    metadata:
      labels:
        app: api
    spec:
      containers:
        # the API server
        - name: api
          image: registry.example.com/api:latest
          ports:
            - containerPort: 8080
`;

export const BAD_WORKFLOW = `name: bad
on: push
jobs:
  build:
    runs-on: ubuntu-latest
    steps:
      - uses: some-org/deploy-action@main
`;

/** Relative path → content. */
export function fixtureFiles(): Record<string, string> {
  return {
    'docker/bad/Dockerfile': BAD_DOCKERFILE,
    'docker/cmd-fix/Dockerfile': CMD_FIX_DOCKERFILE,
    'docker/fix-all/Dockerfile': 'FROM node:22.12-bookworm-slim AS build\nCMD node build.js\nFROM node:22.12-bookworm-slim\nUSER 1000\nENTRYPOINT /run.sh\n',
    // Only the latest tag is wrong here: the settings scenarios turn that one rule off and expect a clean file.
    'docker/settings/Dockerfile': 'FROM node:latest\nUSER 1000\n',
    'docker/good/Dockerfile': snippetText('dockerfile.json', 'ss-node'),
    'docker/good/.dockerignore': '.git\nnode_modules\n',
    'docker/good/package-lock.json': '{}\n',
    'k8s/bad-deployment.yaml': BAD_DEPLOYMENT,
    'k8s/fix-deployment.yaml': BAD_DEPLOYMENT.replace(/\bapi\b/g, 'worker'),
    'k8s/good-deployment.yaml': snippetText('kubernetes.json', 'ss-deployment'),
    '.github/workflows/bad.yml': BAD_WORKFLOW,
    '.github/workflows/good.yml': snippetText('github-actions.json', 'ss-ci-node'),
    'package-lock.json': '{}\n',
  };
}

/** Writes (or rewrites) the fixture workspace; returns its absolute path. */
export function writeWorkspace(dir: string, extraSettings: Record<string, unknown> = {}): string {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [rel, text] of Object.entries(fixtureFiles())) {
    const abs = path.join(dir, rel);
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, text);
  }
  fs.mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  fs.writeFileSync(
    path.join(dir, '.vscode', 'settings.json'),
    JSON.stringify({ 'files.autoSave': 'off', 'editor.codeActionsOnSave': {}, ...extraSettings }, null, 2),
  );
  return dir;
}
