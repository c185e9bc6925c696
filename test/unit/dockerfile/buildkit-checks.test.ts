// BuildKit build checks (aliases are BuildKit's names): findings, exact ranges, messages and fix output.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { at, covered, findingsOf, fixOnce } from '../../helpers';

const DF = '/repo/Dockerfile';
/** `line:col-line:col covered-text` of each finding of a rule. */
const spots = (text: string, rule: string, files?: Record<string, string>) =>
  findingsOf(DF, text, `dockerfile/${rule}`, { files }).map((f) => `${at(f)} ${covered(text, f)}`);
const messages = (text: string, rule: string) => findingsOf(DF, text, `dockerfile/${rule}`).map((f) => f.message);

describe('dockerfile/stage-name-casing (StageNameCasing)', () => {
  it('reports an upper-case stage name and renames every reference', () => {
    const text = 'FROM alpine:3 AS Build\nRUN x\nFROM Build\nCOPY --from=BUILD /a /b\nRUN --mount=type=cache,from=build,target=/x y\n';
    assert.deepEqual(spots(text, 'stage-name-casing'), ['1:18-1:23 Build']);
    assert.deepEqual(messages(text, 'stage-name-casing'), ['Stage name "Build" should be lowercase: "build".']);
    assert.deepEqual(findingsOf(DF, text, 'dockerfile/stage-name-casing')[0].aliases, ['StageNameCasing']);
    assert.equal(fixOnce(DF, text, 'dockerfile/stage-name-casing'), 'FROM alpine:3 AS build\nRUN x\nFROM build\nCOPY --from=build /a /b\nRUN --mount=type=cache,from=build,target=/x y\n');
  });
  it('accepts lower-case names and unnamed stages', () => {
    assert.deepEqual(spots('FROM alpine:3 AS build-1\nFROM alpine:3\n', 'stage-name-casing'), []);
  });
});

describe('dockerfile/from-as-casing (FromAsCasing)', () => {
  it('reports AS whose case differs from FROM, on the keyword', () => {
    const text = 'FROM alpine:3 as build\nfrom alpine:3 AS x\n';
    assert.deepEqual(spots(text, 'from-as-casing'), ['1:15-1:17 as', '2:15-2:17 AS']);
    assert.equal(messages(text, 'from-as-casing')[0], '"as" should match the casing of "FROM": write "AS".');
    assert.equal(fixOnce(DF, text, 'dockerfile/from-as-casing'), 'FROM alpine:3 AS build\nfrom alpine:3 AS x\n');
  });
  it('leaves mixed-case FROM to consistent-instruction-casing, and matching pairs alone', () => {
    assert.deepEqual(spots('From a:1 as b\nFROM a:1 AS c\nfrom a:1 as d\n', 'from-as-casing'), []);
  });
});

describe('dockerfile/no-empty-continuation (NoEmptyContinuation)', () => {
  it('reports the line after empty continuation lines and deletes them', () => {
    const text = 'FROM alpine:3\nRUN a \\\n\n\n  b\n';
    assert.deepEqual(spots(text, 'no-empty-continuation'), ['5:3-5:4 b']);
    assert.deepEqual(messages(text, 'no-empty-continuation'), ['The 2 lines above are empty continuation lines: remove them.']);
    assert.equal(fixOnce(DF, text, 'dockerfile/no-empty-continuation'), 'FROM alpine:3\nRUN a \\\n  b\n');
  });
  it('reports an empty line before the end of the file, but not a final line break after a continuation', () => {
    assert.deepEqual(spots('FROM a:1\nENV a=1 \\\n  b=2 \\\n', 'no-empty-continuation'), []);
    const text = 'FROM a:1\nENV a=1 \\\n\n';
    assert.deepEqual(spots(text, 'no-empty-continuation'), ['3:1-3:1 ']);
    assert.equal(fixOnce(DF, text, 'dockerfile/no-empty-continuation'), 'FROM a:1\nENV a=1 \\\n');
  });
  it('accepts continuations without empty lines, comment lines, and heredoc bodies', () => {
    assert.deepEqual(spots('FROM a:1\nRUN a \\\n# note\n  b\nRUN <<EOF\necho 1\n\necho 2\nEOF\n', 'no-empty-continuation'), []);
  });
});

