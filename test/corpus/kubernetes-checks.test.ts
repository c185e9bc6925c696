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
import { kubernetesLanguage } from '../../server/src/kubernetes/language';
import { buildModel } from '../../server/src/kubernetes/model';
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
const POLARIS_NOT_COVERED: Record<string, string> = {
  nakedPod: 'a custom check defined by its check.yaml (label equals name), not a built-in Polaris check',
  oneController: 'a custom check defined by its check.yaml',
  resourceRange: 'a custom check defined by its check.yaml (resource ranges)',
};

/** Failure files we deliberately do not flag, with the reason. */
const POLARIS_EXPECTED_MISSES: Record<string, string> = {};

/** Mutations that differ from Polaris on purpose, with the reason. */
const POLARIS_MUTATION_DIFFERENCES: Record<string, string> = {
  'cpuLimitsMissing/failure.yaml': 'our fix sets all missing requests and limits at once, with our defaults',
  'cpuRequestsMissing/failure.yaml': 'same: all four values, our defaults',
  'memoryLimitsMissing/failure.yaml': 'same: all four values, our defaults',
  'memoryLimitsMissing/failure.cpu.yaml': 'same: all four values, our defaults',
  'memoryRequestsMissing/failure.yaml': 'same: all four values, our defaults',
  'livenessProbeMissing/failure.yaml': 'no port declared: we offer no probe rather than guess a command',
  'readinessProbeMissing/failure.yaml': 'no port declared: we offer no probe rather than guess a command',
  'dangerousCapabilities/failure.yaml': 'we do not remove capabilities automatically (the process may need them)',
  'insecureCapabilities/failure.add.yaml': 'we add drop ALL but leave the added capability for the user to judge',
  'insecureCapabilities/failure.drop-most.yaml': 'we append ALL to the drop list instead of replacing it',
};

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
          else if (!POLARIS_EXPECTED_MISSES[`${check}/${name}`]) missed.push(`${check}/${name}`);
          const mutated = path.join(root, check, name.replace('failure', 'mutated'));
          if (fs.existsSync(mutated)) {
            mutationsTotal++;
            const ours = docsOf(fixAll(file, text, alias));
            const theirs = docsOf(fs.readFileSync(mutated, 'utf8'));
            if (isDeepStrictEqual(ours, theirs)) mutationsEqual++;
            else if (!POLARIS_MUTATION_DIFFERENCES[`${check}/${name}`]) mutations.push(`${check}/${name}: ${JSON.stringify(ours)} vs ${JSON.stringify(theirs)}`);
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
    for (const [k, why] of Object.entries({ ...POLARIS_NOT_COVERED, ...POLARIS_EXPECTED_MISSES, ...POLARIS_MUTATION_DIFFERENCES })) console.log(`  exception ${k}: ${why}`);
    assert.equal(flagged, failures, `only ${flagged}/${failures} Polaris failure files flagged`);
    assert.deepEqual(missed, [], 'failure files missed without a listed reason');
    assert.equal(falseFires, 0, 'Polaris success files must not fire');
    assert.deepEqual(mutations, [], 'fix results that differ from Polaris without a listed reason');
  });
});

interface KubeLinterTest {
  test: string;
  file: string;
  checks: string[];
  config: string | null;
  expected_count: number | null;
  expected_reports: Array<{ format: string; text: string }>;
}

/** kube-linter checks we do not carry (another helper's domain, or custom-check templates), with the reason. */
const KUBE_LINTER_NOT_COVERED: Record<string, string> = {
  'kubeconform-validation': 'a custom-check template (kubeconform against given schemas); schema validation is the schema rules',
};

