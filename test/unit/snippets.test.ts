// Every contributed snippet, expanded with its default placeholders the way VS Code inserts it, must pass Shipshape's
// own recommended rules with no warning or error. Also checks the snippet files are contributed and well-formed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { lint } from '../helpers';
import { expandSnippet } from '../suite/snippet-expand';

const ROOT = path.resolve(__dirname, '../../..');
const SNIPPET_DIR = path.join(ROOT, 'snippets');

interface Snippet {
  prefix: string | string[];
  body: string | string[];
  description?: string;
}

function loadSnippets(file: string): Array<[string, Snippet]> {
  return Object.entries(JSON.parse(fs.readFileSync(path.join(SNIPPET_DIR, file), 'utf8')) as Record<string, Snippet>);
}

const bodyText = (s: Snippet) => (Array.isArray(s.body) ? s.body.join('\n') : s.body);
const prefixes = (s: Snippet) => (Array.isArray(s.prefix) ? s.prefix : [s.prefix]);

/** Where a snippet's text would live: the file name decides the kind (workflow, action, manifest...). */
function pathFor(file: string, prefix: string): string {
  if (file === 'dockerfile.json') return '/repo/Dockerfile';
  if (file === 'github-actions.json') return prefix === 'ss-composite-action' ? '/repo/.github/actions/setup/action.yml' : '/repo/.github/workflows/snippet.yml';
  if (prefix === 'ss-kustomization') return '/repo/deploy/kustomization.yaml';
  return '/repo/deploy/snippet.yaml';
}

// Files a snippet expects next to it (a .dockerignore for `COPY . .`, the resources a Kustomization lists).
const NEIGHBOURS: Record<string, string> = {
  '/repo/.dockerignore': '.git\nnode_modules\n',
  '/repo/deploy/deployment.yaml': '',
  '/repo/deploy/service.yaml': '',
  '/repo/package-lock.json': '{}\n',
  '/repo/requirements.txt': 'flask==3.0.3\n',
  '/repo/go.sum': '',
};

const SNIPPET_FILES = fs.readdirSync(SNIPPET_DIR).filter((f) => f.endsWith('.json')).sort();

describe('snippets', () => {
  it('expands placeholders, choices, mirrors and escapes like VS Code', () => {
    assert.equal(expandSnippet('a ${1:x} $1 ${2|p,q|} \\${{ e }} ${3:n${4:m}} $4 $0'), 'a x x p ${{ e }} nm m ');
    assert.equal(expandSnippet('$1-${1:v}'), 'v-v');
    assert.equal(expandSnippet('${TM_FILENAME:file}', {}), 'file');
  });

  it('every snippet file is contributed for its languages in package.json', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    const contributed: Array<{ language: string; path: string }> = pkg.contributes.snippets;
    const langsOf = (f: string) => contributed.filter((c) => path.normalize(c.path) === path.normalize(`./snippets/${f}`)).map((c) => c.language).sort();
    assert.deepEqual(langsOf('dockerfile.json'), ['dockerfile']);
    assert.deepEqual(langsOf('kubernetes.json'), ['yaml']);
    assert.deepEqual(langsOf('github-actions.json'), ['github-actions-workflow', 'yaml']);
    assert.deepEqual(langsOf('dockerignore.json'), ['ignore']);
    assert.deepEqual(SNIPPET_FILES, ['dockerfile.json', 'dockerignore.json', 'github-actions.json', 'kubernetes.json']);
  });

  it('prefixes are unique, start with ss- and every snippet has a description', () => {
    const seen = new Map<string, string>();
    for (const file of SNIPPET_FILES) {
      for (const [name, s] of loadSnippets(file)) {
        assert.ok(s.description && s.description.length > 10, `${name}: description`);
        for (const p of prefixes(s)) {
          assert.match(p, /^ss-[a-z0-9-]+$/, `${name}: prefix ${p}`);
          assert.ok(!seen.has(p), `${p} used by ${seen.get(p)} and ${name}`);
          seen.set(p, name);
        }
        assert.match(bodyText(s), /\$\{?1/, `${name} has tab stops`);
      }
    }
    assert.ok(seen.size >= 29, `expected at least 29 snippets, found ${seen.size}`);
  });

  for (const file of SNIPPET_FILES.filter((f) => f !== 'dockerignore.json')) {
    describe(file, () => {
      for (const [name, s] of loadSnippets(file)) {
        const prefix = prefixes(s)[0];
        it(`${prefix} (${name}) passes every recommended rule`, () => {
          const file_ = pathFor(file, prefix);
          const text = expandSnippet(bodyText(s)) + '\n';
          const result = lint(file_, text, { files: NEIGHBOURS });
          assert.ok(result.kind, `${prefix}: not recognised as a Shipshape file at ${file_}`);
          const expectedKind = file === 'dockerfile.json' ? 'dockerfile' : file === 'kubernetes.json' ? 'kubernetes' : prefix === 'ss-composite-action' ? 'action' : 'workflow';
          assert.equal(result.kind, expectedKind);
          const bad = result.findings.filter((f) => f.severity === 'error' || f.severity === 'warning');
          assert.deepEqual(
            bad.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId} ${f.message}`),
            [],
            `${prefix} expanded:\n${text}`,
          );
        });
      }
    });
  }
});
