import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { parseConfigText } from '../../../server/src/engine/config';
import { detectKind } from '../../../server/src/engine/detect';
import { ignoreFileFix, ignoreLineFix } from '../../../server/src/engine/suppress';
import { applyEdits, LineIndex } from '../../../server/src/engine/text';
import { engine, lint, registry } from '../../helpers';
import { DEFAULT_CONFIG, mergeConfig } from '../../../server/src/engine/config';
import { memoryWorkspace } from '../../../server/src/engine/workspace';

const DF = '/repo/Dockerfile';
const ids = (text: string, path = DF, config = {}) => lint(path, text, { config }).findings.map((f) => f.ruleId);

describe('kind detection', () => {
  it('knows Dockerfiles by name and language id', () => {
    for (const p of ['/a/Dockerfile', '/a/Dockerfile.prod', '/a/api.dockerfile', '/a/Containerfile', '/a/Containerfile.dev']) {
      assert.equal(detectKind(p, ''), 'dockerfile', p);
    }
    assert.equal(detectKind('/a/build', 'FROM x', 'dockerfile'), 'dockerfile');
    assert.equal(detectKind('/a/Dockerfile.md', ''), 'dockerfile');
  });

  it('knows workflows by folder or content, actions by name, manifests by content', () => {
    assert.equal(detectKind('/r/.github/workflows/ci.yml', ''), 'workflow');
    assert.equal(detectKind('/r/.gitea/workflows/ci.yaml', ''), 'workflow');
    assert.equal(detectKind('/r/ci.yml', 'on: push\njobs:\n  a: {}\n'), 'workflow');
    assert.equal(detectKind('/r/x/action.yml', 'name: a\nruns:\n  using: node20\n'), 'action');
    assert.equal(detectKind('/r/app.yaml', 'apiVersion: v1\nkind: Service\n'), 'kubernetes');
    assert.equal(detectKind('/r/values.yaml', 'replicas: 2\n'), undefined);
    assert.equal(detectKind('/r/notes.txt', 'apiVersion: v1\nkind: Pod\n'), undefined);
    assert.equal(detectKind('/r/.shipshape.yaml', ''), 'config');
  });
});

describe('configuration', () => {
  it('turns rules off by id or alias, and changes severity', () => {
    const text = 'FROM node\nCMD node a.js\nUSER node\n';
    assert.deepEqual(ids(text), ['dockerfile/untagged-image', 'dockerfile/json-args']);
    assert.deepEqual(ids(text, DF, { rules: { DL3006: 'off' } }), ['dockerfile/json-args']);
    assert.deepEqual(ids(text, DF, { rules: { 'dl3025': 'off', 'dockerfile/untagged-image': 'off' } }), []);
    const f = lint(DF, text, { config: { rules: { JSONArgsRecommended: 'error' } } }).findings.find((x) => x.ruleId === 'dockerfile/json-args');
    assert.equal(f?.severity, 'error');
  });

  it('parses .shipshape.yaml and reports its mistakes with ranges', () => {
    const { layer, problems } = parseConfigText('profile: strict\nrules:\n  DL3006: off\n  DL3007: loud\nfoo: 1\n');
    assert.equal(layer.profile, 'strict');
    assert.deepEqual(layer.rules, { DL3006: 'off' });
    assert.equal(problems.length, 2);
    assert.equal(problems[0].range.start.line, 3);
    assert.match(problems[1].message, /Unknown key "foo"/);
  });

  it('lints the config file itself, including unknown rule names', () => {
    const r = lint('/repo/.shipshape.yaml', 'rules:\n  DL9999: off\nprofile: [x]\n');
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.range.start.line, f.message]), [
      ['config/invalid', 1, 'Unknown rule or alias "DL9999".'],
      ['config/invalid', 2, '`profile` must be recommended, strict or all.'],
    ]);
  });

  it('reports options no rule reads, with a suggestion for a near miss', () => {
    const text = 'dockerfile:\n  trustedRegistry: [docker.io]\n  shellcheck: false\nkubernetes:\n  podSecurity: restricted\nactions:\n  selfHostedLabels: [gpu]\n';
    const r = lint('/repo/.shipshape.yaml', text);
    assert.deepEqual(
      r.findings.map((f) => [f.ruleId, f.range.start.line, f.range.start.character, f.range.end.character, f.message]),
      [
        ['config/invalid', 1, 2, 17, 'Unknown dockerfile option "trustedRegistry" (did you mean "trustedRegistries"?); known: shellcheck, shellcheckPath, shellcheckExclude, buildContext, trustedRegistries, labelSchema, strictLabels.'],
        ['config/invalid', 6, 2, 18, 'Unknown actions option "selfHostedLabels"; known: shellcheck, shellcheckPath, selfHostedRunnerLabels, defaultTimeoutMinutes, unpinnedUses.'],
      ],
    );
  });
});

