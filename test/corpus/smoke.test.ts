// Every corpus file lints without an internal error, and CLI SARIF output validates against the SARIF schema.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/lint';
import type { Kind } from '../../server/src/engine/types';
import { diskWorkspace } from '../../server/src/engine/workspace';
import { createRegistry } from '../../server/src/languages';
import { CORPUS, filesUnder, requireCorpus, SHARED } from './corpus-path';

const CLI = path.resolve(__dirname, '../../../dist/cli.js');

function forcedKind(file: string): Kind | undefined {
  const rel = path.relative(CORPUS, file);
  if (rel.startsWith('dockerfile')) return file.endsWith('.Dockerfile') ? 'dockerfile' : undefined;
  if (rel.startsWith('actions')) return /\.ya?ml$/.test(file) && !rel.includes('/.github/actions/') ? 'workflow' : undefined;
  return undefined;
}

describe('corpus smoke', () => {
  it('lints every corpus file with no internal error', () => {
    requireCorpus();
    const failures: string[] = [];
    const logs: string[] = [];
    const engine = new Engine(createRegistry(), (m) => logs.push(m));
    const counts = new Map<string, number>();
    let linted = 0;
    for (const file of filesUnder(CORPUS)) {
      const text = fs.readFileSync(file, 'utf8');
      const kind = forcedKind(file);
      const r = engine.lint({ path: file, text, kind, config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: diskWorkspace(path.dirname(file)) });
      if (!r.kind) continue;
      linted++;
      for (const f of r.findings) {
        counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        if (f.ruleId === 'shipshape/internal-error') failures.push(`${path.relative(CORPUS, file)}: ${f.message}`);
      }
    }
    console.log(`linted ${linted} corpus files; findings per rule:`);
    for (const [rule, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(6)}  ${rule}`);
    assert.deepEqual(failures, [], logs.join('\n'));
    assert.ok(linted > 500, `only ${linted} files linted`);
  });

  it('emits SARIF that validates against the SARIF 2.1.0 schema', () => {
    requireCorpus();
    const schema = JSON.parse(fs.readFileSync(path.join(SHARED, 'schemas/sarif-2.1.0.json'), 'utf8'));
    const ajv = new Ajv({ allErrors: true, strict: false, validateFormats: false });
    const validate = ajv.compile(schema);
    for (const dir of ['dockerfile/real', 'kubernetes/real', 'actions/actionlint/examples']) {
      const r = spawnSync(process.execPath, [CLI, 'lint', '--format', 'sarif', '--rules', 'all', path.join(CORPUS, dir)], { encoding: 'utf8', maxBuffer: 256 << 20 });
      assert.ok(r.status === 0 || r.status === 1, r.stderr);
      const sarif = JSON.parse(r.stdout) as { runs: Array<{ results: Array<{ ruleIndex: number; partialFingerprints: { primaryLocationLineHash: string } }>; tool: { driver: { rules: Array<{ helpUri: string }> } } }> };
      const ok = validate(sarif);
      assert.ok(ok, `${dir}: ${JSON.stringify(validate.errors?.slice(0, 5), null, 2)}`);
      assert.ok(sarif.runs[0].results.length > 0, `${dir}: no results`);
      for (const result of sarif.runs[0].results) {
        assert.ok(result.partialFingerprints.primaryLocationLineHash);
        assert.ok(sarif.runs[0].tool.driver.rules[result.ruleIndex].helpUri);
      }
    }
  });
});
