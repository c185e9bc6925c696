// Extension-host test entry (the @vscode/test-electron layout): VS Code loads this module and calls run().
// The same module runs under test-electron (GitHub runners, xvfb) and in code-server's extension development host.
import * as fs from 'node:fs';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';

/**
 * Under code-server the runner reads a plain report from a file (the browser console is noisy): it names the file in
 * the workspace's `.shipshape-suite-log` (or SHIPSHAPE_SUITE_LOG).
 */
function reportFile(): string | undefined {
  if (process.env.SHIPSHAPE_SUITE_LOG) return process.env.SHIPSHAPE_SUITE_LOG;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  try {
    return folder ? fs.readFileSync(path.join(folder, '.shipshape-suite-log'), 'utf8').trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60000, reporter: 'spec' });
  const dir = __dirname;
  for (const f of fs.readdirSync(dir).filter((f) => f.endsWith('.test.js')).sort()) mocha.addFile(path.join(dir, f));
  const file = reportFile();
  const report = (line: string) => file && fs.appendFileSync(file, `${line}\n`);
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