/** kube-linter's checks enabled by default (its docs, generated/checks.md), minus the ones listed as not covered. */
const KUBE_LINTER_DEFAULTS = new Set([
  'dangling-service', 'deprecated-service-account-field', 'docker-sock', 'drop-net-raw-capability', 'env-var-secret', 'host-ipc',
  'host-network', 'host-pid', 'latest-tag', 'mismatching-selector', 'no-read-only-root-fs', 'non-existent-service-account',
  'privilege-escalation-container', 'privileged-container', 'run-as-non-root', 'sensitive-host-mounts', 'ssh-port', 'unsafe-sysctls',
  'unset-cpu-requirements', 'unset-memory-requirements', 'duplicate-env-var', 'invalid-target-ports', 'liveness-port', 'readiness-port',
  'startup-port', 'dangling-horizontalpodautoscaler', 'dangling-ingress', 'pdb-max-unavailable', 'pdb-min-available',
  'pdb-unhealthy-pod-eviction-policy', 'no-anti-affinity', 'dangling-networkpolicy', 'dangling-networkpolicypeer-podselector',
  'no-extensions-v1beta',
]);
/** Expectations we do not meet on purpose, with the reason. */
const KUBE_LINTER_DIFFERENT: Record<string, string> = {};
/** Lower bound on met expectations (raise it as checks are added). */
const MIN_KUBE_LINTER_PASSED = 62;

describe('kube-linter corpus', () => {
  it('meets the e2e expectations of the checks we carry', () => {
    requireCorpus();
    const root = path.join(CORPUS, 'kubernetes/kube-linter');
    const { tests } = JSON.parse(fs.readFileSync(path.join(root, 'expectations.json'), 'utf8')) as { tests: KubeLinterTest[] };
    const results: string[] = [];
    let passed = 0;
    let run = 0;
    for (const t of tests) {
      if (t.checks.length !== 1) continue;
      // Configs that define custom checks are templates we do not carry; one that only includes a built-in check runs.
      if (t.config && /customChecks/.test(fs.readFileSync(path.join(root, t.config), 'utf8'))) continue;
      const check = t.checks[0];
      const skip = KUBE_LINTER_NOT_COVERED[check] ?? KUBE_LINTER_DIFFERENT[check];
      if (skip) {
        results.push(`skip ${check}: ${skip}`);
        continue;
      }
      run++;
      const file = path.join(root, t.file);
      const text = fs.readFileSync(file, 'utf8');
      const found = withAlias(lintText(file, text), `kube-linter/${check}`);
      const model = buildModel(text);
      const kindAt = (line: number) => model.manifests.filter((m) => m.lines[0] <= line && line <= m.lines[1]).pop()?.kind ?? '?';
      const ourKinds = found.map((f) => kindAt(f.range.start.line)).sort();
      const expectedKinds = t.expected_reports.filter((r) => r.format.startsWith('{Kind}')).map((r) => r.text.split(/[: ]/)[0]).sort();
      const countOk = t.expected_count === null ? found.length > 0 : found.length === t.expected_count;
      const kindsOk = expectedKinds.every((k) => ourKinds.filter((x) => x === k).length >= expectedKinds.filter((x) => x === k).length);
      const ok = countOk && kindsOk;
      if (ok) passed++;
      results.push(`${ok ? 'pass' : 'FAIL'} ${check}: ${found.length} findings (expected ${t.expected_count ?? 'some'}) kinds [${ourKinds.join(', ')}]`);
    }
    console.log(`kube-linter: ${passed}/${run} expectations met`);
    for (const r of results) console.log(`  ${r}`);
    const failedDefaults = results.filter((r) => r.startsWith('FAIL') && KUBE_LINTER_DEFAULTS.has(r.split(' ')[1].replace(':', '')));
    assert.deepEqual(failedDefaults, [], 'every kube-linter default check we carry meets its expectations');
    assert.ok(passed >= MIN_KUBE_LINTER_PASSED, `${passed} kube-linter expectations met, expected at least ${MIN_KUBE_LINTER_PASSED}`);
  });
});