describe('dockerfile/consistent-instruction-casing (ConsistentInstructionCasing)', () => {
  it('reports instructions that do not follow the majority casing', () => {
    const text = 'FROM alpine:3\nrun x\nRUN y\nCopy a b\n';
    assert.deepEqual(spots(text, 'consistent-instruction-casing'), ['2:1-2:4 run', '4:1-4:5 Copy']);
    assert.equal(messages(text, 'consistent-instruction-casing')[0], 'Instruction "run" should be uppercase like most of this file: "RUN".');
    assert.equal(fixOnce(DF, text, 'dockerfile/consistent-instruction-casing'), 'FROM alpine:3\nRUN x\nRUN y\nCopy a b\n');
  });
  it('follows a lower-case majority and does not count ARGs before FROM', () => {
    const text = 'ARG V=1\nARG W=2\nfrom alpine:3\ncopy a b\nRUN c\n';
    assert.deepEqual(spots(text, 'consistent-instruction-casing'), ['5:1-5:4 RUN']);
    assert.deepEqual(spots('from a:1\nrun b\n', 'consistent-instruction-casing'), []);
  });
});

describe('dockerfile/reserved-stage-name (ReservedStageName)', () => {
  it('reports scratch and context as stage names, in any case', () => {
    assert.deepEqual(spots('FROM alpine:3 AS Scratch\nFROM alpine:3 AS context\nFROM alpine:3 AS app\n', 'reserved-stage-name'), ['1:18-1:25 Scratch', '2:18-2:25 context']);
  });
});

describe('dockerfile/undefined-arg-in-from (UndefinedArgInFrom)', () => {
  it('reports undeclared build arguments in FROM with a suggestion', () => {
    const text = 'ARG MY_ARCH=amd64\nFROM --platform=linux/$MYARCH alpine:${TAG}\n';
    assert.deepEqual(spots(text, 'undefined-arg-in-from'), ['2:23-2:30 $MYARCH', '2:38-2:44 ${TAG}']);
    assert.deepEqual(messages(text, 'undefined-arg-in-from'), [
      'FROM uses build argument "MYARCH", which is not declared before the first FROM (did you mean MY_ARCH?).',
      'FROM uses build argument "TAG", which is not declared before the first FROM.',
    ]);
    assert.match(messages('FROM --platform=$BULIDPLATFORM a:1\n', 'undefined-arg-in-from')[0], /did you mean BUILDPLATFORM\?/);
  });
  it('accepts declared global ARGs (with or without default) and predefined platform ARGs', () => {
    assert.deepEqual(spots('ARG DEBUG\nARG BASE=alpine\nFROM --platform=$BUILDPLATFORM ${BASE}${DEBUG}\nFROM scra${DEBUG:-tch}\n', 'undefined-arg-in-from'), []);
  });
});

describe('dockerfile/undefined-var (UndefinedVar)', () => {
  it('reports variables no ARG or ENV of the stage defines, with typo suggestions', () => {
    const text = 'FROM alpine:3\nCOPY $foo .\nARG foo\nENV PATH=$PAHT:/x\nRUN echo $bar\nCOPY ${bar:-x} /y\n';
    assert.deepEqual(spots(text, 'undefined-var'), ['2:6-2:10 $foo', '4:10-4:15 $PAHT', '6:6-6:15 ${bar:-x}']);
    assert.deepEqual(messages(text, 'undefined-var').slice(0, 2), [
      'Variable "$foo" is not defined in this stage: declare it with ARG or ENV.',
      'Variable "$PAHT" is not defined in this stage (did you mean $PATH?): declare it with ARG or ENV.',
    ]);
  });
  it('knows ARGs of the parent stage, ENV set before, and ignores quoted, escaped and shell-form uses', () => {
    const text = "FROM alpine:3 AS base\nARG foo=x\nENV BAR=1\nFROM base\nCOPY $foo $BAR /a\nCOPY '$nope' \\$nope /b\nCMD echo $nope\n";
    assert.deepEqual(spots(text, 'undefined-var'), []);
  });
  it('does not see global ARGs until re-declared, and is lenient about images it does not know', () => {
    assert.deepEqual(spots('ARG V=1\nFROM alpine:3\nCOPY $V /a\n', 'undefined-var'), ['3:6-3:8 $V']);
    assert.deepEqual(spots('FROM python:3.12\nENV X=$PYTHON_VERSION\nFROM myorg/base:1\nCOPY $APP_HOME /a\n', 'undefined-var'), []);
  });
});

