import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { buildModel } from '../../../server/src/dockerfile/model';

/** Commands of every RUN as `name arg…` strings, from the exact source ranges of their words. */
function commands(text: string): string[] {
  const model = buildModel(text);
  return model.stages.flatMap((s) =>
    s.runs.flatMap((r) => r.script.commands.map((c) => [c.name, ...c.args].map((w) => text.slice(w.start, w.end)).join(' '))),
  );
}

describe('dockerfile shell reader', () => {
  it('splits lists and pipelines, skipping assignments and keywords', () => {
    const text = 'FROM debian:12\nRUN A=1 apt-get update && apt-get install -y curl | tee log; if true; then echo ok; fi || exit 1\n';
    assert.deepEqual(commands(text), ['apt-get update', 'apt-get install -y curl', 'tee log', 'true', 'echo ok', 'exit 1']);
  });

  it('follows line continuations and drops comment lines inside them, with exact offsets', () => {
    const text = 'FROM debian:12\nRUN apt-get update \\\n  # refresh\n  && apt-get install \\\n     -y curl\n';
    assert.deepEqual(commands(text), ['apt-get update', 'apt-get install -y curl']);
    assert.deepEqual(commands('FROM a:1\nRUN \\\n  # first\n\n  apt-get update\n'), ['apt-get update']);
    assert.deepEqual(commands('FROM a:1\nRUN --mount=type=cache,target=/c \\\n  # first\n  make\n'), ['make']);
  });

  it('honours the escape directive', () => {
    const text = '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN echo a `\n  && echo b\n';
    assert.deepEqual(commands(text), ['echo a', 'echo b']);
  });

  it('keeps quoted words whole and unquotes their text', () => {
    const model = buildModel('FROM a:1\nRUN echo "a && b" \'c|d\' e\\ f\n');
    const [cmd] = model.stages[0].runs[0].script.commands;
    assert.deepEqual(cmd.args.map((a) => a.text), ['a && b', 'c|d', 'e f']);
    assert.equal(model.stages[0].runs[0].script.pipes.length, 0);
  });

  it('reads subshells, command substitutions and backticks as nested commands', () => {
    const text = 'FROM a:1\nRUN (cd /src && make) && echo $(uname -m) `id -u`\n';
    assert.deepEqual(commands(text), ['cd /src', 'make', 'uname -m', 'id -u', 'echo $(uname -m) `id -u`']);
  });

  it('reads RUN here-documents as scripts, and data here-documents as data', () => {
    const text = [
      'FROM a:1',
      'RUN <<EOF',
      'apt-get update',
      'cat <<-INNER > /etc/motd',
      '\tnot a command',
      '\tINNER',
      'EOF',
      'RUN python3 <<"PY"',
      'import os',
      'PY',
      'RUN bash <<EOF',
      'echo from bash',
      'EOF',
      '',
    ].join('\n');
    assert.deepEqual(commands(text), ['apt-get update', 'cat', 'python3', 'bash', 'echo from bash']);
  });

  it('treats exec form as one command without a shell', () => {
    const model = buildModel('FROM a:1\nRUN ["apt-get", "install", "-y", "curl"]\n');
    const run = model.stages[0].runs[0];
    assert.equal(run.exec, true);
    assert.deepEqual(run.script.commands[0].args.map((a) => a.text), ['install', '-y', 'curl']);
  });

  it('reads the script of an exec-form sh -c as shell, with offsets inside the JSON string', () => {
    const text = 'FROM a:1\nRUN ["/bin/bash", "-eu", "-c", "apt-get update && apt-get install -y curl"]\n';
    assert.deepEqual(commands(text), ['apt-get update', 'apt-get install -y curl']);
    assert.deepEqual(commands('FROM a:1\nRUN ["/bin/sh", "-c", "echo \\"a|b\\""]\n'), ['"/bin/sh" "-c" "echo \\"a|b\\""']);
  });

  it('parses mounts and includes ONBUILD RUN triggers', () => {
    const model = buildModel('FROM a:1\nRUN --mount=type=cache,target=/root/.cache/pip,sharing=locked --mount=type=secret,id=npm true\nONBUILD RUN make\n');
    const [run, trigger] = model.stages[0].runs;
    assert.deepEqual(run.mounts.map((m) => [m.type, m.target ?? m.id]), [['cache', '/root/.cache/pip'], ['secret', 'npm']]);
    assert.ok(trigger.onbuild);
  });

  it('resolves stage scope: ARG defaults, ENV, SHELL, WORKDIR and USER, inherited through FROM <stage>', () => {
    const model = buildModel('ARG V=1\nFROM a:1 AS base\nARG V\nENV X=1\nSHELL ["/bin/bash", "-c"]\nWORKDIR /app\nWORKDIR src\nUSER app\nFROM base\nEXPOSE 80/tcp\n');
    const [base, child] = model.stages;
    assert.equal(base.scope.args.get('V'), '1');
    assert.equal(base.scope.workdir, '/app/src');
    assert.deepEqual(child.scope.shell, ['/bin/bash', '-c']);
    assert.equal(child.scope.env.get('X'), '1');
    assert.equal(child.scope.user?.value, 'app');
    assert.equal(child.scope.exposes[0].value, '80/tcp');
  });
});
