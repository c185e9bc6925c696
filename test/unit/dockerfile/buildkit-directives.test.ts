// `# check=` directives (skip, error, experimental) and syntax validation (dockerfile/syntax).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseCheckOptions } from '../../../server/src/dockerfile/directives';
import { at, covered, lint } from '../../helpers';

const DF = '/repo/Dockerfile';
const found = (text: string) => lint(DF, text).findings.map((f) => `${f.ruleId}@${f.range.start.line + 1}:${f.severity}`);
const CASING = 'FROM scratch as base\ncopy Dockerfile /\n';

describe('# check= directives', () => {
  it('parses skip, error and experimental like BuildKit', () => {
    const o = parseCheckOptions('skip=A, B // because;error=true;experimental=all');
    assert.deepEqual([...o.skip], ['A', 'B']);
    assert.equal(o.error, true);
    assert.equal(o.experimentalAll, true);
    assert.equal(parseCheckOptions('skip=all').skipAll, true);
  });

  it('reports the checks without a directive', () => {
    assert.deepEqual(found(CASING), ['dockerfile/from-as-casing@1:warning', 'dockerfile/consistent-instruction-casing@2:warning']);
  });

  it('skips named checks, or all BuildKit checks, for the whole file', () => {
    assert.deepEqual(found('#check=skip=ConsistentInstructionCasing\n' + CASING), ['dockerfile/from-as-casing@2:warning']);
    assert.deepEqual(found('#check=skip=all\n' + CASING), []);
    // skip=all concerns BuildKit's checks only: other rules still run.
    assert.deepEqual(found('# check=skip=all\nFROM node\nCMD ["node"]\nUSER node\n'), ['dockerfile/untagged-image@2:warning']);
  });

  it('promotes BuildKit findings to errors with error=true', () => {
    assert.deepEqual(found('#check=skip=ConsistentInstructionCasing;error=true\n' + CASING), ['dockerfile/from-as-casing@2:error']);
    assert.deepEqual(found('# check=error=true\nFROM node\nCMD ["node"]\nUSER node\n'), ['dockerfile/untagged-image@2:warning']);
  });

  it('applies a check=skip comment directly above an instruction to that instruction only', () => {
    const text = 'FROM scratch\n# check=skip=SecretsUsedInArgOrEnv // allowed here\nENV password=x\nENV secret=y\n# check=skip=all\nARG token\n';
    assert.deepEqual(found(text), ['dockerfile/secrets-used-in-arg-or-env@4:warning']);
  });

  it('is only a directive at the very top; experimental checks ignore skip=all', () => {
    const text = '# check=skip=all;experimental=InvalidDefinitionDescription\n# wrong\nARG V=1\nFROM scratch as base\n';
    assert.deepEqual(found(text), ['dockerfile/invalid-definition-description@3:info']);
  });
});

describe('dockerfile/syntax', () => {
  const problems = (text: string) => lint(DF, text).findings.filter((f) => f.ruleId === 'dockerfile/syntax').map((f) => `${at(f)} ${covered(text, f)} | ${f.message}`);

  it('reports what the builder rejects on the exact token and keeps linting', () => {
    const text = 'FROM alpine:3\nBADCMD x\nEXPOSE 80/xyz 99999 90-80\nHEALTHCHECK --interval=1 CMD true\nONBUILD ONBUILD RUN x\nCOPY a b c\nENV\nWORKDIR app\n';
    assert.deepEqual(problems(text), [
      '2:1-2:7 BADCMD | Unknown instruction: BADCMD',
      '3:11-3:14 xyz | Invalid proto: xyz',
      '3:15-3:20 99999 | Invalid containerPort: 99999 (ports go up to 65535)',
      '3:21-3:26 90-80 | Invalid port range: 90-80 (the range ends before it starts)',
      '4:24-4:25 1 | time: missing unit in duration 1',
      "5:9-5:16 ONBUILD | Chaining ONBUILD via `ONBUILD ONBUILD` isn't allowed",
      '6:10-6:11 c | When using COPY with more than one source file, the destination must be a directory and end with a / or a \\',
      '7:1-7:4 ENV | Instruction has no arguments',
    ]);
    // The rest of the file is still linted (WORKDIR after the errors).
    assert.ok(lint(DF, text, { config: { allRules: true } }).findings.length > 6);
  });

  it('validates RUN flags: names, network and security modes, mount types and keys', () => {
    const text = 'FROM alpine:3\nRUN --foo=1 --network=bogus --mount=type=nope,foo=1 echo\nRUN --mount=type=cache,target=/root/.cache,sharing=locked --network=none --security=insecure true\n';
    assert.deepEqual(problems(text), [
      '2:7-2:10 foo | Unknown flag for RUN: --foo (known: --mount, --network, --security).',
      '2:23-2:28 bogus | Unsupported network mode "bogus" for RUN --network (default, none or host).',
      '2:42-2:46 nope | Unknown mount type "nope" (bind, cache, tmpfs, secret or ssh).',
      '2:47-2:50 foo | Unknown key "foo" in RUN --mount.',
    ]);
  });

  it('accepts current flags and leaves casing, MAINTAINER, duplicates and host ports to their rules', () => {
    const text = 'from alpine:3 AS a\nMAINTAINER me\nCMD ["a"]\nCMD ["b"]\nFROM alpine:3 AS a\nADD --unpack=true --checksum=sha256:abc https://x/a.tar /x/\nCOPY --parents --link --exclude=*.md -- a /b/\nEXPOSE 8080:80\nWORKDIR rel\n';
    assert.deepEqual(problems(text), []);
  });

  it('warns about JSON written with single quotes', () => {
    const f = lint(DF, "FROM a:1\nCMD ['a']\n").findings.find((x) => x.ruleId === 'dockerfile/syntax');
    assert.equal(f?.severity, 'warning');
    assert.match(f!.message, /single quotes/);
  });
});
