// Dockerfile corpus: BuildKit's own check tests (expected warnings per rule and line) and real-world Dockerfiles.
// Only findings that carry a BuildKit check name are compared with BuildKit's expectations: hadolint-only rules and
// Shipshape's own production rules have no say there. A finding matches when its rule carries the expected name and it
// sits on the expected line or inside the instruction that starts there (BuildKit reports instruction lines, we report
// the offending token).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/lint';
import type { Finding } from '../../server/src/engine/types';
import { diskWorkspace, memoryWorkspace } from '../../server/src/engine/workspace';
import { BUILDKIT_CHECKS } from '../../server/src/dockerfile/directives';
import type { DockerfileModel } from '../../server/src/dockerfile/model';
import { createRegistry } from '../../server/src/languages';
import { CORPUS, requireCorpus } from './corpus-path';

interface Expected {
  rule: string;
  line: number;
  detail: string;
}
interface Case {
  file: string;
  expected: Expected[];
  dockerignore?: string;
  flag?: string[];
}

const BUILDKIT = new Set(BUILDKIT_CHECKS);

// Findings we accept beyond BuildKit's list, with the reason (each entry: case file → "Rule@line").
const KNOWN_EXTRA: Record<string, string[]> = {
  // Needs the build argument BUILDKIT_DOCKERFILE_CHECK=skip=all, which overrides the file's `#check=error=true`;
  // Shipshape lints without build arguments, so the file's own (empty) skip list applies.
  '020.Dockerfile': ['FromAsCasing@2', 'ConsistentInstructionCasing@3'],
  // BuildKit does not recommend JSON form when the stage (or the stage it builds on) sets SHELL; the json-args rule
  // (DL3025/JSONArgsRecommended, hadolint family) does not model that yet.
  '039.Dockerfile': ['JSONArgsRecommended@4'],
  '040.Dockerfile': ['JSONArgsRecommended@4'],
  '041.Dockerfile': ['JSONArgsRecommended@6'],
  '042.Dockerfile': ['JSONArgsRecommended@6'],
};

function buildkitAliases(f: Finding): string[] {
  return f.aliases.filter((a) => BUILDKIT.has(a));
}

describe('dockerfile corpus: BuildKit check tests', () => {
  it('finds at least 95% of the expected warnings with the same rule and line', () => {
    requireCorpus();
    const dir = path.join(CORPUS, 'dockerfile/buildkit-checks');
    const { cases } = JSON.parse(fs.readFileSync(path.join(dir, 'expectations.json'), 'utf8')) as { cases: Case[] };
    const registry = createRegistry();
    const engine = new Engine(registry, (m) => assert.fail(m));
    // Checks no rule of this build carries yet are listed apart (they belong to another rule family's work).
    const implemented = new Set(registry.rules.flatMap((r) => r.aliases));
    const notImplemented: string[] = [];
    let expectedTotal = 0;
    let found = 0;
    const misses: string[] = [];
    const extras: string[] = [];
    for (const c of cases) {
      const text = fs.readFileSync(path.join(dir, c.file), 'utf8');
      const files: Record<string, string> = { '/ctx/Dockerfile': text };
      if (c.dockerignore) files['/ctx/.dockerignore'] = fs.readFileSync(path.join(dir, c.dockerignore), 'utf8');
      const r = engine.lint({ path: '/ctx/Dockerfile', text, kind: 'dockerfile', config: mergeConfig(DEFAULT_CONFIG, {}), workspace: memoryWorkspace(files) });
      const model = r.parsed!.model as DockerfileModel;
      // BuildKit reports the instruction's first line; our ranges sit on the offending token inside it.
      const instructionLine = (line: number) => (model.instructions.find((i) => i.getRange().start.line <= line && i.getRange().end.line >= line)?.getRange().start.line ?? line) + 1;
      const ours = r.findings.filter((f) => buildkitAliases(f).length).map((f) => ({ f, line: instructionLine(f.range.start.line), used: false }));
      for (const e of c.expected) {
        if (!implemented.has(e.rule)) {
          notImplemented.push(`${c.file}: ${e.rule}@${e.line}`);
          continue;
        }
        expectedTotal++;
        const match = ours.find((o) => !o.used && (o.line === e.line || o.f.range.start.line + 1 === e.line) && buildkitAliases(o.f).includes(e.rule));
        if (match) {
          match.used = true;
          found++;
        } else misses.push(`${c.file}: ${e.rule}@${e.line} (${e.detail})`);
      }
      const allowed = KNOWN_EXTRA[c.file] ?? [];
      for (const o of ours.filter((x) => !x.used)) {
        const key = `${buildkitAliases(o.f).join('/')}@${o.line}`;
        if (!allowed.includes(key)) extras.push(`${c.file}: ${key} ${o.f.message}`);
      }
    }
    console.log(`BuildKit checks: ${found}/${expectedTotal} expected warnings found (${((100 * found) / expectedTotal).toFixed(1)}%)`);
    if (notImplemented.length) console.log(`not implemented in this build (not counted):\n  ${notImplemented.join('\n  ')}`);
    console.log(misses.length ? `misses:\n  ${misses.join('\n  ')}` : 'misses: none');
    console.log(extras.length ? `unexpected:\n  ${extras.join('\n  ')}` : 'unexpected: none');
    assert.ok(found / expectedTotal >= 0.95, `only ${found}/${expectedTotal} found`);
    assert.deepEqual(extras, []);
  });
});

describe('dockerfile corpus: real-world files', () => {
  it('lints every file without an internal error and prints findings per rule', () => {
    requireCorpus();
    const dir = path.join(CORPUS, 'dockerfile/real');
    const files = fs.readdirSync(dir).filter((f) => f.endsWith('.Dockerfile')).sort();
    const engine = new Engine(createRegistry(), (m) => assert.fail(m));
    const counts = new Map<string, number>();
    const failures: string[] = [];
    for (const name of files) {
      const file = path.join(dir, name);
      const text = fs.readFileSync(file, 'utf8');
      const r = engine.lint({ path: file, text, kind: 'dockerfile', config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: diskWorkspace(dir) });
      for (const f of r.findings) {
        counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        if (f.ruleId === 'shipshape/internal-error') failures.push(`${name}: ${f.message}`);
      }
    }
    console.log(`linted ${files.length} Dockerfiles; findings per rule:`);
    for (const [rule, n] of [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))) console.log(`  ${String(n).padStart(5)}  ${rule}`);
    assert.deepEqual(failures, []);
    assert.ok(files.length >= 75, `only ${files.length} files`);
  });
});
