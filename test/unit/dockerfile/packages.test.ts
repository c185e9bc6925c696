import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { assertFix, hits, message } from './check';

const ALPINE = 'FROM alpine:3.21\n';
const PY = 'FROM python:3.13-slim\n';

describe('dockerfile/apk-pin (DL3018)', () => {
  const rule = 'dockerfile/apk-pin';
  it('reports unpinned packages, not the --virtual name', () => {
    const text = `${ALPINE}RUN apk add --no-cache --virtual .build-deps gcc=14.2.0-r4 musl-dev\n`;
    assert.deepEqual(hits(text, rule), ['musl-dev']);
    assert.match(message(text, rule), /apk add musl-dev=<version>/);
  });
  it('accepts pins, constraints and local files', () => {
    assert.deepEqual(hits(`${ALPINE}RUN apk add --no-cache curl=8.11.1-r0 "bash>5" ./x.apk\n`, rule), []);
  });
});

describe('dockerfile/apk-no-cache (DL3019)', () => {
  const rule = 'dockerfile/apk-no-cache';
  it('reports apk add without --no-cache', () => {
    const text = `${ALPINE}RUN apk update && apk add curl=8.11.1-r0\n`;
    assert.deepEqual(hits(text, rule), ['apk add']);
    assert.match(message(text, rule), /--no-cache/);
  });
  it('accepts a cache mount on the apk cache', () => {
    assert.deepEqual(hits(`${ALPINE}RUN --mount=type=cache,target=/var/cache/apk apk add curl=8.11.1-r0\n`, rule), []);
    assert.deepEqual(hits(`${ALPINE}RUN --mount=type=cache,target=/etc/apk/cache/ apk add curl=8.11.1-r0\n`, rule), []);
  });
  it('adds --no-cache after add', () => {
    assertFix(`${ALPINE}RUN apk add curl=8.11.1-r0\n`, rule, `${ALPINE}RUN apk add --no-cache curl=8.11.1-r0\n`);
  });
});

describe('dockerfile/pip-pin (DL3013)', () => {
  const rule = 'dockerfile/pip-pin';
  it('reports unpinned packages for pip, pip3 and python -m pip', () => {
    const text = `${PY}RUN pip install --no-cache-dir flask requests==2.32.3 && python3 -m pip install --no-cache-dir gunicorn\n`;
    assert.deepEqual(hits(text, rule), ['flask', 'gunicorn']);
    assert.match(message(text, rule), /pip install flask==<version>/);
  });
  it('accepts ranges, extras, requirement files, local paths, VCS URLs and constraints', () => {
    const text = `${PY}RUN pip3 install --no-cache-dir "django>=5,<6" "uvicorn[standard]==0.34.0" -r requirements.txt . ./pkg git+https://github.com/a/b.git x.whl\n`;
    assert.deepEqual(hits(text, rule), []);
    assert.deepEqual(hits(`${PY}RUN pip install --no-cache-dir -c constraints.txt flask\n`, rule), []);
  });
});

describe('dockerfile/pip-no-cache (DL3042)', () => {
  const rule = 'dockerfile/pip-no-cache';
  it('reports pip install without --no-cache-dir', () => {
    const text = `${PY}RUN pip install flask==3.1.0\n`;
    assert.deepEqual(hits(text, rule), ['pip install']);
    assert.match(message(text, rule), /--no-cache-dir/);
  });
  it('accepts PIP_NO_CACHE_DIR and a cache mount on pip\'s cache', () => {
    assert.deepEqual(hits(`${PY}ENV PIP_NO_CACHE_DIR=1\nRUN pip install flask==3.1.0\n`, rule), []);
    assert.deepEqual(hits(`${PY}RUN PIP_NO_CACHE_DIR=off pip install flask==3.1.0\n`, rule), []);
    assert.deepEqual(hits(`${PY}RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.1.0\n`, rule), []);
  });
  it('adds --no-cache-dir after install', () => {
    assertFix(`${PY}RUN python -m pip install flask==3.1.0\n`, rule, `${PY}RUN python -m pip install --no-cache-dir flask==3.1.0\n`);
  });
});

describe('dockerfile/npm-pin (DL3016)', () => {
  const rule = 'dockerfile/npm-pin';
  const NODE = 'FROM node:22\n';
  it('reports named packages without a version, also scoped and @latest', () => {
    const text = `${NODE}RUN npm install -g typescript @angular/cli eslint@latest\n`;
    assert.deepEqual(hits(text, rule), ['typescript', '@angular/cli', 'eslint@latest']);
    assert.match(message(text, rule), /npm install typescript@<version>/);
  });
  it('accepts versions, lockfile installs, paths, tarballs and git URLs', () => {
    const text = `${NODE}RUN npm install && npm ci && npm install -g pnpm@9.15.0 @scope/x@1.2.3 ./local x.tgz git+https://github.com/a/b.git\n`;
    assert.deepEqual(hits(text, rule), []);
  });
});

describe('dockerfile/gem-pin (DL3028)', () => {
  const rule = 'dockerfile/gem-pin';
  it('reports gems without a version', () => {
    const text = 'FROM ruby:3.3\nRUN gem install bundler rake:13.2.1\n';
    assert.deepEqual(hits(text, rule), ['bundler']);
    assert.match(message(text, rule), /gem install bundler:<version>/);
  });
  it('accepts -v and --version', () => {
    assert.deepEqual(hits('FROM ruby:3.3\nRUN gem install bundler -v 2.5.23\n', 'dockerfile/gem-pin'), []);
  });
});

describe('dockerfile/go-install-pin (DL3062)', () => {
  const rule = 'dockerfile/go-install-pin';
  it('reports remote packages without a version or with @latest', () => {
    const text = 'FROM golang:1.23\nRUN go install golang.org/x/tools/gopls@latest && go install github.com/a/b/cmd/c\n';
    assert.deepEqual(hits(text, rule), ['golang.org/x/tools/gopls@latest', 'github.com/a/b/cmd/c']);
    assert.match(message(text, rule), /go install golang.org\/x\/tools\/gopls@<version>/);
  });
  it('accepts pinned versions and local packages', () => {
    assert.deepEqual(hits('FROM golang:1.23\nRUN go install -ldflags "-s -w" golang.org/x/tools/gopls@v0.17.1 ./... ./cmd/app\n', rule), []);
  });
});

describe('dockerfile/yarn-cache-clean (DL3060)', () => {
  const rule = 'dockerfile/yarn-cache-clean';
  const NODE = 'FROM node:22\n';
  it('reports yarn install without yarn cache clean', () => {
    const text = `${NODE}RUN yarn install --frozen-lockfile\n`;
    assert.deepEqual(hits(text, rule), ['yarn install']);
    assert.match(message(text, rule), /yarn cache clean/);
  });
  it('accepts the cleanup and a cache mount', () => {
    assert.deepEqual(hits(`${NODE}RUN yarn install --frozen-lockfile && yarn cache clean\n`, rule), []);
    assert.deepEqual(hits(`${NODE}RUN --mount=type=cache,target=/usr/local/share/.cache/yarn yarn install\n`, rule), []);
  });
  it('appends yarn cache clean', () => {
    assertFix(`${NODE}RUN yarn install --frozen-lockfile\n`, rule, `${NODE}RUN yarn install --frozen-lockfile && yarn cache clean\n`);
  });
});
