// A plain-text report next to mocha's console output: code-server's runner prints it (the browser console is noisy).
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

/** The report file named by the runner in the workspace's `.shipshape-suite-log` (or SHIPSHAPE_SUITE_LOG). */
function reportFile(): string | undefined {
  if (process.env.SHIPSHAPE_SUITE_LOG) return process.env.SHIPSHAPE_SUITE_LOG;
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  try {
    return folder ? fs.readFileSync(path.join(folder, '.shipshape-suite-log'), 'utf8').trim() || undefined : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a line to the console and, under code-server, to the report file. */
export function report(line: string, opts: { consoleToo?: boolean } = {}): void {
  if (opts.consoleToo !== false) console.log(line);
  const file = reportFile();
  if (file) fs.appendFileSync(file, `${line}\n`);
}
