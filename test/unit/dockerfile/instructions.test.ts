import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { findingsOf } from '../../helpers';
import { assertFix, DF, hits, message } from './check';

const FROM = 'FROM debian:12\n';

describe('dockerfile/workdir-absolute (DL3000, WorkdirRelativePath)', () => {
  const rule = 'dockerfile/workdir-absolute';
  it('reports a relative WORKDIR with both codes while no absolute one is set', () => {
    const text = `${FROM}WORKDIR app/\n`;
    const [f] = findingsOf(DF, text, rule);
    assert.deepEqual(hits(text, rule), ['app/']);
    assert.deepEqual(f.aliases, ['DL3000', 'WorkdirRelativePath']);
    assert.match(f.message, /WORKDIR "app\/" is relative/);
    assert.equal(f.fixes.length, 0);
  });
  it('reports only DL3000 after an absolute WORKDIR, and fixes it to the resolved path', () => {
    const text = `${FROM}WORKDIR /srv\nWORKDIR app\n`;
    assert.deepEqual(findingsOf(DF, text, rule)[0].aliases, ['DL3000']);
    assert.deepEqual(findingsOf(DF, `${FROM}WORKDIR a\nWORKDIR b\n`, rule).map((f) => f.aliases.length), [2, 2]);
    assertFix(text, rule, `${FROM}WORKDIR /srv\nWORKDIR /srv/app\n`);
  });
  it('accepts absolute paths, variables and Windows paths', () => {
    assert.deepEqual(hits(`${FROM}WORKDIR /app\nWORKDIR $HOME\nWORKDIR "/quoted dir"\nWORKDIR C:\\app\n`, rule), []);
  });
});

describe('dockerfile/last-user-root (DL3002)', () => {
  const rule = 'dockerfile/last-user-root';
  it('reports a final USER root on its value', () => {
    const text = `${FROM}USER app\nUSER root:root\n`;
    assert.deepEqual(hits(text, rule), ['root:root']);
    assert.match(message(text, rule), /root/);
    assert.deepEqual(hits(`${FROM}USER 0\n`, rule), ['0']);
  });
  it('accepts a non-root last user in every stage', () => {
    assert.deepEqual(hits(`${FROM}USER root\nRUN true\nUSER app\n`, rule), []);
    assert.deepEqual(hits(`FROM debian:12 AS build\nUSER root\nRUN make\nUSER app\nFROM debian:12\nRUN true\n`, rule), []);
    assert.deepEqual(hits(`${FROM}USER rooty\nUSER 1000:0\n`, rule), []);
  });
  it('checks every stage: the last USER of an earlier stage counts too', () => {
    const text = `FROM debian:12 AS build\nUSER root\nRUN make\nFROM debian:12\nUSER app\n`;
    assert.deepEqual(hits(text, rule), ['root']);
    assert.match(message(text, rule), /stage "build" is root/);
    assert.deepEqual(hits(`FROM debian:12 AS base\nUSER 0:0\nFROM base\nRUN true\n`, rule), ['0:0'], 'reported once, in the stage that sets it');
  });
  it('ignores a USER before the first FROM', () => {
    assert.deepEqual(hits(`USER root\n${FROM}RUN true\n`, rule), []);
  });
});

