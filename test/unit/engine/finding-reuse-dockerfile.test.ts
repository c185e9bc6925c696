// Finding reuse for Dockerfiles (parts: the lines before the first stage, then one per stage; dockerfile/parts.ts):
// every version linted with reuse must equal a fresh lint of the same text, through edits inside a stage and edits of
// what stages share (FROM lines, stage names, global ARGs, SHELL/ENV/USER/WORKDIR of stages others build on, the
// final stage, COPY --from, parser directives).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { Engine } from '../../../server/src/engine/lint';
import type { Finding, WorkspaceReader } from '../../../server/src/engine/types';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { createRegistry } from '../../../server/src/languages';
import { mutate, mutationArb, reuseRuns, typed, typingArb, type Mutation } from '../../robustness/inputs';

const STAGES = [
  (i: number) => `# build${i} compiles the app
FROM node:22-slim AS build${i}
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm install && npm run build | tee build.log
RUN yarn install
ENV PATH=/src/node_modules/.bin:$PATH A=1 B=$A
ARG TOKEN=abc
COPY ./*.tar.gz /tmp/
RUN tar -xzf /tmp/app.tar.gz && curl -fsSL https://example.com/x | sh
`,
  (i: number) => `FROM build${i} AS test${i}
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN cd /src && make test | tee log
RUN apt-get update && apt-get install curl git
RUN wget https://example.com/a.tgz
USER root
COPY --from=build${i} /src/out /app
COPY --from=nowhere${i} /x /y
COPY a b c
EXPOSE 8080/TCP 99999
LABEL Version=1 org.opencontainers.image.source="https://example.com"
`,
  (i: number) => `FROM alpine:3.20 as Runtime${i}
RUN apk add curl && pip install flask requests>=2
RUN sudo useradd -u 1000000 app && ln -sf /bin/bash /bin/sh
ONBUILD RUN echo triggered
ADD app /app
WORKDIR app
COPY rel dest
CMD node server.js
CMD node other.js
ENV legacy value
MAINTAINER someone
`,
  (i: number) => `FROM --platform=linux/amd64 python:3.12 AS py${i}
RUN pip install --no-cache-dir -r requirements.txt && dnf install httpd && yum install -y x
RUN zypper install nginx && go install example.com/tool@latest && gem install rails
HEALTHCHECK CMD curl -f http://localhost/ || exit 1
COPY --from=test${i} / /
ENTRYPOINT python app.py
`,
];

function dockerfile(stages: number): string {
  const out = ['# syntax=docker/dockerfile:1\n# check=skip=JSONArgsRecommended\nARG BASE=debian:12\nARG VERSION\n# hadolint ignore=DL3008\n'];
  for (let i = 0; i < stages; i++) out.push('\n' + STAGES[i % STAGES.length](Math.floor(i / STAGES.length)));
  out.push('\nFROM ${BASE}\nUSER app\nEXPOSE 80\nCMD ["run"]\n');
  return out.join('');
}

const registry = createRegistry();
const config = mergeConfig(DEFAULT_CONFIG, { profile: 'all', domains: { dockerfile: { labelSchema: { 'org.opencontainers.image.source': 'url', maintainer: 'email' } } } });
const FILES = { 'package-lock.json': '{}', '.dockerignore': 'secret*\n*.log\n' };
const PATH = '/ws/app/Dockerfile';

/** The same files in every folder: a fresh lint runs on a path of its own (its parse and validation start cold). */
function workspaceAt(dir: string): WorkspaceReader {
  return memoryWorkspace(Object.fromEntries(Object.entries(FILES).map(([k, v]) => [path.join(dir, k), v])), '/ws');
}
const workspace = workspaceAt('/ws/app');
let freshCount = 0;

function lintWith(engine: Engine, text: string, reuseFindings: boolean): Finding[] {
  if (reuseFindings) return engine.lint({ path: PATH, text, kind: 'dockerfile', config, workspace, reuseFindings }).findings;
  const dir = `/ws/fresh${freshCount++}`;
  return engine.lint({ path: `${dir}/Dockerfile`, text, kind: 'dockerfile', config, workspace: workspaceAt(dir) }).findings;
}

