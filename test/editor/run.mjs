// npm run test:editor: the article in real editors, offline. VS Code (code-server's web build in Debian's
// headless Chromium) and Neovim 0.7 (Debian's neovim) check what test/user-expectations.json says a user sees.
// Screenshots and editor logs go to test-artifacts/editor/; every process runs in a process group that is
// stopped at the end; scratch files live in one temporary folder that is removed afterwards.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import expect from './lib/expect.cjs';
import { ensureEditorPackages } from './lib/install.mjs';
import { killAllStarted } from './lib/processes.mjs';
import { Report } from './lib/report.mjs';
import { runNeovim } from './neovim.mjs';
import { runVscode } from './vscode.mjs';

const started = Date.now();
const log = (message) => console.log(`[editor] ${message}`);
const editorDir = path.join(expect.root, 'test/editor');
// The editors' npm packages: cached between runs (git-ignored); PRESS_MARKUP_EDITOR_CACHE moves the cache.
const cacheDir = process.env.PRESS_MARKUP_EDITOR_CACHE ?? path.join(expect.root, '.editor-test');
const artifacts = path.join(expect.root, 'test-artifacts/editor');
const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'press-markup-editor-'));

function cleanUp() {
  killAllStarted();
  if (process.env.PRESS_MARKUP_KEEP_SCRATCH) log(`scratch folder kept: ${scratch}`);
  else fs.rmSync(scratch, { recursive: true, force: true });
}
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
  process.on(signal, () => {
    cleanUp();
    process.exit(130);
  });
}

// A run that hangs despite the bounded waits is stopped, with its processes.
const watchdog = setTimeout(() => {
  console.log('[editor] the editor tests took more than 12 minutes: stopping');
  cleanUp();
  process.exit(1);
}, 12 * 60_000);
watchdog.unref();

const report = new Report();
fs.rmSync(artifacts, { recursive: true, force: true });
fs.mkdirSync(artifacts, { recursive: true });
const { expected, text } = expect.load();
if (!fs.existsSync(path.join(expect.root, 'dist/server.js'))) {
  console.log('[editor] dist/ is missing: run `npm run build` first (npm run test:editor does)');
  process.exit(1);
}

// PRESS_MARKUP_EDITORS=vscode (or neovim) runs one editor only.
const editors = (process.env.PRESS_MARKUP_EDITORS ?? 'neovim,vscode').split(',');
try {
  if (editors.includes('neovim')) {
    log(`Neovim: ${expected.article}`);
    await runNeovim({ report, scratch, expected, text });
  }
  if (editors.includes('vscode')) {
    log(`VS Code: ${expected.article}`);
    let depsDir;
    try {
      depsDir = ensureEditorPackages(editorDir, cacheDir, log);
    } catch (error) {
      report.record('vscode', 'VS Code (code-server 4.100.3) is installed', false, { expected: 'npm ci in test/editor to succeed', seen: error.message });
    }
    if (depsDir) await runVscode({ report, scratch, artifacts, expected, text, depsDir, log });
  }
} finally {
  cleanUp();
}

const { passed, failed } = report.summary();
log(`screenshots and logs: ${path.relative(process.cwd(), artifacts) || artifacts}/`);
log(`wall time ${((Date.now() - started) / 1000).toFixed(1)} s`);
console.log(`editor: ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
