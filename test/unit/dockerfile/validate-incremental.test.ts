// Syntax validation per instruction, reusing the previous version's results for unchanged instructions, must give
// exactly what dockerfile-utils' validator gives over the whole file: random edits on a Dockerfile full of problems.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseDockerfile } from '../../../server/src/dockerfile/incremental';
import { buildModel } from '../../../server/src/dockerfile/model';
import { syntaxProblems } from '../../../server/src/dockerfile/validate';
import { randomEdit, rng } from './random-edits';

const BASE = `# syntax=docker/dockerfile:1
# escape=\\
ARG BASE=debian:12
ARG VERSION
ENV EARLY=1

FROM \${BASE} AS build
WORKDIR /src
ENV PATH=/opt/bin:$PATH \\
    MODE
ENV A="unterminated
COPY --chown=app:app --unknown=1 package.json ./
COPY --unpack=true a.tar /x/
COPY -- src dst
ADD --chmod=abc a b
RUN apt-get update && \\

    rm -rf /var/lib/apt/lists/*
# dockerfile-utils: ignore
EXPOSE 99999
EXPOSE 8080-80 9000/tcpx 8080:80
RUN --mount=type=cache,target=/root/.cache,bogus=1 --network=weird --security=odd --frob pip install x
RUN <<EOF
set -e

echo "building $VERSION"
EOF
LABEL org.opencontainers.image.title="demo" \\
      maintainer
HEALTHCHECK --interval=xx CMD curl -f http://localhost/ || exit 1
STOPSIGNAL SIGFOO
USER
ONBUILD ONBUILD RUN x
ONBUILD FROM alpine
ONBUILD COPY --frob a b
ONBUILD RUN echo \${X:?need} \${Y:+set} \${Z:%bad}
ENV V=\${W:%bad}
CMD ['single', 'quotes']
ENTRYPOINT ["a", "b"
SHELL not-json
FROM
frob something
VOLUME
FROM node:22-slim AS build
ARG
CMD node server.js
`;

const SNIPPETS = ['x', ' ', '\n', '\\\n', '\\', '#', '# dockerfile-utils: ignore\n', '<<EOF\n', 'EOF\n', 'RUN echo hi\n', '${FOO:%x}', '"', "'", '[', ']', '--frob ', 'FROM alpine\n', '\n\n', '\t', 'ARG X=1\n', 'ONBUILD ', '# escape=`\n', '`'];

const edit = (text: string, r: () => number) => randomEdit(text, r, SNIPPETS, { insert: 0.55, delete: 0.35, maxDelete: 6 });

const whole = (text: string) => syntaxProblems(buildModel(text), undefined, { wholeFile: true });

describe('dockerfile syntax validation per instruction', () => {
  it('finds what the whole-file validator finds', () => {
    const problems = whole(BASE);
    assert.ok(problems.length > 20, `only ${problems.length} problems in the base text`);
    assert.deepEqual(syntaxProblems(buildModel(BASE)), problems);
  });

  it('equals the whole-file validator after each of many random edits, reusing the previous version', () => {
    for (let seed = 1; seed <= 16; seed++) {
      const r = rng(seed);
      const key = `/validate/${seed}/Dockerfile`;
      let text = BASE;
      syntaxProblems(buildModel(text, parseDockerfile(text, key)), key);
      for (let step = 0; step < 30; step++) {
        text = edit(text, r);
        const got = syntaxProblems(buildModel(text, parseDockerfile(text, key)), key);
        assert.deepEqual(got, whole(text), `seed ${seed}, step ${step}: ${JSON.stringify(text)}`);
      }
    }
  });

  it('moves reused problems with their instruction', () => {
    const key = '/validate/moved/Dockerfile';
    syntaxProblems(buildModel(BASE, parseDockerfile(BASE, key)), key);
    const next = BASE.replace('WORKDIR /src\n', 'WORKDIR /src\nRUN echo one\n\nRUN echo two\n');
    assert.deepEqual(syntaxProblems(buildModel(next, parseDockerfile(next, key)), key), whole(next));
    const back = next.replace('RUN echo one\n', '');
    assert.deepEqual(syntaxProblems(buildModel(back, parseDockerfile(back, key)), key), whole(back));
  });
});