/** One editing session: every version linted with reuse must equal a fresh lint of the same text. */
function session(versions: string[]): void {
  const reusing = new Engine(registry);
  for (const [n, text] of versions.entries()) {
    const fresh = lintWith(new Engine(registry), text, false);
    assert.deepEqual(lintWith(reusing, text, true), fresh, `version ${n}: ${JSON.stringify(text)}`);
  }
}

const SNIPPETS = ['x', ' ', '\n', '\\\n', '"', '#', 'FROM alpine AS build0\n', 'FROM build0\n', 'ARG BASE=alpine\n', 'ARG X\n', ' AS other', 'SHELL ["/bin/sh", "-c"]\n', 'USER 0\n', 'ENV A=2\n', 'WORKDIR /w\n', 'COPY --from=py0 / /\n', 'RUN npm install\n', 'RUN yarn set version berry\n', '# escape=`\n', 'HEALTHCHECK NONE\n', 'CMD x\n', '\r\n'];
const typing = typingArb(SNIPPETS);

describe('finding reuse across versions (Dockerfile, per stage)', () => {
  const small = dockerfile(5);
  const large = dockerfile(24);

  it('finds the same as a fresh lint, for edits inside a stage and of what stages share', () => {
    const findings = lintWith(new Engine(registry), large, false);
    assert.ok(findings.length > 150 && new Set(findings.map((f) => f.ruleId)).size > 40, `the file has findings of many rules (${findings.length}, ${new Set(findings.map((f) => f.ruleId)).size})`);
    const edit = (from: string, to: string, text = large) => {
      assert.ok(text.includes(from), from);
      return text.replace(from, to);
    };
    session([
      large,
      large,
      edit('make test | tee log', 'make test | tee logx'),
      large,
      edit('FROM build1 AS test1', 'FROM alpine AS test1'), // a stage no longer builds on another
      edit('FROM build1 AS test1', 'FROM build2 AS test1'),
      edit('AS build1', 'AS builder1'), // COPY --from and FROM of other stages now name nothing
      edit('ARG BASE=debian:12', 'ARG BASE=node:22'), // global ARGs
      edit('ARG VERSION\n', 'ARG VERSION\nARG TOKEN\n'),
      edit('SHELL ["/bin/bash", "-o", "pipefail", "-c"]', 'SHELL ["/bin/sh", "-c"]'),
      edit('WORKDIR /src\n', 'WORKDIR src\n'), // a WORKDIR that stages built on it inherit
      edit('ENV PATH=/src/node_modules/.bin:$PATH A=1 B=$A', 'ENV OTHER=1'),
      edit('USER app\n', ''), // the final stage
      edit('FROM ${BASE}\nUSER app\nEXPOSE 80\nCMD ["run"]\n', ''), // another stage becomes final
      large + 'FROM py0\nRUN yarn install\n',
      edit('# syntax=docker/dockerfile:1\n', '# escape=`\n'),
      edit('RUN yarn install\n', 'RUN corepack enable && yarn install\n'), // Yarn 2+ for the whole file
      edit('# build1 compiles the app\n', '# the build\n'), // the description comment of a FROM
      edit('\nFROM --platform', '\n  FROM --platform'),
      large,
    ]);
  });

  it('follows file-wide facts that an edit of one stage changes for the others (majority casing, Yarn 2+)', () => {
    const upper = 'FROM alpine:3.20 AS one\nrun echo x\nrun echo y\n\nFROM debian:12 AS two\nRUN yarn install\nRUN echo w\n';
    const lower = upper.replace('run echo y\n', 'run echo y\nrun echo q\nrun echo r\nrun echo s\n');
    session([upper, lower, upper, lower]);
    const findings = lintWith(new Engine(registry), lower, false).filter((f) => f.range.start.line >= 6);
    assert.ok(findings.some((f) => f.ruleId === 'dockerfile/consistent-instruction-casing'), 'stage two is now in the minority casing');
    const berry = upper.replace('run echo y\n', 'run echo y\nrun yarn set version berry\n');
    session([upper, berry, upper, berry]);
  });

  it('names the final stage right when only another stage is linted again (last-user-root)', () => {
    const two = 'FROM alpine:3.20 AS one\nUSER root\n\nFROM debian:12 AS two\nUSER root\n';
    const three = two + '\nFROM debian:12 AS three\nUSER app\n';
    session([two, two.replace('USER root\n\n', 'USER 0\n\n'), two, three, three.replace('USER root\n\n', 'USER 0\n\n'), two]);
    const messages = lintWith(new Engine(registry), two.replace('USER root\n\n', 'USER 0\n\n'), false).filter((f) => f.ruleId === 'dockerfile/last-user-root').map((f) => f.message);
    assert.deepEqual(messages, ['The last USER of stage "one" is root; switch to an unprivileged user.', 'The last USER of the final stage is root; switch to an unprivileged user.']);
  });

  it('follows the lockfiles in the build context between versions (npm-ci with COPY . .)', () => {
    const text = 'FROM node:22 AS one\nWORKDIR /app\nCOPY . .\nRUN npm install\n\nFROM node:22 AS two\nRUN echo two\n';
    const engine = new Engine(registry);
    const lint = (files: Record<string, string>, t: string) =>
      engine.lint({ path: '/ctx/Dockerfile', text: t, kind: 'dockerfile', config, workspace: memoryWorkspace(files, '/ctx'), reuseFindings: true }).findings.filter((f) => f.ruleId === 'dockerfile/npm-ci');
    assert.equal(lint({ '/ctx/package.json': '{}' }, text).length, 0);
    // Only the other stage is edited: stage one's findings would be reused, but the context now has a lockfile.
    assert.equal(lint({ '/ctx/package.json': '{}', '/ctx/package-lock.json': '{}' }, text.replace('echo two', 'echo 2')).length, 1);
    assert.equal(lint({ '/ctx/package.json': '{}' }, text).length, 0);
  });

  it('re-runs part-local rules only on changed stages (their findings move with the stage)', () => {
    const engine = new Engine(registry);
    const at = large.indexOf('\nFROM alpine:3.20');
    const line = large.slice(0, at).split('\n').length - 1;
    const before = lintWith(engine, large, true);
    const after = lintWith(engine, large.slice(0, at) + '\n# two more lines\n' + large.slice(at), true);
    const shifted = before.map((f) => `${f.ruleId}@${f.range.start.line + (f.range.start.line > line ? 2 : 0)}`);
    assert.deepEqual(after.map((f) => `${f.ruleId}@${f.range.start.line}`), shifted);
  });

  it('after a change of configuration, nothing stale is reused', () => {
    const engine = new Engine(registry);
    lintWith(engine, large, true);
    const strict = mergeConfig(DEFAULT_CONFIG, { profile: 'strict', rules: { 'dockerfile/apt-get-pin': 'off' } });
    const lint = (e: Engine, p: string) => e.lint({ path: p, text: large, kind: 'dockerfile', config: strict, workspace: workspaceAt(path.dirname(p)), reuseFindings: true }).findings;
    assert.deepEqual(lint(engine, PATH), lint(new Engine(registry), '/ws/strict/Dockerfile'));
  });

  for (const [name, base, normalRuns] of [['small', small, 12], ['large', large, 5]] as const) {
    it(`equals a fresh lint through random typing (${name} file)`, () => {
      fc.assert(
        fc.property(typing, (edits) => session([base, ...typed(base, edits)])),
        { seed: 17, numRuns: reuseRuns(normalRuns) },
      );
    });
  }

  it('tells stages of the same text apart (found by the long fuzz pass)', () => {
    // A repeated stage name, reported when only the later stage is edited.
    const twice = small.replace('FROM build0 AS test0\n', 'FROM build0 AS test0\nFROM build0 AS test0\n');
    assert.ok(twice !== small);
    session([twice, twice.replace('RUN cd /src && make test | tee log\n', '')]);
    // Identical stages in a row: each keeps its own findings (only the later ones repeat a name) when a line above
    // them goes.
    for (const times of [1, 4]) {
      const mutations: Mutation[] = [{ op: 'deleteLine', at: 229094482 }, { op: 'duplicateLine', at: 1433138570, times }, { op: 'deleteLine', at: 33482529 }];
      session([small, ...mutations.map((_, k) => mutate(small, mutations.slice(0, k + 1)))]);
    }
  });

  it('equals a fresh lint through random mutations', () => {
    fc.assert(
      fc.property(fc.array(mutationArb, { minLength: 1, maxLength: 5 }), (mutations) => {
        const versions = [small];
        for (let k = 1; k <= mutations.length; k++) versions.push(mutate(small, mutations.slice(0, k)));
        session(versions);
      }),
      { seed: 7, numRuns: reuseRuns(8) },
    );
  });
});
