// actionlint's own test data (ok/, err/, examples/) linted as workflows, the way actionlint runs it upstream.
// ok/: at most 2 files with an error-severity finding. err/ + examples/: ≥ 90% of files flagged and ≥ 80% of the
// expected lines matched by a finding on the same line. Expectations that need a missing binary (shellcheck,
// pyflakes) and those of the kinds another part of Shipshape owns (see OTHER_KINDS) are counted separately.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';
import { diskWorkspace } from '../../server/src/engine/workspace';
import { createRegistry } from '../../server/src/languages';
import { CORPUS, requireCorpus } from './corpus-path';

const ROOT = path.join(CORPUS, 'actions/actionlint');
const engine = new Engine(createRegistry());
const config = mergeConfig(DEFAULT_CONFIG, {});

/**
 * Kinds checked by the other half of the Actions rules (actions used: action metadata and reusable workflow calls;
 * ShellCheck on run:), and pyflakes, which Shipshape does not run.
 */
const OTHER_KINDS = new Set(['action', 'workflow-call', 'shellcheck', 'pyflakes']);
/** Template-injection findings (actionlint files them under `expression`) belong to the security audits. */
const OTHER_MESSAGES = /is potentially untrusted/;
const hasBinary = (name: string) => spawnSync(name, ['--version'], { encoding: 'utf8' }).status === 0;
const TOOLS = { shellcheck: hasBinary('shellcheck'), pyflakes: hasBinary('pyflakes') };

function lintFile(dir: string, file: string): Finding[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return engine.lint({ path: path.join(dir, file), text, kind: 'workflow', config, workspace: diskWorkspace(dir) }).findings;
}

interface Expected {
  line: number;
  kind: string;
  text: string;
}

function expectations(outFile: string): Expected[] {
  return fs
    .readFileSync(outFile, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => {
      const m = /test\\?\.yaml:(\d+):/.exec(l);
      const kind = /\[([a-z-]+)\]\/?$/.exec(l)?.[1] ?? /\\\[([a-z-]+)\\\]\/?$/.exec(l)?.[1] ?? '';
      return { line: m ? Number(m[1]) : 0, kind, text: l };
    });
}

describe('corpus: actionlint testdata', () => {
  it('ok/: workflows actionlint accepts have (almost) no error-severity finding', () => {
    requireCorpus();
    const dir = path.join(ROOT, 'ok');
    const flagged: string[] = [];
    for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
      const errors = lintFile(dir, file).filter((f) => f.severity === 'error');
      if (errors.length) flagged.push(`${file}: ${errors.map((e) => `${e.range.start.line + 1}:${e.range.start.character + 1} ${e.ruleId} ${e.message}`).join(' | ')}`);
    }
    console.log(`ok/: ${flagged.length} file(s) with an error-severity finding\n  ${flagged.join('\n  ')}`);
    assert.ok(flagged.length <= 2, `too many ok/ files flagged:\n${flagged.join('\n')}`);
  });

  it('err/ and examples/: files flagged and expected lines matched', () => {
    requireCorpus();
    let files = 0;
    let flaggedFiles = 0;
    let lines = 0;
    let matched = 0;
    let skipped = 0;
    const misses: string[] = [];
    const unflagged: string[] = [];
    for (const sub of ['err', 'examples']) {
      const dir = path.join(ROOT, sub);
      for (const file of fs.readdirSync(dir).filter((f) => /\.ya?ml$/.test(f))) {
        const out = path.join(dir, file.replace(/\.ya?ml$/, '.out'));
        if (!fs.existsSync(out)) continue;
        const expected = expectations(out).filter((e) => {
          const skip = OTHER_KINDS.has(e.kind) || OTHER_MESSAGES.test(e.text) || (e.kind === 'shellcheck' && !TOOLS.shellcheck) || (e.kind === 'pyflakes' && !TOOLS.pyflakes);
          if (skip) skipped++;
          return !skip;
        });
        const findings = lintFile(dir, file);
        if (!expected.length) continue;
        files++;
        if (findings.some((f) => f.severity === 'error' || f.severity === 'warning')) flaggedFiles++;
        else unflagged.push(`${sub}/${file}`);
        const onLine = new Set(findings.map((f) => f.range.start.line + 1));
        for (const e of expected) {
          lines++;
          if (onLine.has(e.line)) matched++;
          else misses.push(`${sub}/${file}: ${e.text}`);
        }
      }
    }
    console.log(`err/+examples/: ${flaggedFiles}/${files} files flagged, ${matched}/${lines} expected lines matched (${skipped} expectations of other kinds or missing tools not counted)`);
    console.log(`unflagged:\n  ${unflagged.join('\n  ')}`);
    console.log(`missed lines:\n  ${misses.join('\n  ')}`);
    assert.ok(flaggedFiles >= 0.9 * files, `only ${flaggedFiles}/${files} files flagged`);
    assert.ok(matched >= 0.8 * lines, `only ${matched}/${lines} lines matched`);
  });
});
