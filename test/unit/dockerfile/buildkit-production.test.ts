// Shipshape's production rules for Dockerfiles (no anchor tool): findings, ranges, messages and fix output.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { applyEdits } from '../../../server/src/engine/text';
import { at, covered, findingsOf, fixOnce, lint } from '../../helpers';

const DF = '/repo/Dockerfile';
const spots = (text: string, rule: string, files?: Record<string, string>) =>
  findingsOf(DF, text, `dockerfile/${rule}`, { files }).map((f) => `${at(f)} ${covered(text, f)}`);
/** Applies the first fix (safe or not) of the first finding of a rule. */
const applyFirst = (text: string, rule: string) => applyEdits(text, findingsOf(DF, text, `dockerfile/${rule}`)[0].fixes[0].edits).text;

describe('dockerfile/runs-as-root', () => {
  it('reports a final image without USER that runs a command, on its base image', () => {
    const text = 'FROM python:3.12-slim\nCOPY . /app\nCMD ["python", "/app/main.py"]\n';
    const [f] = findingsOf(DF, text, 'dockerfile/runs-as-root');
    assert.equal(`${at(f)} ${covered(text, f)}`, '1:6-1:22 python:3.12-slim');
    assert.equal(f.message, 'The final stage sets no USER: the container runs as root. Switch to an unprivileged user before CMD/ENTRYPOINT.');
    assert.equal(f.fixes[0].safe, false);
    assert.equal(applyFirst(text, 'runs-as-root'), 'FROM python:3.12-slim\nCOPY . /app\nRUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app\nUSER 1000\nCMD ["python", "/app/main.py"]\n');
  });
  it('picks the user line by distro family', () => {
    assert.equal(applyFirst('FROM node:22\nCMD ["node", "a.js"]\n', 'runs-as-root'), 'FROM node:22\nUSER node\nCMD ["node", "a.js"]\n');
    assert.equal(applyFirst('FROM alpine:3.20\nENTRYPOINT ["/a"]\n', 'runs-as-root'), 'FROM alpine:3.20\nRUN adduser -D -u 1000 app\nUSER 1000\nENTRYPOINT ["/a"]\n');
    assert.equal(applyFirst('FROM scratch\nCOPY app /app\nENTRYPOINT ["/app"]\n', 'runs-as-root'), 'FROM scratch\nCOPY app /app\nUSER 1000\nENTRYPOINT ["/app"]\n');
  });
  it('appends after the last instruction, closing a continuation that runs into the end of the file', () => {
    assert.equal(applyFirst('FROM debian:12\nRUN make', 'runs-as-root'), 'FROM debian:12\nRUN make\nRUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app\nUSER 1000');
    // `a=1 \` at the end: an appended line would join the ENV, so the dangling escape gives way to the new lines.
    assert.equal(applyFirst('FROM debian:12\nENV a=1 \\\n  b=2 \\\n', 'runs-as-root'), 'FROM debian:12\nENV a=1 \\\n  b=2\nRUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app\nUSER 1000\n');
    assert.equal(applyFirst('FROM debian:12\nENV a=1 \\\n# note\n\n', 'runs-as-root'), 'FROM debian:12\nENV a=1\nRUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app\nUSER 1000\n# note\n\n');
    // The escape directive picks the continuation character.
    assert.equal(applyFirst('# escape=`\nFROM debian:12\nENV a=1 `\n', 'runs-as-root'), '# escape=`\nFROM debian:12\nENV a=1\nRUN useradd --uid 1000 --create-home --shell /usr/sbin/nologin app\nUSER 1000\n');
  });
  it('accepts a USER anywhere in the final chain, nonroot bases, scratch exports, and ARG-chosen bases', () => {
    assert.deepEqual(spots('FROM node:22 AS base\nUSER node\nFROM base\nCMD ["node"]\n', 'runs-as-root'), []);
    assert.deepEqual(spots('FROM gcr.io/distroless/static:nonroot\nCMD ["/a"]\n', 'runs-as-root'), []);
    assert.deepEqual(spots('FROM scratch\nCOPY app /app\n', 'runs-as-root'), []);
    assert.deepEqual(spots('FROM debian:12\nRUN apt-get update\n', 'runs-as-root'), ['1:6-1:15 debian:12']);
    assert.deepEqual(spots('ARG BASE\nFROM ${BASE}\nCMD ["/a"]\n', 'runs-as-root'), []);
    // An explicit `USER root` is DL3002's finding, not this rule's.
    assert.deepEqual(spots('FROM debian:12\nUSER root\nCMD ["/a"]\n', 'runs-as-root'), []);
  });
});