describe('dockerfile/legacy-key-value-format (LegacyKeyValueFormat)', () => {
  it('reports ENV and LABEL key value pairs and rewrites them as key=value', () => {
    const text = 'FROM a:1\nENV A b c\nLABEL x y\n';
    assert.deepEqual(spots(text, 'legacy-key-value-format'), ['2:5-2:10 A b c', '3:7-3:10 x y']);
    assert.equal(messages(text, 'legacy-key-value-format')[0], 'Use "ENV A=…" instead of the legacy "ENV key value" form.');
    assert.equal(fixOnce(DF, text, 'dockerfile/legacy-key-value-format'), 'FROM a:1\nENV A="b c"\nLABEL x y\n');
    assert.equal(fixOnce(DF, 'FROM a:1\nENV PATH /x:$PATH\n', 'dockerfile/legacy-key-value-format'), 'FROM a:1\nENV PATH=/x:$PATH\n');
  });
  it('accepts key=value', () => {
    assert.deepEqual(spots('FROM a:1\nENV A=b C="d e"\nLABEL x=y\n', 'legacy-key-value-format'), []);
  });
});

describe('dockerfile/redundant-target-platform (RedundantTargetPlatform)', () => {
  it('reports --platform=$TARGETPLATFORM and removes the flag', () => {
    const text = 'FROM --platform=${TARGETPLATFORM} alpine:3 AS a\n';
    assert.deepEqual(spots(text, 'redundant-target-platform'), ['1:17-1:34 ${TARGETPLATFORM}']);
    assert.equal(fixOnce(DF, text, 'dockerfile/redundant-target-platform'), 'FROM alpine:3 AS a\n');
  });
  it('accepts $BUILDPLATFORM and composed values', () => {
    assert.deepEqual(spots('FROM --platform=$BUILDPLATFORM a:1\nFROM --platform=linux/$TARGETARCH a:1\n', 'redundant-target-platform'), []);
  });
});

describe('dockerfile/secrets-used-in-arg-or-env (SecretsUsedInArgOrEnv)', () => {
  it('reports secret-looking names in stage ARG and ENV, on the name', () => {
    const text = 'FROM a:1\nARG NPM_TOKEN PUBLIC_KEY=1 AUTH_VERSION\nENV db_password=x passwd_file=y apikey=z\n';
    assert.deepEqual(spots(text, 'secrets-used-in-arg-or-env'), ['2:5-2:14 NPM_TOKEN', '3:5-3:16 db_password', '3:33-3:39 apikey']);
    assert.equal(messages(text, 'secrets-used-in-arg-or-env')[0], 'ARG "NPM_TOKEN" looks like a secret: ARG values persist in the image; use a secret mount (RUN --mount=type=secret).');
  });
  it('does not report names where the word is inside another (MONKEY) or global ARGs', () => {
    assert.deepEqual(spots('ARG GLOBAL_TOKEN\nFROM a:1\nENV MONKEY=1 TOKENIZER=2\n', 'secrets-used-in-arg-or-env'), []);
  });
  it('matches whole _-separated words anywhere in the name, in any case', () => {
    const text = 'FROM a:1\nARG AWS_SECRET_ACCESS_KEY MY_KEY_ID gpg_key Auth\nENV GITHUB_TOKEN=x SECRET=y\n';
    assert.deepEqual(spots(text, 'secrets-used-in-arg-or-env').map((s) => s.split(' ')[1]), ['AWS_SECRET_ACCESS_KEY', 'MY_KEY_ID', 'gpg_key', 'Auth', 'GITHUB_TOKEN', 'SECRET']);
  });
  it('does not report substrings (KEYCLOAK_URL, AUTHOR, PASSWORDLESS, USERNAME, PRIVATE_REPO) or allowed words', () => {
    const text = 'FROM a:1\nARG KEYCLOAK_URL AUTHOR PASSWORDLESS USERNAME PRIVATE_REPO TOKEN_FILE SSH_KEY_PUBLIC API_KEY_VERSION\n';
    assert.deepEqual(spots(text, 'secrets-used-in-arg-or-env'), []);
  });
});

