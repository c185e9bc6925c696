// `npm run test:electron`: downloads VS Code (where the network allows: GitHub runners, under xvfb) and runs the
// extension-host suite in it against the fixture workspace.
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { writeWorkspace } from './fixtures';

async function main(): Promise<void> {
  const root = path.resolve(__dirname, '../../..');
  const workspace = writeWorkspace(path.join(os.tmpdir(), 'shipshape-electron-ws'));
  await runTests({
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(__dirname, 'index.js'),
    launchArgs: [workspace, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
  });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
