// The ShellCheck scripts of a Dockerfile, built with the unchanged stages of the previous version reused, must be
// exactly the scripts built from scratch: random edits on a multi-stage Dockerfile.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/incremental';
import { buildModel } from '../../../server/src/dockerfile/model';
import { buildScripts } from '../../../server/src/dockerfile/shellcheck';
import { randomEdit, rng } from './random-edits';

const BASE = `# syntax=docker/dockerfile:1
ARG BASE=debian:12
ARG VERSION

FROM \${BASE} AS build
ARG TARGET
ENV MODE=release
# shellcheck disable=SC2086
RUN make $TARGET && \\
    # a comment
    echo $MODE
RUN <<EOF
set -e
echo "$VERSION"
EOF

FROM build AS test
SHELL ["/bin/bash", "-c"]
ENV EXTRA=1
# hadolint ignore=SC2046,DL3008
RUN echo $(ls) | grep x
RUN ["exec", "form"]

FROM alpine:3.20
RUN apk add curl && echo $HOME
RUN --mount=type=cache,target=/root/.cache pip install x
`;

const SNIPPETS = ['x', ' ', '\n', '\\\n', '$X', '#', '# shellcheck disable=SC2154\n', 'RUN echo $A\n', 'ARG A\n', 'ENV B=1\n', 'FROM build AS more\n', 'SHELL ["/bin/sh", "-c"]\n', 'ARG GLOBAL\n', 'ARG BASE=alpine:3.20\n', '<<EOF\n', 'EOF\n', '"'];

const edit = (text: string, r: () => number) => randomEdit(text, r, SNIPPETS, { insert: 0.6, delete: 0.4, maxDelete: 6 });

describe('ShellCheck scripts with unchanged stages reused', () => {
  it('are the scripts built from scratch after each of many random edits', () => {
    for (let seed = 1; seed <= 12; seed++) {
      const r = rng(seed);
      const key = `/shellcheck/${seed}/Dockerfile`;
      let text = BASE;
      buildScripts(buildModel(text, parseDockerfile(text, key)), key);
      for (let step = 0; step < 30; step++) {
        text = edit(text, r);
        const got = buildScripts(buildModel(text, parseDockerfile(text, key)), key);
        assert.deepEqual(got, buildScripts(buildModel(text)), `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('follows a global ARG default that changes the base image (and so the dialect) of unchanged stages', () => {
    const key = '/shellcheck/arg-default/Dockerfile';
    const debian = BASE;
    const alpine = BASE.replace('ARG BASE=debian:12', 'ARG BASE=alpine:3.20');
    buildScripts(buildModel(debian, parseDockerfile(debian, key)), key);
    const got = buildScripts(buildModel(alpine, parseDockerfile(alpine, key)), key);
    assert.deepEqual(got, buildScripts(buildModel(alpine)));
    // On Alpine (BusyBox ash) the build stage's RUNs leave POSIX-portability codes out.
    assert.ok(got.some((s) => s.exclude.includes('SC3001') && s.text.includes('make $TARGET')));
  });

  it('moves a reused stage with its lines', () => {
    const key = '/shellcheck/moved/Dockerfile';
    const scripts = buildScripts(buildModel(BASE, parseDockerfile(BASE, key)), key);
    assert.ok(scripts.length === 3 && scripts.every((s) => s.segments.length >= 1), JSON.stringify(scripts));
    const next = BASE.replace('ARG VERSION\n', 'ARG VERSION\n\n# more\n');
    assert.deepEqual(buildScripts(buildModel(next, parseDockerfile(next, key)), key), buildScripts(buildModel(next)));
  });
});