describe('dockerfile/invalid-default-arg-in-from (InvalidDefaultArgInFrom)', () => {
  it('reports base images that are empty or invalid with the ARG defaults', () => {
    const text = 'ARG V\nARG I\nARG S="box:"\nFROM busybox:$V\nFROM $I\nFROM busy${S}\n';
    assert.deepEqual(spots(text, 'invalid-default-arg-in-from'), ['4:6-4:16 busybox:$V', '5:6-5:8 $I', '6:6-6:14 busy${S}']);
    assert.equal(messages(text, 'invalid-default-arg-in-from')[1], 'With the ARG defaults, "$I" resolves to an empty image name: give the ARG a default.');
    // An ARG after the first FROM belongs to that stage: FROM cannot see it.
    assert.deepEqual(spots('FROM a:1\nARG T=1\nFROM busybox:${T}\n', 'invalid-default-arg-in-from'), ['3:6-3:18 busybox:${T}']);
  });
  it('accepts defaults that make a valid reference, including empty suffixes', () => {
    assert.deepEqual(spots('ARG V=3\nARG SFX=""\nARG X\nFROM alpine:$V\nFROM busybox:stable${SFX}\nFROM busybox:stable${X}\n', 'invalid-default-arg-in-from'), []);
  });
});

describe('dockerfile/from-platform-flag-const-disallowed (FromPlatformFlagConstDisallowed)', () => {
  it('reports a constant platform unless the stage name says which platform it is', () => {
    const text = 'FROM --platform=linux/amd64 alpine:3\nFROM --platform=linux/arm64 alpine:3 AS build-arm64\nFROM --platform=linux/amd64 a:1 AS linux\n';
    assert.deepEqual(spots(text, 'from-platform-flag-const-disallowed'), ['1:17-1:28 linux/amd64']);
  });
});

describe('dockerfile/copy-ignored-file (CopyIgnoredFile)', () => {
  const ignore = { '/repo/.dockerignore': '# comment\nsecrets/\n*.env\n' };
  it('reports COPY/ADD sources excluded by .dockerignore, on the source', () => {
    const text = 'FROM a:1\nCOPY secrets/key.pem app.env ok.txt /app/\nADD ./prod.env /x\nCOPY --from=build secrets/x /y\n';
    assert.deepEqual(spots(text, 'copy-ignored-file', ignore), ['2:6-2:21 secrets/key.pem', '2:22-2:29 app.env', '3:5-3:15 ./prod.env']);
    assert.equal(findingsOf(DF, text, 'dockerfile/copy-ignored-file', { files: ignore })[0].message, 'Copy source "secrets/key.pem" is excluded by .dockerignore: it is not in the build context.');
  });
  it('stays quiet without an ignore file, with ! re-inclusions, and for the context root unless everything is ignored', () => {
    const text = 'FROM a:1\nCOPY app.env . /app/\n';
    assert.deepEqual(spots(text, 'copy-ignored-file'), []);
    assert.deepEqual(spots(text, 'copy-ignored-file', { '/repo/.dockerignore': '*.env\n!keep.env\n' }), []);
    assert.deepEqual(spots('FROM a:1\nCOPY . .\n', 'copy-ignored-file', { '/repo/.dockerignore': '.*\n' }), []);
    assert.deepEqual(spots('FROM a:1\nCOPY . .\n', 'copy-ignored-file', { '/repo/.dockerignore': '*\n' }), ['2:6-2:7 .']);
  });
  it('prefers <Dockerfile>.dockerignore and honours dockerfile.buildContext', () => {
    const text = 'FROM a:1\nCOPY app.env /app/\n';
    assert.deepEqual(spots(text, 'copy-ignored-file', { '/repo/.dockerignore': '*.env\n', '/repo/Dockerfile.dockerignore': 'other\n' }), []);
    const f = findingsOf(DF, text, 'dockerfile/copy-ignored-file', { files: { '/.dockerignore': '*.env\n' }, config: { domains: { dockerfile: { buildContext: '..' } } } });
    assert.equal(f.length, 1);
  });
});