describe('real-world manifests (kubernetes/examples)', () => {
  it('lint without a crash; findings per rule for review', () => {
    requireCorpus();
    const dir = path.join(CORPUS, 'kubernetes/real');
    const counts = new Map<string, number>();
    let files = 0;
    for (const file of filesUnder(dir, (n) => /\.ya?ml$/.test(n) && n !== 'index.json')) {
      files++;
      const text = fs.readFileSync(file, 'utf8');
      const config = mergeConfig(DEFAULT_CONFIG, {});
      const findings = engine.lint({ path: file, text, kind: 'kubernetes', config, workspace: memoryWorkspace({ [file]: text }) }).findings;
      for (const f of findings) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      assert.ok(!findings.some((f) => f.ruleId === 'shipshape/internal-error'), file);
    }
    console.log(`real: ${files} files, default profile`);
    for (const [rule, n] of [...counts].sort((a, b) => b[1] - a[1])) console.log(`  ${String(n).padStart(5)}  ${rule}`);
    assert.ok(files > 200);
  });
});

interface KubeScoreTest {
  test: string;
  files: string[];
  check_id: string;
  assertion: string;
  expected_grade_value?: number;
}

/** kube-score checks some rule carries as an alias (same semantics). */
const KUBE_SCORE_MAPPED = new Set([
  'container-security-context-privileged', 'container-security-context-readonlyrootfilesystem', 'container-image-tag',
  'environment-variable-key-duplication', 'horizontalpodautoscaler-has-target', 'ingress-targets-service', 'service-targets-pod',
  'networkpolicy-targets-pod', 'statefulset-pod-selector-labels-match-template-metadata-labels',
]);

/** kube-score tests we answer differently on purpose, with the reason. */
const KUBE_SCORE_DIFFERENT: Record<string, string> = {
  TestNetworkPolicyV1InvalidBackend: 'networking.k8s.io/v1 Ingress with the old serviceName/servicePort fields: we read them as the backend (the schema rules report the wrong fields)',
  TestIngressNoPanicIssue363: 'same: v1beta1 backend fields in a v1 Ingress',
};

describe('kube-score corpus', () => {
  it('meets the grade expectations of the checks that map to our rules', () => {
    requireCorpus();
    const root = path.join(CORPUS, 'kubernetes/kube-score');
    const { tests } = JSON.parse(fs.readFileSync(path.join(root, 'expectations.json'), 'utf8')) as { tests: KubeScoreTest[] };
    const results: string[] = [];
    let passed = 0;
    let run = 0;
    for (const t of tests) {
      if (!KUBE_SCORE_MAPPED.has(t.check_id) || t.assertion !== 'grade' || t.expected_grade_value === undefined) continue;
      if (KUBE_SCORE_DIFFERENT[t.test]) {
        results.push(`skip ${t.check_id} ${t.test}: ${KUBE_SCORE_DIFFERENT[t.test]}`);
        continue;
      }
      run++;
      // Files scored together form one workspace.
      const files = Object.fromEntries(t.files.map((f) => [path.join(root, f), fs.readFileSync(path.join(root, f), 'utf8')]));
      const project = { summaries: () => Object.entries(files).map(([p, text]) => ({ path: p, summary: kubernetesLanguage.summarize!(buildModel(text), p) })) };
      const findings = Object.entries(files).flatMap(([file, text]) =>
        engine.lint({ path: file, text, kind: 'kubernetes', config: mergeConfig(DEFAULT_CONFIG, { allRules: true }), workspace: memoryWorkspace(files), project }).findings,
      );
      const fired = withAlias(findings, `kube-score/${t.check_id}`).length > 0;
      const shouldFire = t.expected_grade_value > 0 && t.expected_grade_value < 10;
      const ok = fired === shouldFire;
      if (ok) passed++;
      results.push(`${ok ? 'pass' : 'FAIL'} ${t.check_id} ${t.test}: expected ${shouldFire ? 'a finding' : 'none'}, got ${fired ? 'a finding' : 'none'}`);
    }
    console.log(`kube-score: ${passed}/${run} mapped expectations met`);
    for (const r of results) console.log(`  ${r}`);
    assert.equal(passed, run, `${passed}/${run} kube-score expectations met`);
  });
});
