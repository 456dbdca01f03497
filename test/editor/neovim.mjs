// Neovim 0.7 (Debian's `neovim`) as a second LSP editor: its built-in client starts `node dist/server.js --stdio`
// on a scratch copy of the article; neovim/check.lua performs the plan, this file judges what Neovim got.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import expect from './lib/expect.cjs';
import { Mismatch } from './lib/report.mjs';
import { runGroup } from './lib/processes.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const EDITOR = 'neovim';

function symbolTree(symbols) {
  return (symbols ?? []).map((s) => ({ name: s.name, detail: s.detail ?? '', children: symbolTree(s.children) }));
}

export async function runNeovim({ report, scratch, expected, text }) {
  const nvim = '/usr/bin/nvim';
  if (!fs.existsSync(nvim)) {
    report.record(EDITOR, 'Neovim runs the server', false, { expected: 'Debian\'s neovim at /usr/bin/nvim (apt-get install neovim; .ci/run does)', seen: 'no /usr/bin/nvim' });
    return;
  }
  const dir = path.join(scratch, 'neovim');
  fs.mkdirSync(dir, { recursive: true });
  const article = path.join(dir, path.basename(expected.article));
  fs.writeFileSync(article, text);
  const steps = expect.plan(expected, text);
  const planFile = path.join(dir, 'plan.json');
  const resultFile = path.join(dir, 'observed.json');
  fs.writeFileSync(planFile, JSON.stringify({
    server: path.join(expect.root, 'dist/server.js'),
    article,
    result: resultFile,
    hovers: expected.hovers.map((h) => ({ name: h.name, ...expect.locate(text, h) })),
    quickFix: { ...steps.quickFix, line: steps.quickFix.at.line, character: steps.quickFix.at.character },
    edits: steps.edits.map((e) => ({ name: e.name, type: e.type, adds: e.adds, withinSeconds: e.withinSeconds, line: e.at.line, character: e.at.character })),
  }));
  const env = { ...process.env, PRESS_PLAN: planFile };
  for (const xdg of ['HOME', 'XDG_CONFIG_HOME', 'XDG_DATA_HOME', 'XDG_STATE_HOME', 'XDG_CACHE_HOME']) {
    env[xdg] = path.join(dir, xdg.toLowerCase());
    fs.mkdirSync(env[xdg], { recursive: true });
  }
  const logFile = path.join(dir, 'nvim.log');
  const started = Date.now();
  const exit = await runGroup(nvim, ['--headless', '--clean', '-n', '-c', `luafile ${path.join(here, 'neovim/check.lua')}`, article], { env, cwd: dir, logFile }, 60_000);
  const seconds = (Date.now() - started) / 1000;
  const observed = fs.existsSync(resultFile) ? JSON.parse(fs.readFileSync(resultFile, 'utf8')) : null;
  const log = fs.readFileSync(logFile, 'utf8').trim();
  if (!observed || observed.failure) {
    const seen = observed?.failure ?? (exit.timedOut ? 'Neovim still running after 60 s (killed)' : `Neovim exited (${exit.code ?? exit.signal}) without results. ${log}`);
    report.record(EDITOR, 'Neovim runs the server', false, { expected: 'Neovim to start the server over stdio and answer', seen, seconds });
    return;
  }
  report.record(EDITOR, 'starts `node dist/server.js --stdio` and gets diagnostics', true, { seconds });

  for (const hover of expected.hovers) {
    await report.check(EDITOR, `hover on ${hover.what} ("${hover.word}")`, () => expect.checkHover(hover, observed.hovers[hover.name]));
  }
  await report.check(EDITOR, 'document symbols (headline, people with titles, dates)', () => {
    if (observed.symbolsError) throw new Mismatch('an answer to textDocument/documentSymbol', observed.symbolsError);
    expect.checkOutline(expected.outline, symbolTree(observed.symbols));
  });
  await report.check(EDITOR, 'diagnostics with their codes', () => expect.checkProblems(expected.problems, observed.problems, 'vim.diagnostic.get()'));
  const fix = steps.quickFix;
  await report.check(EDITOR, `${fix.what} replaces it in the buffer`, () => {
    const q = observed.quickFix;
    if (!q.titles.includes(fix.title)) throw new Mismatch(`a code action "${fix.title}" at "${fix.word}"`, q.titles.length ? q.titles.join(' | ') : 'no code actions');
    const shown = q.lineText.slice(fix.wordStart.character, fix.wordStart.character + fix.becomes.length);
    if (shown !== fix.becomes) throw new Mismatch(`"${fix.becomes}" in the buffer where "${fix.word}" was`, q.lineText);
    if (!q.modified) throw new Mismatch('the buffer to be modified (unsaved)', 'an unmodified buffer');
    if (fs.readFileSync(article, 'utf8') !== text) throw new Mismatch('the file on disk unchanged (nothing saved)', 'the file on disk changed');
    expect.checkProblems(fix.problemsAfter, q.problems, 'the diagnostics after the fix');
  });
  for (const edit of steps.edits) {
    await report.check(EDITOR, `${edit.what} updates the diagnostics within ${edit.withinSeconds} s`, () => {
      const result = observed.edits[edit.name];
      expect.checkProblems(expect.countsAfter(edit, result.before), result.after, `the diagnostics ${edit.withinSeconds} s after the edit`, { exact: true });
      if (result.seconds === undefined) throw new Mismatch(`the update within ${edit.withinSeconds} s`, 'it came later');
      return `updated after ${result.seconds.toFixed(2)} s`;
    });
  }
}