describe('dockerfile/missing-healthcheck', () => {
  it('reports a service image without HEALTHCHECK on its first port, with a template fix', () => {
    const text = 'FROM nginx:1.27\nEXPOSE 80/tcp\nCMD ["nginx"]\n';
    const [f] = findingsOf(DF, text, 'dockerfile/missing-healthcheck');
    assert.equal(`${at(f)} ${covered(text, f)}`, '2:8-2:14 80/tcp');
    assert.equal(f.message, 'The image exposes port 80/tcp but has no HEALTHCHECK: add one so the runtime can detect an unhealthy service.');
    assert.equal(applyFirst(text, 'missing-healthcheck'), 'FROM nginx:1.27\nEXPOSE 80/tcp\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD curl -fsS http://localhost:80/ || exit 1\nCMD ["nginx"]\n');
    assert.equal(applyFirst('FROM alpine:3\nEXPOSE 8080\n', 'missing-healthcheck'), 'FROM alpine:3\nEXPOSE 8080\nHEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD wget -qO- http://localhost:8080/ || exit 1\n');
  });
  it('accepts a HEALTHCHECK (even NONE) and images that expose nothing', () => {
    assert.deepEqual(spots('FROM nginx:1.27\nEXPOSE 80\nHEALTHCHECK NONE\n', 'missing-healthcheck'), []);
    assert.deepEqual(spots('FROM nginx:1.27 AS web\nHEALTHCHECK CMD true\nFROM web\nEXPOSE 80\n', 'missing-healthcheck'), []);
    assert.deepEqual(spots('FROM node:22 AS build\nEXPOSE 3000\nFROM nginx:1.27\nCMD ["nginx"]\n', 'missing-healthcheck'), []);
  });
});

describe('dockerfile/single-stage-build-tools', () => {
  it('reports the first toolchain package a single-stage build installs', () => {
    const text = 'FROM python:3.12-slim\nRUN apt-get update && apt-get install -y --no-install-recommends gcc libpq-dev && pip install psycopg2\n';
    const [f] = findingsOf(DF, text, 'dockerfile/single-stage-build-tools');
    assert.equal(`${at(f)} ${covered(text, f)}`, '2:66-2:69 gcc');
    assert.equal(f.message, 'This single-stage build installs build tools (gcc, libpq-dev) that stay in the final image: build in a separate stage.');
    assert.deepEqual(spots('FROM alpine:3\nRUN apk add --no-cache build-base\n', 'single-stage-build-tools'), ['2:24-2:34 build-base']);
  });
  it('reports development dependencies: npm without --omit=dev, composer without --no-dev, dev requirement files', () => {
    const text = 'FROM node:22\nCOPY . .\nRUN npm ci\n';
    const [f] = findingsOf(DF, text, 'dockerfile/single-stage-build-tools');
    assert.equal(`${at(f)} ${covered(text, f)}`, '3:9-3:11 ci');
    assert.equal(f.message, 'This single-stage build installs devDependencies that stay in the final image: build in a separate stage, or install production dependencies only.');
    assert.deepEqual(spots('FROM php:8\nRUN composer install\n', 'single-stage-build-tools'), ['2:14-2:21 install']);
    assert.deepEqual(spots('FROM python:3\nRUN pip install -r requirements-dev.txt\n', 'single-stage-build-tools'), ['2:20-2:40 requirements-dev.txt']);
    assert.deepEqual(spots('FROM node:22\nRUN npm ci --omit=dev\nFROM node:22\n', 'single-stage-build-tools'), []);
    assert.deepEqual(spots('FROM node:22\nENV NODE_ENV=production\nRUN npm ci && npm install -g pm2\n', 'single-stage-build-tools'), []);
    assert.deepEqual(spots('FROM node:22\nRUN npm ci --omit=dev\nRUN pip install -r requirements.txt\nRUN composer install --no-dev\n', 'single-stage-build-tools'), []);
  });

  it('accepts multi-stage builds and runtime packages', () => {
    assert.deepEqual(spots('FROM debian:12 AS build\nRUN apt-get install -y gcc\nFROM debian:12\nCOPY --from=build /a /a\n', 'single-stage-build-tools'), []);
    assert.deepEqual(spots('FROM debian:12\nRUN apt-get install -y curl ca-certificates libpq5\n', 'single-stage-build-tools'), []);
  });
});