describe('dockerfile/add-for-archives (DL3010)', () => {
  const rule = 'dockerfile/add-for-archives';
  it('reports a copied tar archive that is then extracted', () => {
    const text = `${FROM}COPY app.tar.gz /tmp/\nRUN tar -xzf /tmp/app.tar.gz -C /opt\n`;
    assert.deepEqual(hits(text, rule), ['app.tar.gz']);
    assert.match(message(text, rule), /ADD extracts/);
  });
  it('accepts archives that are not extracted and files copied from stages', () => {
    assert.deepEqual(hits(`${FROM}COPY app.tar.gz /srv/\n`, rule), []);
    assert.deepEqual(hits(`${FROM}COPY --from=build /out/app.tgz /tmp/\nRUN tar xzf /tmp/app.tgz\n`, rule), []);
  });
  it('follows a renamed archive and every archive extension', () => {
    assert.deepEqual(hits(`${FROM}COPY dist/packaged-app.tar /foo.tar\nRUN tar -xf /foo.tar\n`, rule), ['dist/packaged-app.tar']);
    for (const ext of ['tar', 'tgz', 'tar.xz', 'txz', 'tar.bz2', 'tbz2', 'tar.lzma', 'tar.Z', 'gz', 'xz']) {
      assert.deepEqual(hits(`${FROM}COPY app.${ext} /opt/\nWORKDIR /opt\nRUN tar -xf app.${ext}\n`, rule), [`app.${ext}`], ext);
    }
  });
  it('counts unpacking with gunzip, unxz, bunzip2 and friends', () => {
    assert.deepEqual(hits(`${FROM}COPY data.gz /tmp/\nRUN gunzip /tmp/data.gz\n`, rule), ['data.gz']);
    assert.deepEqual(hits(`${FROM}COPY data.xz /tmp/\nRUN echo x && unxz -k /tmp/data.xz\n`, rule), ['data.xz']);
  });
  it('reads Windows paths', () => {
    const text = `${FROM}COPY build\\foo\\bar.tar.gz "C:\\Program Files\\Foo"\nRUN tar -xf "C:\\Program Files\\Foo\\bar.tar.gz"\n`;
    assert.deepEqual(hits(text, rule), ['build\\foo\\bar.tar.gz']);
    const renamed = `${FROM}COPY build\\foo\\bar.tar.gz "C:\\Program Files\\foo.tar.gz"\nRUN tar -xf foo.tar.gz\n`;
    assert.deepEqual(hits(renamed, rule), ['build\\foo\\bar.tar.gz']);
  });
  it('checks each stage on its own, and COPYs before any FROM', () => {
    assert.deepEqual(hits(`${FROM}COPY app.tar /tmp/\nFROM debian:12\nRUN tar -xf /tmp/app.tar\n`, rule), []);
    assert.deepEqual(hits(`COPY packaged-app.tar /usr/src/app\nRUN tar -xf /usr/src/app/packaged-app.tar\n`, rule), ['packaged-app.tar']);
  });
});

describe('dockerfile/expose-port-range (DL3011)', () => {
  const rule = 'dockerfile/expose-port-range';
  it('reports ports above 65535, also in ranges', () => {
    const text = `${FROM}EXPOSE 80 70000/tcp 8000-80000\n`;
    assert.deepEqual(hits(text, rule), ['70000/tcp', '8000-80000']);
    assert.match(message(text, rule), /Port 70000 is out of range/);
  });
  it('accepts valid ports and variables', () => {
    assert.deepEqual(hits(`${FROM}EXPOSE 0 65535/udp $PORT\n`, rule), []);
  });
});

describe('dockerfile/copy-not-add (DL3020)', () => {
  const rule = 'dockerfile/copy-not-add';
  it('reports ADD of local files on the keyword', () => {
    const text = `${FROM}ADD app.py /srv/\n`;
    assert.deepEqual(hits(text, rule), ['ADD']);
    assert.match(message(text, rule), /Use COPY/);
  });
  it('accepts URLs, git sources and archives', () => {
    assert.deepEqual(hits(`${FROM}ADD https://example.com/a.txt /a\nADD git@github.com:a/b.git /src\nADD rootfs.tar.xz /\n`, rule), []);
  });
  it('reads quoted sources without their quotes', () => {
    assert.deepEqual(hits(`${FROM}ADD "file.tgz" /usr/src/app/\nADD "http://file.com" /usr/src/app/\n`, rule), []);
    assert.deepEqual(hits(`${FROM}ADD "file.zip" /usr/src/app/\n`, rule), ['ADD']);
  });
  it('replaces ADD with COPY, keeping flags and case', () => {
    assertFix(`${FROM}ADD --chown=1000 app.py /srv/\n`, rule, `${FROM}COPY --chown=1000 app.py /srv/\n`);
    assertFix(`${FROM}add app.py /srv/\n`, rule, `${FROM}copy app.py /srv/\n`);
    assertFix(`${FROM}ONBUILD ADD . /src/\n`, rule, `${FROM}ONBUILD COPY . /src/\n`);
  });
  it('offers no fix when an archive would stop being extracted', () => {
    assert.equal(findingsOf(DF, `${FROM}ADD app.py rootfs.tar /srv/\n`, rule)[0].fixes.length, 0);
  });
});

