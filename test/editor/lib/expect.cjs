// Reads test/user-expectations.json and judges what an editor showed against it. Shared by every driver
// (VS Code in code-server, Neovim, and the @vscode/test-electron suite), so they judge the same way.
'use strict';
const fs = require('node:fs');
const path = require('node:path');

const root = path.resolve(__dirname, '../../..');

/** What the user should have seen, and what the editor showed instead. */
class Mismatch extends Error {
  constructor(expected, seen) {
    super(`expected ${expected}; on screen: ${seen}`);
    this.expected = expected;
    this.seen = seen;
  }
}

function load() {
  const expected = JSON.parse(fs.readFileSync(path.join(root, 'test/user-expectations.json'), 'utf8'));
  const text = fs.readFileSync(path.join(root, expected.article), 'utf8');
  return { expected, text };
}

/** Line and UTF-16 character (both from 0) of a string index. */
function positionAt(text, index) {
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

/** The `occurrence`-th substring match of `word` (from 0), as an index plus `offset` (default 1: inside the word). */
function locate(text, { word, occurrence = 0, offset = 1 }) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    index = text.indexOf(word, index + 1);
    if (index < 0) throw new Error(`"${word}" (occurrence ${occurrence}) is not in the article`);
  }
  return { index: index + offset, ...positionAt(text, index + offset) };
}

/** The end of the first line that starts with `prefix`. */
function endOfLineStarting(text, prefix) {
  const lines = text.split('\n');
  const line = lines.findIndex((l) => l.startsWith(prefix));
  if (line < 0) throw new Error(`no line starts with "${prefix}"`);
  const character = lines[line].replace(/\r$/, '').length;
  const index = lines.slice(0, line).reduce((sum, l) => sum + l.length + 1, 0) + character;
  return { index, line, character };
}

/**
 * The editing steps in the order every driver performs them (quick fix, then each edit), with positions
 * computed on the text as it is at that step.
 */
function plan(expected, originalText) {
  let text = originalText;
  const fix = expected.quickFix;
  const fixAt = locate(text, fix);
  const wordAt = fixAt.index - (fix.offset ?? 1);
  const quickFix = { ...fix, at: fixAt, wordIndex: wordAt, wordStart: positionAt(text, wordAt) };
  text = text.slice(0, wordAt) + fix.becomes + text.slice(wordAt + fix.word.length);
  const edits = expected.edits.map((edit) => {
    const at = endOfLineStarting(text, edit.atEndOfLineStarting);
    text = text.slice(0, at.index) + edit.type + text.slice(at.index);
    return { ...edit, at };
  });
  return { quickFix, edits, finalText: text };
}

function normalise(text) {
  return String(text ?? '').replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim();
}

function checkHover(hover, shown) {
  // Drivers that get raw Markdown see an escaped character (a backslash before it) that a rendered hover shows bare.
  const text = normalise(shown).replace(/\\([\\`*_{}[\]()#+\-.!|<>~])/g, '$1');
  const missing = hover.contains.filter((part) => !text.includes(part));
  if (missing.length > 0) {
    const list = (parts) => parts.map((p) => `"${p}"`).join(', ');
    throw new Mismatch(`the hover on ${hover.what} ("${hover.word}") to show ${list(hover.contains)} (missing: ${list(missing)})`, text || 'no hover');
  }
}

function describeTree(nodes, depth = 0) {
  return nodes
    .map((n) => `${'  '.repeat(depth)}${n.name}${n.detail ? ` [${n.detail}]` : ''}${n.children?.length ? ` { ${describeTree(n.children, depth + 1)} }` : ''}`)
    .join('; ');
}

/**
 * `tree`: [{ name, detail, children }] as the editor shows the outline. `timeOrder: false` for VS Code's
 * Outline view, which re-sorts every level by position in the document (its default "Sort By: Position").
 */
function checkOutline(outline, tree, { timeOrder = true } = {}) {
  const seen = describeTree(tree) || 'an empty outline';
  const root = tree[0];
  if (tree.length !== 1 || normalise(root.name) !== outline.root) {
    throw new Mismatch(`the headline "${outline.root}" as the outline's only root`, seen);
  }
  const problems = [];
  const people = root.children?.find((n) => n.name === 'People');
  if (!people) problems.push('a "People" group under the headline');
  const shownPeople = new Map((people?.children ?? []).map((p) => [normalise(p.name), normalise(p.detail)]));
  for (const [name, title] of Object.entries(outline.people)) {
    if (!shownPeople.has(name)) problems.push(`person "${name}"`);
    else if (shownPeople.get(name) !== title) problems.push(`"${name}" with title "${title}" (shown: "${shownPeople.get(name)}")`);
  }
  for (const name of outline.notPeople ?? []) {
    if (shownPeople.has(name)) problems.push(`no person "${name}"`);
  }
  const dates = root.children?.find((n) => n.name === 'Dates');
  if (!dates) problems.push('a "Dates" group under the headline');
  const shownDates = (dates?.children ?? []).map((d) => normalise(`${d.name} ${d.detail ?? ''}`));
  let from = 0;
  for (const value of outline.dates) {
    const at = shownDates.findIndex((d, i) => i >= from && d.includes(value));
    if (at < 0) problems.push(`date ${value}${from > 0 ? ' after the dates before it (time order)' : ''}`);
    else if (timeOrder) from = at + 1;
  }
  if (problems.length > 0) throw new Mismatch(`the outline to show ${problems.join(', ')}`, seen);
}

function countCodes(codes) {
  const counts = {};
  for (const code of codes) counts[code] = (counts[code] ?? 0) + 1;
  return counts;
}

function describeCounts(counts) {
  const entries = Object.entries(counts);
  return entries.length ? entries.map(([code, n]) => `${n} × ${code}`).join(', ') : 'no problems';
}

/**
 * Throws unless each code in `counts` appears exactly that many times among the shown problems' codes;
 * `exact` also rejects problems with any code not in `counts`.
 */
function checkProblems(counts, codes, what = 'the Problems panel', { exact = false } = {}) {
  const shown = countCodes(codes);
  const wanted = exact ? { ...Object.fromEntries(Object.keys(shown).map((code) => [code, 0])), ...counts } : counts;
  const wrong = Object.entries(wanted).filter(([code, n]) => (shown[code] ?? 0) !== n);
  if (wrong.length > 0) {
    throw new Mismatch(`${what} to list ${exact ? `exactly ${describeCounts(counts)}` : describeCounts(Object.fromEntries(wrong))}`, describeCounts(shown));
  }
}

/** All the problem counts an edit should lead to: the counts shown before it plus what it adds, nothing else. */
function countsAfter(edit, codesBefore) {
  const counts = countCodes(codesBefore);
  for (const [code, n] of Object.entries(edit.adds)) counts[code] = (counts[code] ?? 0) + n;
  return counts;
}

module.exports = { Mismatch, root, load, locate, plan, checkHover, checkOutline, checkProblems, countsAfter };