describe('dockerfile/npm-ci', () => {
  it('reports npm install after a lockfile is copied and rewrites it to npm ci', () => {
    const text = 'FROM node:22\nCOPY package*.json ./\nRUN npm install --omit=dev && npm install left-pad\n';
    assert.deepEqual(spots(text, 'npm-ci'), ['3:9-3:16 install']);
    assert.equal(findingsOf(DF, text, 'dockerfile/npm-ci')[0].message, 'A lockfile is copied before "npm install": use "npm ci" to install exactly the locked versions.');
    assert.equal(fixOnce(DF, text, 'dockerfile/npm-ci'), 'FROM node:22\nCOPY package*.json ./\nRUN npm ci --omit=dev && npm install left-pad\n');
    assert.deepEqual(spots('FROM node:22\nCOPY package.json package-lock.json ./\nRUN npm i\n', 'npm-ci'), ['3:9-3:10 i']);
  });
  it('knows COPY . . brings the lockfile only when the context has one', () => {
    const text = 'FROM node:22\nCOPY . .\nRUN npm install\n';
    assert.deepEqual(spots(text, 'npm-ci'), []);
    assert.deepEqual(spots(text, 'npm-ci', { '/repo/package-lock.json': '{}' }), ['3:9-3:16 install']);
  });
  it('accepts installs without a lockfile and npm ci', () => {
    assert.deepEqual(spots('FROM node:22\nCOPY package.json ./\nRUN npm install\nRUN npm ci\n', 'npm-ci'), []);
  });
});

describe('dockerfile/yarn-frozen-lockfile', () => {
  it('reports yarn install and bare yarn without a frozen lockfile flag', () => {
    const text = 'FROM node:22\nRUN yarn install --production\nRUN yarn\nRUN yarn add x\n';
    assert.deepEqual(spots(text, 'yarn-frozen-lockfile'), ['2:10-2:17 install', '3:5-3:9 yarn']);
    assert.equal(findingsOf(DF, text, 'dockerfile/yarn-frozen-lockfile')[0].message, '"yarn install" can rewrite yarn.lock during the build: add --frozen-lockfile.');
    assert.equal(fixOnce(DF, text, 'dockerfile/yarn-frozen-lockfile'), 'FROM node:22\nRUN yarn install --frozen-lockfile --production\nRUN yarn\nRUN yarn add x\n');
  });
  it('suggests --immutable for Yarn 2+ and accepts the flags', () => {
    const berry = 'FROM node:22\nCOPY .yarnrc.yml ./\nRUN yarn install\n';
    assert.equal(fixOnce(DF, berry, 'dockerfile/yarn-frozen-lockfile'), 'FROM node:22\nCOPY .yarnrc.yml ./\nRUN yarn install --immutable\n');
    assert.deepEqual(spots('FROM node:22\nRUN yarn install --frozen-lockfile && yarn --immutable\n', 'yarn-frozen-lockfile'), []);
  });
});

describe('dockerfile/pip-unpinned', () => {
  it('reports version ranges without an exact pin, not pinned ones, files or paths', () => {
    const text = 'FROM python:3\nRUN pip install --no-cache-dir flask==3.0.3 "gunicorn>=20" uvicorn~=0.30 -r req.txt ./local\n';
    assert.deepEqual(spots(text, 'pip-unpinned'), ['2:45-2:59 "gunicorn>=20"', '2:60-2:73 uvicorn~=0.30']);
    assert.equal(findingsOf(DF, text, 'dockerfile/pip-unpinned')[0].message, '"gunicorn>=20" accepts any matching version: pin an exact one (gunicorn==<version>) or install with -r/-c from a lock file.');
  });
  it('leaves packages without any version to DL3013: one finding per package', () => {
    const text = 'FROM python:3\nRUN pip install flask "requests<3"\n';
    assert.deepEqual(spots(text, 'pip-unpinned'), ['2:23-2:35 "requests<3"']);
    assert.deepEqual(spots(text, 'pip-pin'), ['2:17-2:22 flask']);
  });
  it('accepts constraints files, hash-checked installs, and python -m pip with pins', () => {
    assert.deepEqual(spots('FROM python:3\nRUN python -m pip install -c c.txt "x>1" && python3 -m pip install y==1\n', 'pip-unpinned'), []);
    assert.deepEqual(spots('FROM python:3\nRUN pip install --require-hashes "x>=1"\n', 'pip-unpinned'), []);
  });
});