describe('suppressions', () => {
  it('honours shipshape-ignore for the next instruction, and its continuation lines', () => {
    const text = '# shipshape-ignore DL3006 -- base image chosen by CI\nFROM node\nFROM debian\nUSER 1000\n';
    const r = lint(DF, text).findings;
    assert.deepEqual(r.map((f) => f.range.start.line), [2]);
  });

  it('honours trailing comments, rule ids and file-wide ignores', () => {
    // A trailing comment is an extra FROM argument to the builder (dockerfile/syntax); the pragma still works.
    assert.deepEqual(ids('FROM node # shipshape-ignore dockerfile/untagged-image\nUSER node\n'), ['dockerfile/syntax']);
    assert.deepEqual(ids('# shipshape-ignore-file DL3006\nFROM node\nFROM debian\nUSER 1000\n'), []);
  });

  it('honours hadolint pragmas', () => {
    assert.deepEqual(ids('# hadolint ignore=DL3006,DL3025\nFROM node\nCMD a b\nUSER node\n'), ['dockerfile/json-args']);
    assert.deepEqual(ids('# hadolint global ignore=DL3006\nFROM node\nFROM debian\nUSER 1000\n'), []);
  });

  it('"ignore on this line" writes a comment that silences exactly that finding', () => {
    const text = 'FROM node:22\n  CMD node a.js\n  USER node\n';
    const index = new LineIndex(text);
    const fixed = applyEdits(text, ignoreLineFix(index, 1, 'dockerfile/json-args').edits).text;
    assert.equal(fixed, 'FROM node:22\n  # shipshape-ignore dockerfile/json-args\n  CMD node a.js\n  USER node\n');
    assert.deepEqual(ids(fixed), []);
    const second = applyEdits(fixed, ignoreLineFix(new LineIndex(fixed), 2, 'DL3006').edits).text;
    assert.equal(second, 'FROM node:22\n  # shipshape-ignore dockerfile/json-args,DL3006\n  CMD node a.js\n  USER node\n');
  });

  it('"ignore in this file" goes below parser directives', () => {
    const text = '# syntax=docker/dockerfile:1\nFROM node\nUSER node\n';
    const r = lint(DF, text);
    const line = registry.languages.get('dockerfile')!.fileIgnoreCommentLine!(r.parsed!.model, text);
    const fixed = applyEdits(text, ignoreFileFix(r.index, line, 'dockerfile/untagged-image').edits).text;
    assert.equal(fixed, '# syntax=docker/dockerfile:1\n# shipshape-ignore-file dockerfile/untagged-image\nFROM node\nUSER node\n');
    assert.deepEqual(ids(fixed), []);
  });

  it('honours kube-linter annotations on the annotated object only', () => {
    const text = `apiVersion: v1
kind: Pod
metadata:
  name: a
  annotations:
    ignore-check.kube-linter.io/latest-tag: "dev only"
spec:
  containers: [{name: a, image: nginx, livenessProbe: {}, readinessProbe: {}}]
---
apiVersion: v1
kind: Pod
metadata: {name: b}
spec:
  containers: [{name: b, image: nginx, livenessProbe: {}, readinessProbe: {}}]
`;
    // Only the image-tag findings matter here (the pods trip other rules too).
    const r = lint('/r/p.yaml', text).findings.filter((f) => f.ruleId === 'kubernetes/image-tag');
    assert.deepEqual(r.map((f) => [f.ruleId, f.range.start.line]), [['kubernetes/image-tag', 13]]);
  });
});

describe('limits and robustness', () => {
  it('skips files over the size limit with one info finding', () => {
    const r = lint(DF, 'FROM node\n' + '# x\n'.repeat(1000), { config: { maxFileSizeKb: 1 } });
    assert.deepEqual(r.findings.map((f) => [f.ruleId, f.severity]), [['shipshape/file-skipped', 'info']]);
  });

  it('skips binary content', () => {
    const r = lint(DF, 'FROM node\u0000\n');
    assert.equal(r.findings[0].ruleId, 'shipshape/file-skipped');
    assert.match(r.findings[0].message, /binary/);
  });

  it('turns a throwing rule into one internal-error finding and keeps the others', () => {
    const rule = registry.languages.get('dockerfile')!.rules.find((r) => r.id === 'dockerfile/latest-tag')!;
    const original = rule.check;
    rule.check = () => {
      throw new Error('boom');
    };
    try {
      const quiet = new (engine.constructor as typeof import('../../../server/src/engine/lint').Engine)(registry);
      const r = quiet.lint({ path: DF, text: 'FROM node\nUSER node\n', config: mergeConfig(DEFAULT_CONFIG), workspace: memoryWorkspace() });
      assert.deepEqual(r.findings.map((f) => f.ruleId).sort(), ['dockerfile/untagged-image', 'shipshape/internal-error']);
      assert.match(r.findings.find((f) => f.ruleId === 'shipshape/internal-error')!.message, /dockerfile\/latest-tag failed: boom/);
    } finally {
      rule.check = original;
    }
  });

  it('every rule has an id with a kind prefix, docs, a description and a known profile', () => {
    for (const r of registry.rules) {
      assert.match(r.id, /^[a-z]+\/[a-z0-9-]+$/, r.id);
      assert.ok(r.description.length > 10 && !r.description.includes('\n'), r.id);
      assert.ok(r.docs.length > 20, r.id);
    }
  });
});

describe('rule severities per config', () => {
  it('are worked out once per config, and a new config (or one whose rules were replaced) gets its own', () => {
    const rule = registry.rule('dockerfile/no-latest-tag') ?? registry.rulesOf('dockerfile')[0];
    const base = mergeConfig(DEFAULT_CONFIG);
    const first = registry.severityFor(rule, base);
    assert.equal(registry.severityFor(rule, base), first);
    const off = mergeConfig(base, { rules: { [rule.id]: 'off' } });
    assert.equal(registry.severityFor(rule, off), 'off');
    assert.equal(registry.severityFor(rule, base), first, 'the first config keeps its answer');
    const alias = rule.aliases[0];
    if (alias) assert.equal(registry.severityFor(rule, mergeConfig(base, { rules: { [alias.toUpperCase()]: 'hint' } })), 'hint');
    const replaced = mergeConfig(base);
    assert.equal(registry.severityFor(rule, replaced), first);
    replaced.rules = { [rule.id]: 'info' };
    assert.equal(registry.severityFor(rule, replaced), 'info');
    const strict = mergeConfig(base, { profile: 'all' });
    assert.equal(registry.severityFor(rule, strict), rule.severity);
  });
});
