import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../../server/src/engine/lint';
import { Registry } from '../../../server/src/engine/registry';
import type { Kind, Language } from '../../../server/src/engine/types';
import { IndexService } from '../../../server/src/lsp/index-service';
import { ValidationQueue } from '../../../server/src/lsp/scheduler';
import { collectFiles, collectFilesAsync } from '../../../server/src/cli/walk';

// A fake Kubernetes language whose summary is the list of `name:` values in the file.
const fake: Language<string> = {
  kind: 'kubernetes',
  parse: (text) => ({ model: text, problems: [] }),
  rules: [],
  summarize: (text) => ({ names: [...text.matchAll(/^name: (\S+)$/gm)].map((m) => m[1]) }),
};
const engine = new Engine(new Registry([fake as Language]));

function workspace(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-index-'));
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

function service(open = new Set<string>()) {
  const changes: Array<{ kinds: Kind[]; file: string }> = [];
  const progress: string[] = [];
  const svc = new IndexService({
    engine,
    isOpen: (f) => open.has(f),
    onChanged: (kinds, file) => changes.push({ kinds, file }),
    log: () => undefined,
    progress: async () => ({ begin: (t) => progress.push(`begin ${t}`), report: (p) => progress.push(`report ${p}`), done: () => progress.push('done') }),
  });
  return { svc, changes, progress };
}
const names = (svc: IndexService) => svc.index.summaries('kubernetes').map((s) => [path.basename(s.path), (s.summary as { names: string[] }).names]);

describe('the server project index', () => {
  it('indexes workspace folders in the background with progress, skipping .gitignored files and other kinds', async () => {
    const dir = workspace({
      'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nname: a\n',
      'sub/b.yml': 'apiVersion: v1\nkind: Secret\nname: b\n',
      'values.yaml': 'replicas: 2\n',
      'gen/c.yaml': 'apiVersion: v1\nkind: Pod\nname: c\n',
      '.gitignore': 'gen/\n',
      'README.md': 'apiVersion: v1\nkind: Pod\n',
    });
    fs.mkdirSync(path.join(dir, '.git'));
    const { svc, changes, progress } = service();
    await svc.indexFolders([dir]);
    assert.deepEqual(names(svc), [['a.yaml', ['a']], ['b.yml', ['b']]]);
    assert.equal(progress[0], 'begin Shipshape: indexing workspace');
    assert.equal(progress.at(-1), 'done');
    assert.deepEqual(changes, [{ kinds: ['kubernetes'], file: '' }]);
  });

  it('skips a file opened right after the crawl was asked for (its lint indexes its buffer)', async () => {
    const dir = workspace({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nname: a\n', 'b.yaml': 'apiVersion: v1\nkind: Secret\nname: b\n' });
    const open = new Set<string>();
    const { svc } = service(open);
    const done = svc.indexFolders([dir]);
    open.add(path.join(dir, 'a.yaml'));
    await done;
    assert.deepEqual(names(svc), [['b.yaml', ['b']]]);
  });

  it('follows file events, open buffers and closes, and says which kinds changed', async () => {
    const dir = workspace({ 'a.yaml': 'apiVersion: v1\nkind: ConfigMap\nname: a\n' });
    const a = path.join(dir, 'a.yaml');
    const open = new Set<string>();
    const { svc, changes } = service(open);
    await svc.indexFolders([dir]);
    changes.length = 0;

    fs.writeFileSync(path.join(dir, 'b.yaml'), 'apiVersion: v1\nkind: Secret\nname: b\n');
    svc.applyFileEvents([{ file: path.join(dir, 'b.yaml'), deleted: false }]);
    assert.deepEqual(names(svc), [['a.yaml', ['a']], ['b.yaml', ['b']]]);
    // A save that does not change the summary re-validates nobody.
    svc.applyFileEvents([{ file: path.join(dir, 'b.yaml'), deleted: false }]);
    assert.equal(changes.length, 1);

    // An open document's unsaved state wins over disk events for it, until it is closed.
    open.add(a);
    svc.updateFromDocument(a, 'kubernetes', { names: ['edited'] });
    svc.applyFileEvents([{ file: a, deleted: false }]);
    assert.deepEqual(names(svc)[0], ['a.yaml', ['edited']]);
    open.delete(a);
    svc.documentClosed(a);
    assert.deepEqual(names(svc)[0], ['a.yaml', ['a']]);

    fs.rmSync(path.join(dir, 'b.yaml'));
    svc.applyFileEvents([{ file: path.join(dir, 'b.yaml'), deleted: true }]);
    assert.deepEqual(names(svc), [['a.yaml', ['a']]]);
    assert.deepEqual(changes.map((c) => path.basename(c.file)), ['b.yaml', 'a.yaml', 'a.yaml', 'b.yaml']);
    svc.forgetFolder(dir);
    assert.equal(svc.index.size, 0);
  });

  it('stays idle when no language summarizes', async () => {
    const svc = new IndexService({ engine: new Engine(new Registry([])), isOpen: () => false, onChanged: () => assert.fail('no change expected'), log: () => undefined });
    assert.equal(svc.idle, true);
    await svc.indexFolders([workspace({ 'a.yaml': 'name: a\n' })]);
    assert.equal(svc.index.size, 0);
  });
});

describe('asynchronous workspace walk', () => {
  it('finds the same files as the CLI walk, honouring nested .gitignore files', async () => {
    const dir = workspace({
      'a.yaml': '',
      '.gitignore': 'build/\n*.tmp\n',
      'build/x.yaml': '',
      'src/b.yml': '',
      'src/c.tmp': '',
      'src/.gitignore': 'secret.yaml\n',
      'src/secret.yaml': '',
      'src/deep/d/Dockerfile': '',
      'node_modules/m.yaml': '',
    });
    fs.mkdirSync(path.join(dir, '.git'));
    const sync = collectFiles([dir]).map((f) => f.file).sort();
    assert.deepEqual((await collectFilesAsync(dir)).sort(), sync);
    assert.deepEqual(sync.map((f) => path.relative(dir, f)), ['.gitignore', 'a.yaml', 'src/.gitignore', 'src/b.yml', 'src/deep/d/Dockerfile']);
  });
});

describe('validation queue', () => {
  it('runs the edited document before background re-validations, each document once', async () => {
    const ran: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const queue = new ValidationQueue(async (uri) => {
      ran.push(uri);
      if (uri === 'first') await gate;
    });
    queue.schedule('first', true);
    await new Promise((r) => setImmediate(r));
    queue.schedule('dep1', false);
    queue.schedule('dep2', false);
    queue.schedule('dep1', false);
    queue.schedule('edited', true);
    queue.schedule('gone', false);
    queue.cancel('gone');
    release();
    while (queue.pending || ran.length < 4) await new Promise((r) => setImmediate(r));
    assert.deepEqual(ran, ['first', 'edited', 'dep1', 'dep2']);
  });
});
