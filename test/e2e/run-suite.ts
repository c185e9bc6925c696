// Runs the extension-host suite (test/suite) inside code-server's extension development host: the workbench loads the
// extension from the repository (extensionDevelopmentPath) and calls the suite's run() (extensionTestsPath); it then
// calls window.codeAutomationExit(code). Usage: node out/test/e2e/run-suite.js   (after npm run build + tsc)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeWorkspace } from '../suite/fixtures';
import { deadline, launchChromium, ROOT, startCodeServer } from './code-server';

const SUITE_TIMEOUT_MS = Number(process.env.SHIPSHAPE_SUITE_TIMEOUT_MS ?? 300000);

async function main(): Promise<number> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-suite-'));
  const workspace = writeWorkspace(path.join(base, 'ws'));
  const report = path.join(base, 'suite.log');
  fs.writeFileSync(path.join(workspace, '.shipshape-suite-log'), report);
  // code-server passes its environment to the extension host, where test/suite/index.ts writes mocha's report.
  const server = await startCodeServer({ userDataDir: path.join(base, 'user'), extensionsDir: path.join(base, 'ext'), env: { SHIPSHAPE_SUITE_LOG: report } });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    const host = new URL(server.url).host;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${host}${path.join(ROOT, 'out/test/suite/index.js')}`],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await deadline(exited, SUITE_TIMEOUT_MS, 'extension-host suite in code-server').finally(() => {
      if (fs.existsSync(report)) process.stdout.write(fs.readFileSync(report, 'utf8'));
    });
    console.log(`extension-host suite (code-server) exit code: ${code}`);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    if (!process.env.SHIPSHAPE_KEEP) fs.rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
