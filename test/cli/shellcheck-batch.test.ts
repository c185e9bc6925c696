import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { JobRunner, type LintJob } from '../../server/src/cli/lint-files';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { runBatches } from '../../server/src/shellcheck-batch';

const hasShellcheck = !spawnSync('shellcheck', ['--version']).error;

const DOCKERFILE = `# hadolint global ignore=SC2046
FROM debian:12 AS build
ARG VERSION
RUN echo $VERSION $UNSET && \\
    cd /tmp && \\
      ls $(find . -name x) | grep $PATTERN
# shellcheck disable=SC2086
RUN echo $HOME $OTHER
RUN <<EOF
for f in $(ls *.txt); do cat $f; done
EOF
FROM alpine:3.20
RUN [ "$a" == "b" ] && echo $x
SHELL ["/bin/bash", "-c"]
RUN arr=(a b); echo $arr; [[ $x == y ]] && echo $y
`;

const WORKFLOW = `on: push
permissions: {}
jobs:
  a:
    runs-on: ubuntu-latest
    timeout-minutes: 5
    steps:
      - run: echo \${{ github.sha }} $HOME $X
      - run: |
          for f in $(ls); do
            echo $f
          done
      - shell: sh
        run: |
          [ $a == b ] && echo "\${{ github.ref }}" $b
`;

function jobsFor(dir: string, files: Record<string, [string, LintJob['kind']]>): LintJob[] {
  return Object.entries(files).map(([name, [text, kind]]) => {
    const file = path.join(dir, name);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return { file, text, kind, config: name.includes('excluding') ? 1 : 0, notUtf8: false, root: dir };
  });
}

function lintAll(jobs: LintJob[], batch: boolean) {
  const configs = [
    mergeConfig(DEFAULT_CONFIG, { domains: { dockerfile: { trusted: true } } }),
    mergeConfig(DEFAULT_CONFIG, { domains: { dockerfile: { trusted: true, shellcheckExclude: ['SC2086'] } } }),
  ];
  const runner = new JobRunner(jobs, configs, false, () => {}, () => {});
  runner.batchShellcheck = batch;
  return runner.lint(runner.index()).map((o) => o.findings.map((f) => ({ rule: f.ruleId, range: f.range, message: f.message, severity: f.severity, fixes: f.fixes })));
}

describe('ShellCheck batched in the CLI', { skip: hasShellcheck ? false : 'shellcheck not installed' }, () => {
  it('gives exactly the findings of one ShellCheck run per file, and leaves no temporary files', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scb-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = path.join(tmp, 'tmp');
    fs.mkdirSync(process.env.TMPDIR);
    try {
      const files: Record<string, [string, LintJob['kind']]> = {};
      for (let i = 0; i < 6; i++) {
        files[`d${i}/Dockerfile`] = [DOCKERFILE.replace('$UNSET', `$UNSET${i}`), 'dockerfile'];
        files[`.github/workflows/w${i}.yml`] = [WORKFLOW.replace('$X', `$X${i}`), 'workflow'];
      }
      files['excluding/Dockerfile'] = [DOCKERFILE, 'dockerfile'];
      const jobs = jobsFor(path.join(tmp, 'repo'), files);
      const batched = lintAll(jobs, true);
      const perFile = lintAll(jobs, false);
      assert.deepEqual(batched, perFile);
      const rules = batched.flat().map((f) => f.rule);
      assert.ok(rules.includes('dockerfile/shellcheck'));
      assert.ok(rules.includes('actions/shellcheck'));
      assert.deepEqual(fs.readdirSync(process.env.TMPDIR), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});

describe('runBatches', () => {
  it('gives every script the same comments however the scripts are cut into processes', { skip: hasShellcheck ? false : 'shellcheck not installed' }, () => {
    const args = ['--format=json1', '--shell=sh'];
    const big = Array.from({ length: 60 }, (_, i) => `echo $v${i} $(ls *.txt)\n`).join('');
    const scripts = [big, 'echo $a\n', 'cd /tmp\nrm -rf $dir/*\n', '[ $x == y ] && echo ok\n', big + 'echo $tail\n'];
    const requests = scripts.map((script) => ({ binary: 'shellcheck', args, script }));
    const byScript = (r: ReturnType<typeof runBatches>) => scripts.map((s) => [...r.values()][0].get(s));
    const one = byScript(runBatches(requests, { charsPerProcess: 1e9 }));
    const cut = byScript(runBatches(requests, { charsPerProcess: 100, perProcess: 2 }));
    assert.ok(one.every((c) => c !== undefined && c.length > 0));
    // Comments name their temporary script file: compare what ShellCheck says, not where it wrote the script.
    const strip = (cs: typeof one) => cs.map((c) => c!.map(({ file: _file, ...rest }) => rest));
    assert.deepEqual(strip(cut), strip(one));
  });

  it('removes its temporary folder and leaves the scripts out when the program fails', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-scb-test-'));
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = tmp;
    try {
      // Not ShellCheck: node rejects the options and exits with an error.
      const results = runBatches([{ binary: process.execPath, args: ['--format=json1', '--shell=sh'], script: 'echo $x\n' }]);
      assert.deepEqual([...results.values()].map((m) => m.size), [0]);
      assert.deepEqual(fs.readdirSync(tmp), []);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
