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
  it('accepts VCS URLs with a ref, local paths, wheels and archives', () => {
    const text = `${PY}RUN pip install --no-cache-dir git+https://github.com/a/b.git@v1.2#egg=b ./pkg src/pkg x.whl x.tar.gz https://example.com/y.zip\n`;
    assert.deepEqual(hits(text, rule), []);
    assert.deepEqual(hits(`${PY}RUN pip install --no-cache-dir -e git+https://github.com/a/b.git#egg=b\n`, rule), []);
  });
  it('reports a VCS URL without a ref', () => {
    const text = `${PY}RUN pip install --no-cache-dir git+https://github.com/a/b.git#egg=b hg+https://hg.example.com/c\n`;
    assert.deepEqual(hits(text, rule), ['git+https://github.com/a/b.git#egg=b', 'hg+https://hg.example.com/c']);
  });
  it('skips a command that installs a requirements file or the project, whatever else it names', () => {
    assert.deepEqual(hits(`${PY}RUN pip install --no-cache-dir -r requirements.txt gunicorn\n`, rule), []);
    assert.deepEqual(hits(`${PY}RUN pip install --no-cache-dir --requirement=req.txt gunicorn\n`, rule), []);
    assert.deepEqual(hits(`${PY}RUN pip install --no-cache-dir . gunicorn\n`, rule), []);
    assert.deepEqual(hits(`${PY}RUN pip install --no-cache-dir -r req.txt && pip install --no-cache-dir gunicorn\n`, rule), ['gunicorn']);
  });
  it('skips the value of --build / -b', () => {
    assert.deepEqual(hits(`${PY}RUN pip3 install --no-cache-dir --build /opt/yamllint yamllint==1.20.0\n`, rule), []);
  });
  it('reports in a fragment without FROM', () => {
    assert.deepEqual(hits('RUN pip install MySQL_python\n', rule), ['MySQL_python']);
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
    assert.deepEqual(hits(`${PY}RUN --mount=type=cache,target=/root/.cache/pip pip install flask==3.1.0\n`, rule), []);
  });
  it('accepts any yes value of PIP_NO_CACHE_DIR: ENV, inherited, prefix or export', () => {
    for (const v of ['1', 'true', 'True', 'yes', 'on', 'ON', '"1"']) {
      assert.deepEqual(hits(`${PY}ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install flask==3.1.0\n`, rule), [], v);
      assert.deepEqual(hits(`${PY}RUN PIP_NO_CACHE_DIR=${v} pip install flask==3.1.0\n`, rule), [], v);
      assert.deepEqual(hits(`${PY}RUN export PIP_NO_CACHE_DIR=${v} && pip install flask==3.1.0\n`, rule), [], v);
    }
    assert.deepEqual(hits(`FROM ${'python:3.13'} AS base\nENV PIP_NO_CACHE_DIR=1\nFROM base\nRUN pip install six==1.17.0\n`, rule), []);
    assert.deepEqual(hits('ENV PIP_NO_CACHE_DIR=1\nRUN pip install MySQL_python\n', rule), []);
  });
  it('reports PIP_NO_CACHE_DIR set to a no value, set after the RUN, or set in an unrelated stage', () => {
    for (const v of ['0', 'off', 'no', 'false']) {
      assert.deepEqual(hits(`${PY}ENV PIP_NO_CACHE_DIR=${v}\nRUN pip install flask==3.1.0\n`, rule), ['pip install'], v);
      assert.deepEqual(hits(`${PY}RUN PIP_NO_CACHE_DIR=${v} pip install flask==3.1.0\n`, rule), ['pip install'], v);
      assert.deepEqual(hits(`${PY}RUN export PIP_NO_CACHE_DIR=${v} && pip install flask==3.1.0\n`, rule), ['pip install'], v);
    }
    assert.deepEqual(hits(`${PY}RUN pip install flask==3.1.0\nENV PIP_NO_CACHE_DIR=1\n`, rule), ['pip install']);
    assert.deepEqual(hits(`FROM python:3.13 AS base\nENV PIP_NO_CACHE_DIR=1\nFROM python:3.13\nRUN pip install six==1.17.0\n`, rule), ['pip install']);
  });
  it('ignores pipx and pipenv', () => {
    assert.deepEqual(hits(`${PY}RUN pipx install poetry && pipenv install requests\n`, rule), []);
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
  it('accepts versions, lockfile installs, paths, tarballs and git URLs with a ref', () => {
    const text = `${NODE}RUN npm install && npm ci && npm install -g pnpm@9.15.0 @scope/x@1.2.3 ./local x.tgz git+https://github.com/a/b.git#v1.0.0\n`;
    assert.deepEqual(hits(text, rule), []);
    assert.deepEqual(hits(`${NODE}RUN npm install git+ssh://git@github.com:npm/cli.git#semver:^5.0 github:user/repo#4f1c2a9 https://example.com/x.tgz\n`, rule), []);
  });
  it('reports git URLs without a commit, tag or semver range', () => {
    const text = `${NODE}RUN npm install git+https://github.com/a/b.git git://github.com/c/d.git github:user/repo\n`;
    assert.deepEqual(hits(text, rule), ['git+https://github.com/a/b.git', 'git://github.com/c/d.git', 'github:user/repo']);
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
    assert.deepEqual(hits("FROM ruby:3.3\nRUN gem install bundler --version '2.0.1' && gem i rake --version=13.2.1\n", rule), []);
  });
  it('reports with the short subcommand, each unpinned gem', () => {
    assert.deepEqual(hits('FROM ruby:3.3\nRUN gem i bundler:1 nokogiri rails\n', rule), ['nokogiri', 'rails']);
  });
  it('does not read build options after -- (or a flag\'s boolean value) as gems', () => {
    const base = 'FROM ruby:3.3\nRUN gem install bundler:2.0.1';
    assert.deepEqual(hits(`${base} -- --use-system-libraries true\n`, rule), []);
    assert.deepEqual(hits(`${base} -- --with-pg-config=/usr/bin/pg_config pg\n`, rule), []);
    assert.deepEqual(hits(`${base} --use-system-libraries true\n`, rule), []);
    assert.deepEqual(hits(`${base} --use-system-libraries=true\n`, rule), []);
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
  it('checks tools (go install tool, go get -tool), whatever their name', () => {
    const text = 'FROM golang:1.23\nRUN go install tool foobar && go get -tool example.com/t@latest && go install /go/app/x ./app/y\n';
    assert.deepEqual(hits(text, rule), ['foobar', 'example.com/t@latest']);
  });
  it('checks go get and go run too, and @none as unpinned', () => {
    const text = 'FROM golang:1.23\nRUN go get example.com/pkg && go get example.com/old@none && go run example.com/tool arg.example.com\n';
    assert.deepEqual(hits(text, rule), ['example.com/pkg', 'example.com/old@none', 'example.com/tool']);
    assert.match(message('FROM golang:1.23\nRUN go run example.com/tool\n', rule), /go run example.com\/tool@<version>/);
  });
  it('accepts pinned go get / go run, local files and the program\'s arguments', () => {
    const text = 'FROM golang:1.23\nRUN go get example.com/pkg@v1.2.3 && go run example.com/tool@v0.3.0 github.com/x/y --foo bar && go run main.go && go run . -v && go get -u ./... && go install tool foobar@v1.2.3\n';
    assert.deepEqual(hits(text, rule), []);
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
