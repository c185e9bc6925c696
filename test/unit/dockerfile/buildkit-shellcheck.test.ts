// ShellCheck integration: script building and position mapping (from recorded ShellCheck output), and a live run
// that is skipped only when no `shellcheck` binary is installed.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildModel } from '../../../server/src/dockerfile/model';
import { buildScripts, findShellcheck, mapShellcheckOutput } from '../../../server/src/dockerfile/shellcheck';
import { applyEdits } from '../../../server/src/engine/text';
import { memoryWorkspace } from '../../../server/src/engine/workspace';
import { at, covered, findingsOf } from '../../helpers';

const DF = '/repo/Dockerfile';
const TEXT = 'FROM alpine:3\nARG VERSION\nRUN cd /x && echo $foo $VERSION \\\n  # comment\n  && ls\n';
// `shellcheck --format=json1 --shell=sh --exclude=2030,2031 -` on buildScript(TEXT).text (ShellCheck 0.9.0), plus one
// hand-made comment (SC9999) on a generated line, which must be dropped.
const RECORDED =
  '{"comments":[{"file":"-","line":5,"endLine":5,"column":15,"endColumn":19,"level":"warning","code":2154,"message":"foo is referenced but not assigned.","fix":null},' +
  '{"file":"-","line":5,"endLine":5,"column":15,"endColumn":19,"level":"info","code":2086,"message":"Double quote to prevent globbing and word splitting.","fix":{"replacements":[' +
  '{"column":15,"endColumn":15,"endLine":5,"insertionPoint":"afterEnd","line":5,"precedence":12,"replacement":"\\""},' +
  '{"column":19,"endColumn":19,"endLine":5,"insertionPoint":"beforeStart","line":5,"precedence":12,"replacement":"\\""}]}},' +
  '{"file":"-","line":2,"endLine":2,"column":1,"endColumn":2,"level":"style","code":9999,"message":"on a generated line","fix":null}]}';

describe('dockerfile/shellcheck: script and mapping', () => {
  it('builds one script with each RUN in a subshell, ARG/ENV declared, comment lines kept as continuations', () => {
    const [script] = buildScripts(buildModel(TEXT));
    assert.equal(script.text, '#!/bin/sh\n:\n(\nexport VERSION=x\ncd /x && echo $foo $VERSION \\\n            \\\n  && ls\n)\n');
    assert.deepEqual(script.segments, [{ scriptLine: 5, lineCount: 3, docLine: 2, docColumn: 4 }]);
    assert.equal(script.shell, 'sh');
  });

  it('maps recorded ShellCheck output to exact Dockerfile ranges and fixes, dropping generated lines', () => {
    const mapped = mapShellcheckOutput(RECORDED, buildScripts(buildModel(TEXT))[0].segments);
    assert.deepEqual(mapped.map((m) => [m.code, m.severity, m.range.start.line, m.range.start.character, m.range.end.character]), [
      ['SC2154', 'warning', 2, 18, 22],
      ['SC2086', 'info', 2, 18, 22],
    ]);
    assert.equal(TEXT.split('\n')[2].slice(18, 22), '$foo');
    assert.equal(applyEdits(TEXT, mapped[1].fix!.edits).text, TEXT.replace('echo $foo', 'echo "$foo"'));
  });

  it('maps heredoc bodies and later continuation lines at column 0, uses bash after SHELL, skips exec form and PowerShell', () => {
    const [script, ...others] = buildScripts(buildModel('FROM a:1\nSHELL ["/bin/bash", "-c"]\nRUN ["x"]\nRUN <<EOF\necho $x\nEOF\nFROM b:1\nSHELL ["pwsh", "-c"]\nRUN Get-Item\n'));
    assert.equal(others.length, 0);
    assert.equal(script.shell, 'bash');
    assert.deepEqual(script.segments, [{ scriptLine: 4, lineCount: 1, docLine: 4, docColumn: 0 }]);
    const mapped = mapShellcheckOutput('{"comments":[{"line":4,"endLine":4,"column":6,"endColumn":8,"level":"info","code":2086,"message":"m"}]}', script.segments);
    assert.deepEqual(mapped[0].range, { start: { line: 4, character: 5 }, end: { line: 4, character: 7 } });
  });

  it('groups RUNs by dialect: Alpine stages leave out POSIX-portability codes; empty continuation lines stay continued', () => {
    const scripts = buildScripts(buildModel('FROM alpine:3 AS a\nRUN set -o pipefail\nFROM debian:12\nRUN a \\\n\n  && b\n'));
    assert.deepEqual(scripts.map((s) => [s.shell, s.exclude.includes('SC3040')]), [['sh', true], ['sh', false]]);
    assert.equal(scripts[1].text, '#!/bin/sh\n:\n(\na \\\n \\\n  && b\n)\n');
  });

  it('ignores garbage output and refuses relative, workspace or non-ShellCheck paths for the binary', () => {
    assert.deepEqual(mapShellcheckOutput('not json', []), []);
    assert.equal(findShellcheck('shellcheck', memoryWorkspace({}, '/repo')), undefined);
    assert.equal(findShellcheck('/repo/bin/shellcheck', memoryWorkspace({}, '/repo')), undefined);
    // Only a program named shellcheck that answers --version like ShellCheck: never a shell.
    assert.equal(findShellcheck('/bin/sh', memoryWorkspace({}, '/repo')), undefined);
  });

  it('stays off unless the workspace is trusted', () => {
    assert.deepEqual(findingsOf(DF, TEXT, 'dockerfile/shellcheck'), []);
  });
});

const installed = findShellcheck(undefined, memoryWorkspace({}, '/repo'));

describe('dockerfile/shellcheck: live run', { skip: installed ? false : 'no shellcheck binary on PATH' }, () => {
  it('reports ShellCheck findings with their code at the exact position, honouring pragmas and exclusions', () => {
    const text = 'FROM alpine:3\nARG VERSION\n# hadolint ignore=SC2154\nRUN echo $foo $VERSION\nRUN echo $bar\n';
    const opts = { config: { domains: { dockerfile: { trusted: true, shellcheckExclude: ['SC2086'] } } } };
    const found = findingsOf(DF, text, 'dockerfile/shellcheck', opts);
    assert.deepEqual(found.map((f) => `${at(f)} ${covered(text, f)} ${f.message}`), ['5:10-5:14 $bar SC2154: bar is referenced but not assigned.']);
    assert.equal(found[0].severity, 'warning');
  });
});