describe('dockerfile/copy-dest-slash (DL3021)', () => {
  const rule = 'dockerfile/copy-dest-slash';
  it('reports a multi-source destination without a trailing slash', () => {
    const text = `${FROM}COPY package.json package-lock.json /app\n`;
    assert.deepEqual(hits(text, rule), ['/app']);
    assert.match(message(text, rule), /must be a directory ending with "\/"/);
  });
  it('accepts one source, a trailing slash and "."', () => {
    assert.deepEqual(hits(`${FROM}COPY a /app\nCOPY a b /app/\nCOPY a b .\n`, rule), []);
  });
  it('adds the slash, also in JSON form', () => {
    assertFix(`${FROM}COPY a b /app\n`, rule, `${FROM}COPY a b /app/\n`);
    assertFix(`${FROM}COPY ["a", "b", "/app"]\n`, rule, `${FROM}COPY ["a", "b", "/app/"]\n`);
  });
});

describe('dockerfile/copy-from-known-stage (DL3022) and copy-from-self (DL3023)', () => {
  it('reports unknown and later stages on the --from value', () => {
    const text = 'FROM golang:1.23 AS build\nFROM alpine:3.21\nCOPY --from=biuld /a /a\nCOPY --from=later /b /b\nFROM alpine:3.21 AS later\n';
    assert.deepEqual(hits(text, 'dockerfile/copy-from-known-stage'), ['biuld', 'later']);
    assert.match(message(text, 'dockerfile/copy-from-known-stage'), /"biuld" does not name an earlier stage/);
  });
  it('accepts earlier stages (any case), indexes and images', () => {
    const text = 'FROM golang:1.23 AS Build\nFROM alpine:3.21\nCOPY --from=build /a /a\nCOPY --from=0 /b /b\nCOPY --from=nginx:1.27 /c /c\nCOPY --from=$STAGE /d /d\n';
    assert.deepEqual(hits(text, 'dockerfile/copy-from-known-stage'), []);
  });
  it('reports a stage copying from itself', () => {
    const text = 'FROM node:22 AS build\nCOPY --from=build /a /b\n';
    assert.deepEqual(hits(text, 'dockerfile/copy-from-self'), ['build']);
    assert.deepEqual(hits(text, 'dockerfile/copy-from-known-stage'), []);
    assert.match(message(text, 'dockerfile/copy-from-self'), /its own stage/);
  });
});

describe('dockerfile/duplicate-stage-name (DL3024, DuplicateStageName)', () => {
  const rule = 'dockerfile/duplicate-stage-name';
  it('reports the later stage name, case-insensitively', () => {
    const text = 'FROM node:22 AS build\nFROM golang:1.23 AS BUILD\n';
    assert.deepEqual(hits(text, rule), ['BUILD']);
    assert.deepEqual(findingsOf(DF, text, rule)[0].aliases, ['DL3024', 'DuplicateStageName']);
    assert.match(message(text, rule), /already used/);
  });
  it('accepts unique names', () => {
    assert.deepEqual(hits('FROM node:22 AS a\nFROM node:22 AS b\n', rule), []);
  });
});

describe('dockerfile/trusted-registry (DL3026)', () => {
  const rule = 'dockerfile/trusted-registry';
  const opts = { config: { domains: { dockerfile: { trustedRegistries: ['docker.io', '*.corp.example.com'] } } } };
  it('reports images from other registries in FROM, COPY --from and mounts', () => {
    const text = 'FROM quay.io/a/b:1\nCOPY --from=ghcr.io/c/d:2 /x /x\nRUN --mount=type=bind,from=gcr.io/e/f:3,target=/m true\n';
    assert.deepEqual(hits(text, rule, opts), ['quay.io/a/b:1', 'ghcr.io/c/d:2', '--mount=type=bind,from=gcr.io/e/f:3,target=/m']);
    assert.match(message(text, rule, opts), /Registry "quay.io" is not in dockerfile.trustedRegistries/);
  });
  it('accepts Docker Hub, wildcard matches, stages, and does nothing unconfigured', () => {
    const text = 'FROM node:22 AS a\nFROM registry.corp.example.com/x:1\nCOPY --from=a /x /x\n';
    assert.deepEqual(hits(text, rule, opts), []);
    assert.deepEqual(hits('FROM quay.io/a/b:1\n', rule), []);
  });
});

describe('dockerfile/from-platform (DL3029)', () => {
  const rule = 'dockerfile/from-platform';
  it('reports a constant platform', () => {
    const text = 'FROM --platform=linux/amd64 debian:12\n';
    assert.deepEqual(hits(text, rule), ['linux/amd64']);
    assert.match(message(text, rule), /BUILDPLATFORM/);
  });
  it('accepts build platform variables', () => {
    assert.deepEqual(hits('FROM --platform=$BUILDPLATFORM golang:1.23 AS b\nFROM debian:12\n', rule), []);
  });
});