describe('dockerfile/expose-proto-casing (ExposeProtoCasing)', () => {
  it('reports upper-case protocols and lower-cases them', () => {
    const text = 'FROM a:1\nEXPOSE 80/TCP 53/udp 8080/Udp\n';
    assert.deepEqual(spots(text, 'expose-proto-casing'), ['2:8-2:14 80/TCP', '2:22-2:30 8080/Udp']);
    assert.equal(messages(text, 'expose-proto-casing')[0], 'Protocol "TCP" in EXPOSE 80/TCP should be lowercase: "tcp".');
    assert.equal(fixOnce(DF, text, 'dockerfile/expose-proto-casing'), 'FROM a:1\nEXPOSE 80/tcp 53/udp 8080/Udp\n');
  });
});

describe('dockerfile/expose-invalid-format (ExposeInvalidFormat)', () => {
  it('reports IP addresses and host ports, offering to keep the container port', () => {
    const text = 'FROM a:1\nEXPOSE 127.0.0.1:80:80 8080:80 [::1]:1:2 90\n';
    assert.deepEqual(spots(text, 'expose-invalid-format'), ['2:8-2:23 127.0.0.1:80:80', '2:24-2:31 8080:80', '2:32-2:41 [::1]:1:2']);
    assert.equal(messages(text, 'expose-invalid-format')[1], 'EXPOSE takes container ports only, not an IP address or host-port mapping: "8080:80" should be "80".');
    assert.equal(fixOnce(DF, text, 'dockerfile/expose-invalid-format'), 'FROM a:1\nEXPOSE 80 8080:80 [::1]:1:2 90\n');
  });
});

describe('dockerfile/invalid-definition-description (InvalidDefinitionDescription, experimental)', () => {
  const text = '# check=experimental=InvalidDefinitionDescription\n# the version\nARG VERSION=1\n# base the base\nFROM a:1 AS base\n# BASE nope\nFROM a:1 AS other\n# separated from its ARG\n\nARG X\n';
  it('runs when the file enables it and reports on the described name', () => {
    const f = findingsOf(DF, text, 'dockerfile/invalid-definition-description');
    assert.deepEqual(f.map((x) => `${at(x)} ${covered(text, x)}`), ['3:5-3:12 VERSION', '7:13-7:18 other']);
    assert.equal(f[0].message, 'The comment above this ARG is read as its description but does not start with the name: write "# VERSION <description>", or leave an empty line between them.');
  });
  it('is off under the recommended profile unless enabled', async () => {
    const { lint } = await import('../../helpers');
    const plain = text.replace(/^# check=.*\n/, '');
    assert.equal(lint(DF, plain).findings.filter((x) => x.ruleId === 'dockerfile/invalid-definition-description').length, 0);
    assert.equal(lint(DF, text).findings.filter((x) => x.ruleId === 'dockerfile/invalid-definition-description').length, 2);
  });
});
