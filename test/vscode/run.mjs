// Runs the extension's integration suite inside a real VS Code (downloaded by @vscode/test-electron).
// On a machine that cannot download VS Code it skips with one line and exits 0; the same
// behaviour is covered there by the protocol tests and the offline editor suite (npm run test:editor).
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const VSCODE_VERSION = '1.100.3';

let vscodeExecutablePath;
try {
  // A silent reporter: the only output when offline is the skip line below.
  const reporter = { report() {}, error() {} };
  vscodeExecutablePath = await downloadAndUnzipVSCode({ version: VSCODE_VERSION, timeout: 15_000, reporter });
} catch (error) {
  const reason = String(error?.message ?? error).split('\n')[0];
  console.log(`VS Code integration suite skipped: VS Code ${VSCODE_VERSION} cannot be downloaded here (${reason}).`);
  process.exit(0);
}

try {
  await runTests({
    vscodeExecutablePath,
    extensionDevelopmentPath: root,
    extensionTestsPath: path.join(root, 'test/vscode/suite/index.cjs'),
    launchArgs: [path.join(root, 'samples'), '--disable-extensions', '--disable-workspace-trust'],
  });
} catch (error) {
  console.error(`VS Code integration suite failed: ${error?.message ?? error}`);
  process.exit(1);
}