describe('dockerfile/onbuild-trigger (DL3043)', () => {
  const rule = 'dockerfile/onbuild-trigger';
  it('reports forbidden triggers on the trigger keyword', () => {
    const text = `${FROM}ONBUILD FROM alpine:3.21\nONBUILD onbuild RUN x\nONBUILD MAINTAINER me\n`;
    assert.deepEqual(hits(text, rule), ['FROM', 'onbuild', 'MAINTAINER']);
    assert.match(message(text, rule), /FROM is not allowed as an ONBUILD trigger/);
  });
  it('accepts ordinary triggers', () => {
    assert.deepEqual(hits(`${FROM}ONBUILD RUN make\nONBUILD COPY . /src\n`, rule), []);
  });
});

describe('dockerfile/env-self-reference (DL3044)', () => {
  const rule = 'dockerfile/env-self-reference';
  it('reports a reference to a variable set earlier in the same ENV', () => {
    const text = `${FROM}ENV APP=/app BIN=\${APP}/bin LIB=$APP/lib\n`;
    assert.deepEqual(hits(text, rule), ['${APP}', '$APP']);
    assert.match(message(text, rule), /"APP" is defined in this same ENV/);
  });
  it('accepts references to earlier instructions and to itself (PATH=$PATH)', () => {
    assert.deepEqual(hits(`${FROM}ENV APP=/app\nENV BIN=$APP/bin PATH=/x:$PATH\n`, rule), []);
  });
});

describe('dockerfile/copy-relative-without-workdir (DL3045)', () => {
  const rule = 'dockerfile/copy-relative-without-workdir';
  it('reports a relative destination before any WORKDIR', () => {
    const text = 'FROM node:22\nCOPY package.json .\n';
    assert.deepEqual(hits(text, rule), ['.']);
    assert.match(message(text, rule), /without a WORKDIR/);
  });
  it('accepts WORKDIR in the stage or the stage it builds on, and absolute destinations', () => {
    assert.deepEqual(hits('FROM node:22 AS base\nWORKDIR /app\nFROM base\nCOPY a .\n', rule), []);
    assert.deepEqual(hits('FROM node:22\nCOPY a /app/\nCOPY b $DEST\n', rule), []);
    assert.deepEqual(hits('FROM node:22\nWORKDIR $HOME/app\nCOPY a .\nWORKDIR sub\nCOPY b .\n', rule), []);
  });
  it('reads Windows destinations as written (backslashes are not escapes there)', () => {
    assert.deepEqual(hits('FROM node:22\nCOPY bla.sh c:\\system32\\blubb.sh\nCOPY x "d:\\mypath\\y"\nCOPY z c:/w/z\n', rule), []);
    assert.deepEqual(hits('FROM node:22\nCOPY bla.sh sub\\blubb.sh\n', rule), ['sub\\blubb.sh']);
  });
  it('checks ONBUILD COPY, which a WORKDIR of the stage or an ONBUILD WORKDIR covers', () => {
    assert.deepEqual(hits('FROM node:22\nONBUILD COPY bla.sh blubb.sh\n', rule), ['blubb.sh']);
    assert.deepEqual(hits('FROM node:22\nONBUILD WORKDIR /usr/local/lib\nONBUILD COPY foo bar\n', rule), []);
    assert.deepEqual(hits('FROM node:22\nWORKDIR /app\nONBUILD COPY foo bar\n', rule), []);
  });
});

describe('dockerfile/label-key-format (DL3048)', () => {
  const rule = 'dockerfile/label-key-format';
  it('reports invalid and reserved keys on the key', () => {
    const text = `${FROM}LABEL Version=1 com.docker.x=y good.key=z bad..key=w\n`;
    assert.deepEqual(hits(text, rule), ['Version', 'com.docker.x', 'bad..key']);
    assert.match(message(text, rule), /lower-case/);
  });
  it('accepts reverse-DNS keys', () => {
    assert.deepEqual(hits(`${FROM}LABEL org.opencontainers.image.version=1 maintainer=me\n`, rule), []);
  });
  it('requires a leading letter, a trailing letter or digit, and no doubled separators', () => {
    const text = `${FROM}LABEL 1abc=x a-=x a_b=x a--b=x io.docker.x=y org.dockerproject.z=1\n`;
    assert.deepEqual(hits(text, rule), ['1abc', 'a-', 'a_b', 'a--b', 'io.docker.x', 'org.dockerproject.z']);
    assert.deepEqual(hits(`${FROM}LABEL a1=x a.b-c.d2=x "com.example.vendor"=ACME a.-b=x\n`, rule), []);
  });
  it('checks ONBUILD LABEL triggers, and reports a stray $ but not a templated key', () => {
    assert.deepEqual(hits(`${FROM}ONBUILD LABEL com.docker.label="foo"\n`, rule), ['com.docker.label']);
    assert.deepEqual(hits(`${FROM}LABEL invalid$character="foo"\n`, rule), ['invalid$character']);
    assert.deepEqual(hits(`${FROM}LABEL \${PREFIX}.version=1 $NS.x=2\n`, rule), []);
  });
});

