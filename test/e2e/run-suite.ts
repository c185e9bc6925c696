// Runs the extension-host suite (test/suite) inside code-server's extension development host: the workbench loads the
// extension from the repository (extensionDevelopmentPath) and calls the suite's run() (extensionTestsPath); it then
// calls window.codeAutomationExit(code). Usage: node out/test/e2e/run-suite.js   (after npm run build + tsc)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import { writeWorkspace } from '../suite/fixtures';
import { deadline, launchChromium, ROOT, startCodeServer } from './code-server';

const SUITE_TIMEOUT_MS = Number(process.env.SHIPSHAPE_SUITE_TIMEOUT_MS ?? 300000);

async function main(): Promise<number> {
  const base = fs.mkdtempSync(path.join(os.tmpdir(), 'shipshape-suite-'));
  const workspace = writeWorkspace(path.join(base, 'ws'));
  const server = await startCodeServer({ userDataDir: path.join(base, 'user'), extensionsDir: path.join(base, 'ext') });
  const browser = await launchChromium();
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    let resolveExit!: (code: number) => void;
    const exited = new Promise<number>((r) => (resolveExit = r));
    await page.exposeFunction('codeAutomationExit', (code: number) => resolveExit(code));
    page.on('console', async (msg) => {
      // The extension host forwards its console (mocha's spec reporter) as `%c INFO`, `color: …`, format, args…
      const args = await Promise.all(msg.args().map((a) => a.jsonValue().catch(() => '?')));
      if (typeof args[0] === 'string' && /^%c\s*(INFO|ERR|WARN)/.test(args[0])) console.log(format(...args.slice(2)));
    });
    const host = new URL(server.url).host;
    const payload = JSON.stringify([
      ['extensionDevelopmentPath', `vscode-remote://${host}${ROOT}`],
      ['extensionTestsPath', `vscode-remote://${host}${path.join(ROOT, 'out/test/suite/index.js')}`],
    ]);
    await page.goto(`${server.url}/?folder=${encodeURIComponent(workspace)}&payload=${encodeURIComponent(payload)}`);
    const code = await deadline(exited, SUITE_TIMEOUT_MS, 'extension-host suite in code-server');
    console.log(`extension-host suite (code-server) exit code: ${code}`);
    return code;
  } finally {
    await browser.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(base, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
