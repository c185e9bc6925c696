// The schema rules on real manifests (kubernetes/examples): no crash, and a table of findings per rule to review.
// Reviewed findings (true positives in the corpus): removed apiVersions in _archived/ examples, lowercase
// `protocol: tcp`, a placeholder `lun`, misspelled or non-existent volume source fields (rbd, scaleio, storageos).
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/lint';
import { diskWorkspace } from '../../server/src/engine/workspace';
import { createRegistry } from '../../server/src/languages';
import { schemaRules } from '../../server/src/kubernetes/rules/index-schema';
import { CORPUS, filesUnder, requireCorpus } from './corpus-path';

const SCHEMA_RULES = new Set(schemaRules.map((r) => r.id));

describe('kubernetes schema rules on real manifests', () => {
  it('lint every file without an internal error and print findings per rule', () => {
    requireCorpus();
    const dir = path.join(CORPUS, 'kubernetes', 'real');
    const logs: string[] = [];
    const engine = new Engine(createRegistry(), (m) => logs.push(m));
    const counts = new Map<string, number>();
    const examples = new Map<string, string>();
    let files = 0;
    for (const file of filesUnder(dir, (n) => /\.ya?ml$/.test(n))) {
      const text = fs.readFileSync(file, 'utf8');
      const r = engine.lint({ path: file, text, kind: 'kubernetes', config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: diskWorkspace(dir) });
      files++;
      for (const f of r.findings) {
        assert.notEqual(f.ruleId, 'shipshape/internal-error', `${path.basename(file)}: ${f.message}`);
        if (!SCHEMA_RULES.has(f.ruleId)) continue;
        counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
        if (!examples.has(f.ruleId)) examples.set(f.ruleId, `${path.basename(file)}:${f.range.start.line + 1} ${f.message}`);
      }
    }
    assert.deepEqual(logs, []);
    assert.ok(files >= 200, `expected the real corpus, found ${files} files`);
    const rows = [...counts].sort((a, b) => b[1] - a[1]).map(([id, n]) => `${String(n).padStart(5)}  ${id.padEnd(38)} e.g. ${examples.get(id)!.slice(0, 120)}`);
    console.log(`schema findings on ${files} real manifests:\n${rows.join('\n')}`);
  });
});
