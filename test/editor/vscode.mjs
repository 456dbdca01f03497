// VS Code itself (the web build from code-server 4.100.3 = VS Code 1.100.3) in Debian's headless Chromium, driven
// with playwright-core like a person would: open the article, hover, read the Outline and Problems, apply a quick
// fix, type. Everything is read from the screen (the DOM VS Code renders), never from VS Code's internals.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import expect from './lib/expect.cjs';
import { Mismatch, until } from './lib/report.mjs';
import { freePort, startGroup, stopGroup } from './lib/processes.mjs';

const EDITOR = 'vscode';
const CHROMIUM = '/usr/bin/chromium';
const VIEWPORT = { width: 1600, height: 1000 };

const EDITOR_LINES = '.editor-instance .monaco-editor .view-lines';
const QUICK_INPUT = '.quick-input-widget';
const HOVER = '.monaco-hover:not(.hidden) .monaco-hover-content';

// VS Code's Outline view sorts each level by position, so the Dates group shows the dates in document order
// (the time order is the symbol provider's, checked by the Neovim and @vscode/test-electron drivers).
const OUTLINE_VIEW = { timeOrder: false };

const SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'security.workspace.trust.enabled': false,
  'editor.hover.delay': 100,
  'editor.wordWrap': 'on',
  'editor.minimap.enabled': false,
  // Sticky headers repeat rows of the editor and of trees; the screenshots and the row reading want each row once.
  'editor.stickyScroll.enabled': false,
  'workbench.tree.enableStickyScroll': false,
  // Typed text must land as typed: no suggestion may swallow an Enter.
  'editor.quickSuggestions': { other: false, comments: false, strings: false },
  'editor.wordBasedSuggestions': 'off',
  'editor.acceptSuggestionOnEnter': 'off',
  'files.autoSave': 'off',
  'outline.collapseItems': 'alwaysExpand',
  'chat.commandCenter.enabled': false,
};

/** The files the VSIX ships (the `!` lines of .vscodeignore), copied as an installed extension would be. */
function installExtension(extensionsDir) {
  const manifest = JSON.parse(fs.readFileSync(path.join(expect.root, 'package.json'), 'utf8'));
  const target = path.join(extensionsDir, `${manifest.publisher}.${manifest.name}-${manifest.version}`);
  const patterns = fs
    .readFileSync(path.join(expect.root, '.vscodeignore'), 'utf8')
    .split('\n')
    .filter((l) => l.startsWith('!'))
    .map((l) => l.slice(1).trim().replace(/\/\*\*$/, ''));
  for (const entry of patterns) {
    const from = path.join(expect.root, entry);
    if (fs.existsSync(from)) fs.cpSync(from, path.join(target, entry), { recursive: true });
  }
  return target;
}

/** The test-only extension that runs the @vscode/test-electron suite on command; its results go to `resultFile`. */
function installApiSuiteHost(extensionsDir, resultFile) {
  const target = path.join(extensionsDir, 'press-markup-tests.press-markup-api-suite-0.0.0');
  fs.cpSync(path.join(expect.root, 'test/editor/vscode-api-host'), target, { recursive: true });
  const suite = path.join(expect.root, 'test/vscode/suite/index.cjs');
  fs.writeFileSync(path.join(target, 'suite.json'), JSON.stringify({ suite, result: resultFile }));
}