describe('dockerfile/secret-values', () => {
  it('reports credential-shaped values in ENV, ARG and LABEL as errors, on the value', () => {
    const text = 'FROM a:1\nENV GITHUB_TOKEN=ghp_0123456789abcdefghijklmnopqrstuvwxyzAB\nARG DB=postgres://app:s3cret@db:5432/app\nLABEL k="AKIAIOSFODNN7EXAMPLE"\n';
    const f = findingsOf(DF, text, 'dockerfile/secret-values');
    assert.deepEqual(f.map((x) => `${at(x)} ${covered(text, x)}`), ['2:18-2:60 ghp_0123456789abcdefghijklmnopqrstuvwxyzAB', '3:8-3:41 postgres://app:s3cret@db:5432/app', '4:9-4:31 "AKIAIOSFODNN7EXAMPLE"']);
    assert.equal(f[1].message, 'The value of ARG "DB" looks like a URL with a password: it is stored in the image. Remove it, revoke it, and pass it as a build secret.');
    assert.equal(f[0].severity, 'error');
    assert.equal(spots('FROM a:1\nENV KEY="-----BEGIN OPENSSH PRIVATE KEY-----"\n', 'secret-values').length, 1);
    assert.equal(spots('FROM a:1\nENV DATABASE_URL=mysql://root:password@db/app\n', 'secret-values').length, 1);
  });
  it('accepts variables, placeholders and ordinary values', () => {
    assert.deepEqual(spots('FROM a:1\nENV U=https://user:${PASS}@h/x T=$GITHUB_TOKEN V=https://u:****@h W=https://u:<password>@h P=1.2.3\n', 'secret-values'), []);
  });
});

describe('dockerfile/copy-context-without-dockerignore', () => {
  it('reports COPY . when the build context has no .dockerignore', () => {
    const text = 'FROM a:1\nCOPY . .\nCOPY --from=x . .\n';
    assert.deepEqual(spots(text, 'copy-context-without-dockerignore'), ['2:6-2:7 .']);
    assert.equal(findingsOf(DF, text, 'dockerfile/copy-context-without-dockerignore')[0].message, 'COPY . copies the whole build context and there is no .dockerignore: add one to keep .git, .env files and build output out of the image.');
  });
  it('accepts a .dockerignore or a Dockerfile-specific ignore file, and narrower copies', () => {
    assert.deepEqual(spots('FROM a:1\nCOPY . .\n', 'copy-context-without-dockerignore', { '/repo/.dockerignore': '.git\n' }), []);
    assert.deepEqual(spots('FROM a:1\nADD ./ /app\n', 'copy-context-without-dockerignore', { '/repo/Dockerfile.dockerignore': '.git\n' }), []);
    assert.deepEqual(spots('FROM a:1\nCOPY src/ /app/\n', 'copy-context-without-dockerignore'), []);
  });
});

describe('dockerfile/image-digest (strict)', () => {
  it('reports tag-only images under the strict profile, on the tag', () => {
    const text = 'FROM node:22-slim\nFROM node:22@sha256:0123456789012345678901234567890123456789012345678901234567890123\nFROM scratch\n';
    assert.deepEqual(spots(text, 'image-digest'), ['1:11-1:18 22-slim']);
    assert.equal(lint(DF, text).findings.filter((f) => f.ruleId === 'dockerfile/image-digest').length, 0);
    assert.equal(lint(DF, text, { config: { profile: 'strict' } }).findings.filter((f) => f.ruleId === 'dockerfile/image-digest')[0].severity, 'info');
  });
});
