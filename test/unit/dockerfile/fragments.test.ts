// Instructions before the first FROM: a fragment (a snippet without FROM) or a broken file. They form an implicit
// stage, so that the rules still judge them, without crashing or attributing them to the first real stage.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lint } from '../../helpers';
import { DF, hits } from './check';

describe('instructions before the first FROM', () => {
  it('are checked by the rules as in a stage, with the same ranges', () => {
    const cases: Array<[string, string, string[]]> = [
      ['dockerfile/apt-get-pin', 'RUN apt-get install -y --no-install-recommends python\n', ['python']],
      ['dockerfile/apt-lists-cleanup', 'RUN apt-get update && apt-get install -y --no-install-recommends python=1\n', ['apt-get update']],
      ['dockerfile/workdir-absolute', 'WORKDIR relative/dir\n', ['relative/dir']],
      ['dockerfile/expose-port-range', 'EXPOSE 80000\n', ['80000']],
      ['dockerfile/multiple-instructions', 'CMD a\nCMD b\n', ['CMD', 'CMD']],
      ['dockerfile/copy-from-known-stage', 'COPY --from=foo bar .\n', ['foo']],
      ['dockerfile/json-args', 'CMD my-program start\n', ['my-program start']],
      ['dockerfile/env-self-reference', 'ENV BLA="blubb" BLUBB="${BLA}/blubb"\n', ['${BLA}']],
      ['dockerfile/copy-relative-without-workdir', 'COPY bla.sh bla.sh\n', ['bla.sh']],
      ['dockerfile/consecutive-run', 'RUN /foo.sh\nRUN /bar.sh\n', ['RUN']],
      ['dockerfile/yarn-cache-clean', 'RUN yarn install\n', ['yarn install']],
      ['dockerfile/npm-pin', 'RUN npm install express\n', ['express']],
      ['dockerfile/pipefail', 'RUN wget -O - https://some.site | wc -l > /number\n', ['|']],
      ['dockerfile/add-for-archives', 'COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n', ['packaged-app.tar']],
      ['dockerfile/label-key-format', 'LABEL invalid..character="foo"\n', ['invalid..character']],
    ];
    for (const [rule, text, expected] of cases) {
      assert.deepEqual(hits(text, rule), expected, `${rule} in a fragment`);
      const withFrom = `FROM debian:12\n${text}`;
      assert.deepEqual(hits(withFrom, rule), expected, `${rule} after FROM`);
    }
  });

  it('do not leak into the first stage', () => {
    // The ENV and SHELL before FROM are not the stage's; the RUN after FROM is judged on its own.
    assert.deepEqual(hits('ENV PIP_NO_CACHE_DIR=1\nFROM python:3.13\nRUN pip install flask==3.1.0\n', 'dockerfile/pip-no-cache'), ['pip install']);
    assert.deepEqual(hits('SHELL ["/bin/bash", "-o", "pipefail", "-c"]\nFROM debian:12\nRUN a | b\n', 'dockerfile/pipefail'), ['|']);
    assert.deepEqual(hits('RUN wget -q https://a\nFROM debian:12\nRUN curl -fsSLO https://b\n', 'dockerfile/wget-and-curl'), []);
    assert.deepEqual(hits('HEALTHCHECK CMD true\nFROM debian:12\n', 'dockerfile/healthcheck-required'), ['FROM']);
  });

  it('of every kind lint without an internal error, with and without a later FROM', () => {
    const pre = [
      '# syntax=docker/dockerfile:1',
      '# hadolint ignore=DL3008',
      'ARG BASE=debian:12',
      'BOGUS instruction',
      'ADD a.tar.gz /',
      'COPY --from=x --chown=1 a b',
      'CMD y',
      'ENTRYPOINT ["x"]',
      'ENV A=1 B=$A',
      'EXPOSE 80/tcp',
      'HEALTHCHECK CMD true',
      'LABEL a=b',
      'MAINTAINER me',
      'ONBUILD RUN pip install x',
      'RUN --mount=type=cache,target=/root/.cache apt-get update | tee log',
      'SHELL ["/bin/bash", "-c"]',
      'STOPSIGNAL 9',
      'USER root',
      'VOLUME /x',
      'WORKDIR app',
      'RUN <<EOF',
      'echo hi | cat',
      'EOF',
    ].join('\n');
    for (const text of [`${pre}\n`, `${pre}\nFROM $BASE AS final\nRUN true\n`]) {
      const findings = lint(DF, text, { config: { allRules: true } }).findings;
      assert.deepEqual(findings.filter((f) => f.ruleId === 'shipshape/internal-error'), []);
      assert.ok(findings.some((f) => f.ruleId === 'dockerfile/instruction-order'));
    }
  });
});