async function waitForHealth(url, server, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exited = null;
  server.exited.then((e) => (exited = e));
  while (Date.now() < deadline) {
    if (exited) throw new Error(`code-server exited (${exited.code ?? exited.signal}); its log: test-artifacts/editor/vscode-code-server.log`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/** Retries `attempt` until it passes or time is up, leaving the last mismatch to the caller's final judgement. */
async function retryQuietly(timeoutMs, attempt, intervalMs = 500) {
  await until(timeoutMs, attempt, intervalMs).catch((error) => {
    if (!(error instanceof Mismatch)) throw error;
  });
}

class Workbench {
  constructor(page, artifacts) {
    this.page = page;
    this.artifacts = artifacts;
  }

  async screenshot(name) {
    const file = path.join(this.artifacts, `vscode-${name}.png`);
    await this.page.screenshot({ path: file });
    return file;
  }

  /** Opens a quick input (Command Palette, Quick Open, Go to Line), sets its value, waits for a matching row, accepts. */
  async quickInput(open, value, rowMatches) {
    const page = this.page;
    const widget = page.locator(QUICK_INPUT);
    try {
      if (!(await widget.isVisible())) {
        await open();
        await widget.waitFor({ state: 'visible', timeout: 5000 });
      }
      await widget.locator('.quick-input-box input').fill(value);
      if (rowMatches) await widget.locator('.monaco-list-row', { hasText: rowMatches }).first().waitFor({ state: 'visible', timeout: 10_000 });
      await page.keyboard.press('Enter');
      await widget.waitFor({ state: 'hidden', timeout: 5000 });
    } catch (error) {
      // Leave no half-typed input behind for the next try.
      if (await widget.isVisible()) await page.keyboard.press('Escape');
      throw error;
    }
  }

  /** Runs a command from the Command Palette (F1) by its label. */
  async command(label) {
    await this.quickInput(() => this.page.keyboard.press('F1'), `>${label}`, label);
  }

  /** Opens a file from the Explorer, as a click on its name does. */
  async openFile(name) {
    const row = this.page.locator(`.explorer-folders-view .monaco-list-row[aria-label^="${name}"]`).first();
    await row.waitFor({ state: 'visible', timeout: 60_000 });
    await row.dblclick();
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor({ timeout: 15_000 });
  }

  /** Puts the cursor at a position (from 0) with Go to Line/Column (Ctrl+G). */
  async goTo({ line, character }) {
    await this.quickInput(() => this.page.keyboard.press('Control+G'), `:${line + 1}:${character + 1}`);
  }

  /** The editor's rendered lines, top to bottom, joined (wrapped segments of a line join back into it). */
  async editorText() {
    return this.page.$$eval(`${EDITOR_LINES} .view-line`, (lines) =>
      lines
        .map((l) => ({ top: parseFloat(l.style.top), text: l.textContent }))
        .sort((a, b) => a.top - b.top)
        .map((l) => l.text.replace(/\u00a0/g, ' '))
        .join(''),
    );
  }

  /** Moves the mouse onto the character after the cursor and reads the hover that appears. */
  async hoverAtCursor() {
    const page = this.page;
    const cursor = page.locator('.editor-instance .monaco-editor .cursors-layer .cursor').first();
    await cursor.waitFor({ state: 'attached', timeout: 5000 });
    const box = await cursor.boundingBox();
    if (!box) throw new Error('no cursor on screen');
    // Away first (onto the title bar), so that coming back is a new hover.
    await page.mouse.move(VIEWPORT.width / 2, 5);
    await page.locator(HOVER).waitFor({ state: 'hidden', timeout: 2000 }).catch(() => {});
    await page.mouse.move(box.x + 3, box.y + box.height / 2, { steps: 4 });
    const hover = page.locator(HOVER).first();
    await hover.waitFor({ state: 'visible', timeout: 3000 }).catch(() => {});
    return (await hover.isVisible()) ? hover.innerText() : '';
  }

  /** Every row of a virtualised list or tree (scrolling through it), by index: level, name, detail, text. */
  async listRows(container) {
    const page = this.page;
    const list = page.locator(`${container} .monaco-list`).first();
    const rows = new Map();
    // One round trip: the rendered rows, and whether they are all of them (the content fits the list's height).
    const read = () =>
      list.evaluate((l) => {
        const content = l.querySelector('.monaco-list-rows');
        const bar = l.querySelector('.scrollbar.vertical')?.getBoundingClientRect();
        const slider = l.querySelector('.scrollbar.vertical .slider')?.getBoundingClientRect();
        return {
          fits: !content || content.getBoundingClientRect().height <= l.getBoundingClientRect().height + 1,
          atBottom: !bar || !slider || slider.height === 0 || slider.bottom >= bar.bottom - 1,
          rows: [...l.querySelectorAll('.monaco-list-row')].map((e) => ({
            index: Number(e.dataset.index),
            level: Number(e.getAttribute('aria-level') ?? 1),
            name: e.querySelector('.label-name')?.textContent ?? '',
            detail: e.querySelector('.label-description')?.textContent ?? '',
            code: e.querySelector('.marker-code')?.textContent ?? '',
            text: e.textContent ?? '',
          })),
        };
      });
    const first = await read();
    if (first.fits) return first.rows.sort((a, b) => a.index - b.index);
    const box = await list.boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 40));
    await page.mouse.wheel(0, -100_000);
    await page.waitForTimeout(150);
    for (let pass = 0; pass < 50; pass++) {
      const { rows: seen, atBottom } = await read();
      for (const row of seen) rows.set(row.index, row);
      if (atBottom) break;
      await page.mouse.wheel(0, box.height * 0.6);
      await page.waitForTimeout(150);
    }
    await page.mouse.wheel(0, -100_000);
    return [...rows.values()].sort((a, b) => a.index - b.index);
  }

  async outlineTree() {
    const rows = await this.listRows('.outline-pane');
    const roots = [];
    const stack = [];
    for (const row of rows) {
      const node = { name: row.name.trim(), detail: row.detail.trim(), children: [] };
      stack.length = Math.max(0, row.level - 1);
      (stack[stack.length - 1]?.children ?? roots).push(node);
      stack.push(node);
    }
    return roots;
  }

  /** The codes of the problems the Problems panel lists (rows under the file). */
  async problemCodes() {
    const rows = await this.listRows('.markers-panel');
    return rows.filter((r) => r.level > 1).map((r) => (r.code || r.text.match(/\(([a-z-]+)\)/)?.[1] || '(no code)').replace(/^\(|\)$/g, ''));
  }
}

async function launch({ scratch, depsDir, log }) {
  const dir = path.join(scratch, 'vscode');
  const dirs = {};
  for (const name of ['workspace', 'user-data/User', 'extensions', 'home', 'xdg-config', 'xdg-data', 'xdg-cache', 'tmp', 'chromium']) {
    dirs[name] = path.join(dir, name);
    fs.mkdirSync(dirs[name], { recursive: true });
  }
  fs.writeFileSync(path.join(dirs['user-data/User'], 'settings.json'), JSON.stringify(SETTINGS, null, 2));
  installExtension(dirs.extensions);
  installApiSuiteHost(dirs.extensions, path.join(dir, 'api-suite.json'));
  // code-server, its extension host and Chromium write config, caches, sockets and crash reports under these.
  const env = {
    ...process.env,
    HOME: dirs.home,
    XDG_CONFIG_HOME: dirs['xdg-config'],
    XDG_DATA_HOME: dirs['xdg-data'],
    XDG_CACHE_HOME: dirs['xdg-cache'],
    TMPDIR: dirs.tmp,
  };
  const port = await freePort();
  const entry = path.join(depsDir, 'node_modules/code-server/out/node/entry.js');
  const server = startGroup(
    process.execPath,
    [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
      '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened',
      '--user-data-dir', path.join(dir, 'user-data'), '--extensions-dir', dirs.extensions],
    {
      cwd: dir,
      logFile: path.join(dir, 'code-server.log'),
      env,
    },
  );
  try {
    await waitForHealth(`http://127.0.0.1:${port}/healthz`, server, 60_000);
    log(`code-server (VS Code 1.100.3) listening on 127.0.0.1:${port}`);
    const { chromium } = await import(pathToFileURL(path.join(depsDir, 'node_modules/playwright-core/index.mjs')).href);
    const context = await chromium.launchPersistentContext(dirs.chromium, {
      executablePath: CHROMIUM,
      env,
      headless: true,
      viewport: VIEWPORT,
      timeout: 60_000,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
    });
    return { server, context, dirs, port };
  } catch (error) {
    await stopGroup(server);
    throw error;
  }
}

async function shutdown(handles) {
  if (!handles) return;
  await handles.context?.close().catch(() => {});
  await stopGroup(handles.server);
}

export async function runVscode({ report, scratch, artifacts, expected, text, depsDir, log }) {
  if (!fs.existsSync(CHROMIUM)) {
    report.record(EDITOR, 'VS Code starts', false, { expected: `Debian's chromium at ${CHROMIUM} (apt-get install chromium; .ci/run does)`, seen: `no ${CHROMIUM}` });
    return;
  }
  let handles;
  let workbench;
  let failures = 0;
  // A failed check leaves a screenshot of what was on screen at that moment.
  const check = (name, body) =>
    report.check(EDITOR, name, async () => {
      try {
        // Close whatever a previous check left open (a menu, a hover, a quick input).
        if (workbench) await workbench.page.keyboard.press('Escape');
        return await body();
      } catch (error) {
        await workbench?.screenshot(`failed-${++failures}`).catch(() => {});
        throw error;
      }
    });
  try {
    const fileName = path.basename(expected.article);
    const article = (dir) => path.join(dir.workspace, fileName);
    const started = await check(`opens ${expected.article} in VS Code 1.100 (code-server, headless Chromium)`, async () => {
      const t0 = Date.now();
      const since = () => `${((Date.now() - t0) / 1000).toFixed(1)} s`;
      handles = await launch({ scratch, depsDir, log });
      log(`Chromium started after ${since()}`);
      fs.writeFileSync(article(handles.dirs), text);
      const page = handles.context.pages()[0] ?? (await handles.context.newPage());
      page.setDefaultTimeout(15_000);
      await page.goto(`http://127.0.0.1:${handles.port}/?folder=${encodeURIComponent(handles.dirs.workspace)}`, { timeout: 60_000 });
      await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
      workbench = new Workbench(page, artifacts);
      log(`workbench loaded after ${since()}`);
      await workbench.openFile(fileName);
      const shown = await until(10_000, async () => {
        const t = await workbench.editorText();
        if (!t.includes(expected.outline.root)) throw new Error(t);
        return t;
      }).catch((e) => e.message);
      if (!shown.includes(expected.outline.root)) throw new Mismatch(`the article's headline "${expected.outline.root}" in the editor`, shown);
      // The language is known once the extension host has read the extension's manifest.
      const mode = page.locator('#status\\.editor\\.mode');
      const language = await until(30_000, async () => {
        const shown = await mode.innerText({ timeout: 2000 }).catch(() => '(no language indicator)');
        if (!shown.includes(expected.language.name)) throw new Mismatch(`the status bar to show the language "${expected.language.name}"`, shown);
        return shown;
      }, 250);
      log(`article open as ${language.trim()} after ${since()}`);
    });
    if (!started) return;
    const page = workbench.page;

    for (const hover of expected.hovers) {
      await check(`hover on ${hover.what} ("${hover.word}")`, async () => {
        const at = expect.locate(text, hover);
        let shown = '';
        // The first hovers can come before the extension has activated and analysed the article.
        await retryQuietly(25_000, async () => {
          await workbench.goTo(at);
          shown = await workbench.hoverAtCursor();
          expect.checkHover(hover, shown);
        });
        await workbench.screenshot(hover.name);
        expect.checkHover(hover, shown);
        await page.mouse.move(VIEWPORT.width / 2, 5);
        await page.keyboard.press('Escape');
      });
    }

    await check('Outline view (headline, people with titles, dates)', async () => {
      await workbench.command('Explorer: Focus on Outline View');
      // Fold the file list so the Outline gets the side bar's height.
      const folders = page.locator('.split-view-view:has(.explorer-folders-view) .pane-header').first();
      if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
      let tree = [];
      await retryQuietly(15_000, async () => {
        tree = await workbench.outlineTree();
        expect.checkOutline(expected.outline, tree, OUTLINE_VIEW);
      });
      await workbench.screenshot('outline');
      expect.checkOutline(expected.outline, tree, OUTLINE_VIEW);
    });

    /** Reads the Problems panel until it lists `counts` or `timeoutMs` passes; returns when (ms since `since`) it did. */
    const problemsNow = async (counts, what, timeoutMs, since = Date.now(), options = {}) => {
      let codes = [];
      let readAt = 0;
      await retryQuietly(timeoutMs, async () => {
        readAt = Date.now();
        codes = await workbench.problemCodes();
        expect.checkProblems(counts, codes, what, options);
      }, 100);
      expect.checkProblems(counts, codes, what, options);
      return readAt - since;
    };

    await check('Problems panel (backtick problems with their codes)', async () => {
      await workbench.command('View: Focus Problems (Errors, Warnings, Infos)');
      await page.locator('.markers-panel').waitFor({ state: 'visible' });
      try {
        await problemsNow(expected.problems, 'the Problems panel', 15_000);
      } finally {
        await workbench.screenshot('problems');
      }
    });

    const steps = expect.plan(expected, text);
    const fix = steps.quickFix;
    await check(`${fix.what} replaces it in the editor (file on disk unchanged)`, async () => {
      await workbench.goTo(fix.at);
      const menu = page.locator('.action-widget');
      const item = menu.locator('.monaco-list-row', { hasText: fix.title }).first();
      await until(10_000, async () => {
        if (!(await menu.isVisible())) await page.keyboard.press('Control+.');
        await item.waitFor({ state: 'visible', timeout: 2000 });
      }, 500).catch(async () => {
        const offered = (await menu.isVisible()) ? await menu.innerText() : 'no quick fix menu';
        await workbench.screenshot('quick-fix');
        throw new Mismatch(`a quick fix "${fix.title}" on "${fix.word}"`, offered);
      });
      await workbench.screenshot('quick-fix');
      // Down to the wanted fix, then Enter, as with the keyboard.
      for (let i = 0; i < 10 && !(await menu.locator('.monaco-list-row.focused', { hasText: fix.title }).count()); i++) {
        await page.keyboard.press('ArrowDown');
      }
      await page.keyboard.press('Enter');
      await menu.waitFor({ state: 'hidden', timeout: 5000 });
      // The fixed word with a little of the text around it, as the editor should now show it.
      const context = text.slice(fix.wordIndex - 12, fix.wordIndex) + fix.becomes + text.slice(fix.wordIndex + fix.word.length, fix.wordIndex + fix.word.length + 12);
      const shown = await until(5000, async () => {
        const t = await workbench.editorText();
        if (!t.includes(context)) throw new Mismatch(`"${context}" in the editor`, t.slice(0, 600));
        return t;
      });
      if (!shown.includes(context)) throw new Mismatch(`"${context}" in the editor`, shown);
      const dirty = await page.locator('.tabs-container .tab.active.dirty').count();
      if (dirty !== 1) throw new Mismatch('the editor tab marked as unsaved', 'a tab without unsaved changes');
      if (fs.readFileSync(article(handles.dirs), 'utf8') !== text) throw new Mismatch('the file on disk unchanged (nothing saved)', 'the file on disk changed');
      await problemsNow(fix.problemsAfter, 'the Problems panel after the fix', 5000);
    });

    for (const edit of steps.edits) {
      await check(`${edit.what} updates the problems within ${edit.withinSeconds} s`, async () => {
        const before = await workbench.problemCodes();
        await workbench.goTo(edit.at);
        await page.keyboard.type(edit.type);
        const typed = Date.now();
        let elapsed;
        try {
          elapsed = await problemsNow(expect.countsAfter(edit, before), `the Problems panel ${edit.withinSeconds} s after typing`, edit.withinSeconds * 1000, typed, { exact: true });
        } finally {
          await workbench.screenshot(edit.name);
        }
        // The panel was read at `elapsed`: a read that started after the limit is too late, however it ended.
        if (elapsed > edit.withinSeconds * 1000) {
          throw new Mismatch(`the Problems panel updated within ${edit.withinSeconds} s`, `updated after ${(elapsed / 1000).toFixed(2)} s`);
        }
        return `the Problems panel showed it ${(elapsed / 1000).toFixed(2)} s after the last keystroke`;
      });
    }

    await check('nothing was saved: the file on disk is unchanged after all edits', () => {
      if (fs.readFileSync(article(handles.dirs), 'utf8') !== text) throw new Mismatch('the original file on disk', 'a changed file');
    });

    // The @vscode/test-electron suite, run in this VS Code's extension host: the same expectations through the API.
    const resultFile = path.join(scratch, 'vscode/api-suite.json');
    const ran = await check('runs the @vscode/test-electron suite (test/vscode/suite) in this VS Code', async () => {
      await workbench.command('Press Markup Tests: Run the API Suite');
      await until(120_000, () => {
        if (!fs.existsSync(resultFile)) throw new Mismatch('the suite to report within 120 s', 'no report');
      }, 500);
      const outcome = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
      if (outcome.error) throw new Mismatch('the suite to run', outcome.error);
    });
    if (ran) {
      for (const r of JSON.parse(fs.readFileSync(resultFile, 'utf8')).results) {
        report.record('vscode-api', r.name, r.ok, { expected: r.expected, seen: r.seen, note: r.note });
      }
    }
  } finally {
    await shutdown(handles);
    // Keep the editor's own logs (code-server, extension host, language server output) next to the screenshots.
    const logs = path.join(scratch, 'vscode/user-data/logs');
    if (fs.existsSync(logs)) fs.cpSync(logs, path.join(artifacts, 'vscode-logs'), { recursive: true });
    const serverLog = path.join(scratch, 'vscode/code-server.log');
    if (fs.existsSync(serverLog)) fs.copyFileSync(serverLog, path.join(artifacts, 'vscode-code-server.log'));
  }
}
