// Extension-host test entry (the @vscode/test-electron layout): VS Code loads this module and calls run().
// The same module runs under test-electron (GitHub runners, xvfb) and in code-server's extension development host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import { report as write } from './report';

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  // Mocha's spec reporter already writes to the console: only the report file gets these lines.
  const report = (line: string) => write(line, { consoleToo: false });
  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => (failures ? reject(new Error(`${failures} extension-host test(s) failed`)) : resolve()));
      runner.on('pass', (t) => report(`  ✔ ${t.fullTitle()} (${t.duration} ms)`));
      runner.on('fail', (t, err: Error) => report(`  ✘ ${t.fullTitle()}\n${String(err?.stack ?? err).replace(/^/gm, '      ')}`));
      runner.on('end', () => report(`${runner.stats?.passes ?? 0} passing, ${runner.stats?.failures ?? 0} failing`));
    } catch (err) {
      reject(err);
    }
  });
}