describe('dockerfile/healthcheck-required (DL3057, opt-in)', () => {
  const rule = 'dockerfile/healthcheck-required';
  it('reports a final stage without HEALTHCHECK', () => {
    const text = 'FROM nginx:1.27 AS base\nHEALTHCHECK CMD true\nFROM nginx:1.27\n';
    assert.deepEqual(hits(text, rule), ['FROM']);
    assert.equal(findingsOf(DF, text, rule)[0].range.start.line, 2);
  });
  it('accepts a HEALTHCHECK in the final stage or the stage it builds on', () => {
    assert.deepEqual(hits('FROM nginx:1.27 AS base\nHEALTHCHECK NONE\nFROM base\n', rule), []);
  });
  it('checks every stage, on its FROM', () => {
    const text = 'FROM golang:1.23 AS build\nRUN go build\nFROM nginx:1.27\nHEALTHCHECK CMD true\n';
    assert.deepEqual(findingsOf(DF, text, rule).map((f) => f.range.start.line), [0]);
    assert.match(message(text, rule), /Stage "build" has no HEALTHCHECK/);
    assert.deepEqual(findingsOf(DF, 'FROM scratch\nFROM scratch\n', rule).map((f) => f.range.start.line), [0, 1]);
  });
});

describe('dockerfile/consecutive-run (DL3059)', () => {
  const rule = 'dockerfile/consecutive-run';
  it('reports the second of consecutive RUNs, across comments', () => {
    const text = `${FROM}RUN a\n# why\nRUN b\n`;
    assert.deepEqual(hits(text, rule), ['RUN']);
    assert.equal(findingsOf(DF, text, rule)[0].range.start.line, 3);
    assert.match(message(text, rule), /joining/);
  });
  it('accepts RUNs separated by instructions or with different flags', () => {
    assert.deepEqual(hits(`${FROM}RUN a\nENV X=1\nRUN b\nRUN --mount=type=cache,target=/c c\n`, rule), []);
  });
  it('accepts RUNs next to one that already chains commands, with && or ;', () => {
    assert.deepEqual(hits(`${FROM}RUN a && b\nRUN c && d\nRUN e && f && g\nRUN h\n`, rule), []);
    assert.deepEqual(hits(`${FROM}RUN a; b\nRUN c\nRUN d && e\n`, rule), []);
    const text = `${FROM}RUN a && b\nRUN c\nRUN d\n`;
    assert.deepEqual(findingsOf(DF, text, rule).map((f) => f.range.start.line), [3]);
  });
});

describe('dockerfile/instruction-order (DL3061)', () => {
  const rule = 'dockerfile/instruction-order';
  it('reports instructions before the first FROM other than ARG', () => {
    const text = 'ARG V=1\nLABEL a=b\nFROM debian:12\nLABEL c=d\n';
    assert.deepEqual(hits(text, rule), ['LABEL']);
    assert.match(message(text, rule), /before the first FROM/);
  });
  it('accepts ARG, directives and comments first', () => {
    assert.deepEqual(hits('# syntax=docker/dockerfile:1\n# comment\nARG V=1\nFROM debian:12\n', rule), []);
    assert.deepEqual(hits('NOTANINSTRUCTION x\nFROM debian:12\n', rule), []);
  });
});

describe('dockerfile/user-numeric (DL3066, strict)', () => {
  const rule = 'dockerfile/user-numeric';
  it('reports a user name on the name', () => {
    const text = `${FROM}USER app:app\n`;
    assert.deepEqual(hits(text, rule), ['app']);
    assert.match(message(text, rule), /numeric UID/);
  });
  it('accepts UIDs and variables', () => {
    assert.deepEqual(hits(`${FROM}USER 10001:10001\nUSER $APP_UID\n`, rule), []);
  });
});

