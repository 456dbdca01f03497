// Runs inside VS Code's extension host: opens the design article and checks, through VS Code's own
// commands, what a user sees (shared expectations in test/user-expectations.json).
const assert = require('node:assert/strict');
const path = require('node:path');
const vscode = require('vscode');

const root = path.resolve(__dirname, '../../..');
const expected = require(path.join(root, 'test/user-expectations.json'));

function positionOfWord(document, word, occurrence) {
  const text = document.getText();
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(word, index + 1);
  assert.ok(index >= 0, `"${word}" (occurrence ${occurrence}) not in the article`);
  return document.positionAt(index + 1);
}

async function retry(what, attempt, tries = 40) {
  let lastError;
  for (let i = 0; i < tries; i++) {
    try {
      return await attempt();
    } catch (error) {
      lastError = error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  throw new Error(`${what}: ${lastError?.message ?? lastError}`);
}

function hoverText(hovers) {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

async function run() {
  const document = await vscode.workspace.openTextDocument(path.join(root, expected.article));
  await vscode.window.showTextDocument(document);
  assert.equal(document.languageId, 'press-article');

  for (const hover of expected.hovers) {
    await retry(`hover on ${hover.what} ("${hover.word}")`, async () => {
      const hovers = await vscode.commands.executeCommand('vscode.executeHoverProvider', document.uri, positionOfWord(document, hover.word, hover.occurrence));
      const text = hoverText(hovers ?? []);
      for (const part of hover.contains) assert.ok(text.includes(part), `expected "${part}" in hover, saw: ${text}`);
    });
  }

  await retry('outline', async () => {
    const symbols = await vscode.commands.executeCommand('vscode.executeDocumentSymbolProvider', document.uri);
    assert.equal(symbols?.[0]?.name, expected.outline.root);
    const people = symbols[0].children.find((s) => s.name === 'People');
    for (const [name, title] of Object.entries(expected.outline.people)) {
      const person = people.children.find((p) => p.name === name);
      assert.ok(person, `${name} in the outline`);
      assert.equal(person.detail, title);
    }
  });

  await retry('problems', async () => {
    const diagnostics = vscode.languages.getDiagnostics(document.uri);
    for (const [code, count] of Object.entries(expected.problems)) {
      assert.equal(diagnostics.filter((d) => d.code === code).length, count, `${count} × ${code}`);
    }
  });
}

module.exports = { run };
