// Runs inside VS Code's extension host (@vscode/test-electron; offline, test/editor/vscode-api-host runs it in
// code-server): opens a scratch copy of the design article and checks, through VS Code's own commands, what a
// user sees. The expectations and the way they are judged are shared with the offline editor suite
// (test/user-expectations.json, test/editor/lib/expect.cjs).
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const vscode = require('vscode');
const expect = require('../../editor/lib/expect.cjs');

function hoverText(hovers) {
  return (hovers ?? []).flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

function symbolTree(symbols) {
  return (symbols ?? []).map((s) => ({ name: s.name, detail: s.detail ?? '', children: symbolTree(s.children) }));
}

function problemCodes(uri) {
  return vscode.languages.getDiagnostics(uri).map((d) => String(typeof d.code === 'object' ? d.code.value : d.code ?? '(no code)'));
}

/** Retries `attempt` (VS Code answers asynchronously: activation, analysis, diagnostics) until it passes or time runs out. */
async function settle(timeoutMs, attempt) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + 200 > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
}

/** Performs every check and returns the results ({ name, ok, expected, seen, note }); prints each as it goes. */
async function runChecks() {
  const { expected, text } = expect.load();
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'press-markup-vscode-'));
  const file = path.join(scratch, path.basename(expected.article));
  fs.writeFileSync(file, text);
  const results = [];
  const check = async (name, body) => {
    try {
      const note = await body();
      results.push({ name, ok: true, note });
      console.log(`  pass  ${name}${note ? ` — ${note}` : ''}`);
    } catch (error) {
      const failure = { name, ok: false, expected: error.expected ?? 'the check to run', seen: error.seen ?? String(error?.stack ?? error) };
      results.push(failure);
      console.log(`  FAIL  ${name}\n          expected:  ${failure.expected}\n          on screen: ${failure.seen}`);
    }
  };

  try {
    const document = await vscode.workspace.openTextDocument(file);
    const editor = await vscode.window.showTextDocument(document);
    const uri = document.uri;
    await check(`opens ${expected.article} as ${expected.language.name}`, () => {
      if (document.languageId !== expected.language.id) throw new expect.Mismatch(`language ${expected.language.id}`, document.languageId);
    });

    for (const hover of expected.hovers) {
      await check(`hover on ${hover.what} ("${hover.word}")`, () =>
        settle(20_000, async () => {
          const position = document.positionAt(expect.locate(text, hover).index);
          const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, position);
          expect.checkHover(hover, hoverText(hovers));
        }),
      );
    }

    await check('outline (headline, people with titles, dates in time order)', () =>
      settle(10_000, async () => {
        const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', uri);
        expect.checkOutline(expected.outline, symbolTree(symbols));
      }),
    );

    await check('problems with their codes', () => settle(10_000, () => expect.checkProblems(expected.problems, problemCodes(uri))));

    const steps = expect.plan(expected, text);
    const fix = steps.quickFix;
    await check(`${fix.what} replaces it in the editor (file on disk unchanged)`, async () => {
      const at = new vscode.Position(fix.at.line, fix.at.character);
      const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at.translate(0, 1)), vscode.CodeActionKind.QuickFix.value);
      const action = (actions ?? []).find((a) => a.title === fix.title);
      if (!action?.edit) throw new expect.Mismatch(`a quick fix "${fix.title}"`, (actions ?? []).map((a) => a.title).join(' | ') || 'no quick fixes');
      await vscode.workspace.applyEdit(action.edit);
      const start = new vscode.Position(fix.wordStart.line, fix.wordStart.character);
      const shown = document.getText(new vscode.Range(start, start.translate(0, fix.becomes.length)));
      if (shown !== fix.becomes) throw new expect.Mismatch(`"${fix.becomes}" in the editor`, shown);
      if (!document.isDirty) throw new expect.Mismatch('the document marked as unsaved', 'a saved document');
      if (fs.readFileSync(file, 'utf8') !== text) throw new expect.Mismatch('the file on disk unchanged (nothing saved)', 'the file on disk changed');
      await settle(5000, () => expect.checkProblems(fix.problemsAfter, problemCodes(uri), 'the problems after the fix'));
    });

    for (const edit of steps.edits) {
      await check(`${edit.what} updates the problems within ${edit.withinSeconds} s`, async () => {
        const target = expect.countsAfter(edit, problemCodes(uri));
        const at = new vscode.Position(edit.at.line, edit.at.character);
        editor.selection = new vscode.Selection(at, at);
        await vscode.commands.executeCommand('type', { text: edit.type });
        const typed = Date.now();
        await settle(edit.withinSeconds * 1000, () => expect.checkProblems(target, problemCodes(uri), `the problems ${edit.withinSeconds} s after typing`, { exact: true }));
        return `updated after ${((Date.now() - typed) / 1000).toFixed(2)} s`;
      });
    }

    await check('nothing was saved: the file on disk is unchanged after all edits', () => {
      if (fs.readFileSync(file, 'utf8') !== text) throw new expect.Mismatch('the original file on disk', 'a changed file');
    });
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
  return results;
}

/** The entry point @vscode/test-electron calls: fails when any check fails. */
async function run() {
  const results = await runChecks();
  const failed = results.filter((r) => !r.ok).length;
  console.log(`vscode: ${results.length - failed} passed, ${failed} failed`);
  if (failed > 0) throw new Error(`${failed} of ${results.length} VS Code checks failed`);
}

// runChecks is also called by test/editor/vscode-api-host, which runs this suite offline in code-server.
module.exports = { run, runChecks };