describe('dockerfile/copy-whole-filesystem (DL3067)', () => {
  const rule = 'dockerfile/copy-whole-filesystem';
  it('reports copying / over / from another stage', () => {
    const text = 'FROM golang:1.23 AS b\nFROM scratch\nCOPY --from=b / /\n';
    assert.deepEqual(hits(text, rule), ['/']);
    assert.equal(findingsOf(DF, text, rule)[0].range.start.character, 14);
    assert.match(message(text, rule), /entire filesystem/);
  });
  it('accepts directories, and / into a subdirectory', () => {
    assert.deepEqual(hits('FROM golang:1.23 AS b\nFROM scratch\nCOPY --from=b /app /\nCOPY --from=b / /rootfs/\n', rule), []);
  });
});

describe('dockerfile/maintainer-deprecated (DL4000, MaintainerDeprecated)', () => {
  const rule = 'dockerfile/maintainer-deprecated';
  it('reports MAINTAINER on the keyword', () => {
    const text = `${FROM}MAINTAINER Jane Doe <jane@example.com>\n`;
    assert.deepEqual(hits(text, rule), ['MAINTAINER']);
    assert.deepEqual(findingsOf(DF, text, rule)[0].aliases, ['DL4000', 'MaintainerDeprecated']);
    assert.match(message(text, rule), /org.opencontainers.image.authors/);
  });
  it('rewrites it as the OCI authors label, escaping quotes', () => {
    assertFix(`${FROM}MAINTAINER Jane "JD" Doe <jane@example.com>\n`, rule, `${FROM}LABEL org.opencontainers.image.authors="Jane \\"JD\\" Doe <jane@example.com>"\n`);
  });
});

describe('dockerfile/multiple-instructions (DL4003, DL4004, DL3012, MultipleInstructionsDisallowed)', () => {
  const rule = 'dockerfile/multiple-instructions';
  it('gives BuildKit\'s code to overridden instances and hadolint\'s to overriding ones', () => {
    const text = 'FROM a:1\nCMD ["a"]\nCMD ["b"]\nCMD ["c"]\nENTRYPOINT ["x"]\nENTRYPOINT ["y"]\nHEALTHCHECK CMD a\nHEALTHCHECK CMD b\n';
    const found = findingsOf(DF, text, rule).map((f) => `${f.range.start.line}:${f.aliases.join('+')}`);
    assert.deepEqual(found, [
      '1:MultipleInstructionsDisallowed',
      '2:DL4003+MultipleInstructionsDisallowed',
      '3:DL4003',
      '4:MultipleInstructionsDisallowed',
      '5:DL4004',
      '6:MultipleInstructionsDisallowed',
      '7:DL3012',
    ]);
    assert.match(message(text, rule), /overridden by a later CMD/);
  });
  it('counts per stage', () => {
    assert.deepEqual(hits('FROM a:1 AS x\nCMD ["a"]\nFROM a:1\nCMD ["b"]\n', rule), []);
  });
});

describe('dockerfile/no-inline-ignore (DL1001, opt-in)', () => {
  const rule = 'dockerfile/no-inline-ignore';
  it('reports inline hadolint pragmas', () => {
    const text = `${FROM}# hadolint ignore=DL3008\nRUN apt-get install -y curl\n`;
    assert.deepEqual(hits(text, rule), ['# hadolint ignore=DL3008']);
    assert.match(message(text, rule), /inline hadolint ignore/);
  });
  it('reports a pragma on the first line (read as a parser directive) but not a global ignore', () => {
    const text = `# hadolint ignore=DL3006\nFROM debian\n#hadolint global ignore=DL3008\n`;
    assert.deepEqual(hits(text, rule), ['# hadolint ignore=DL3006']);
  });
  it('is off in the recommended profile', async () => {
    const { lint } = await import('../../helpers');
    const text = `${FROM}# hadolint ignore=DL3008\nRUN true\n`;
    assert.deepEqual(lint(DF, text).findings.filter((f) => f.ruleId === rule), []);
  });
});

describe('dockerfile/json-args (DL3025) with SHELL', () => {
  it('keeps only DL3025 once the stage changed SHELL (BuildKit does not report it then)', () => {
    const text = 'FROM a:1\nSHELL ["/bin/bash", "-c"]\nCMD echo hi\n';
    assert.deepEqual(findingsOf(DF, text, 'dockerfile/json-args')[0].aliases, ['DL3025']);
  });
});
