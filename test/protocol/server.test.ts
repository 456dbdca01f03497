import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import {
  WorkDoneProgress,
  type CodeAction,
  type DocumentSymbol,
  type Hover,
  type InlayHint,
  type Location,
  type MarkupContent,
  type WorkDoneProgressCreateParams,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol';
import { ServerProcess } from './lspClient';

const SAMPLE = readFileSync(path.resolve(__dirname, '../../samples/north-korea-negotiator.article'), 'utf8');
const SAMPLE_URI = 'file:///articles/north-korea-negotiator.article';

/** The LSP position of the n-th (0-based) occurrence of `needle`, plus `delta` characters. */
function positionOf(text: string, needle: string, occurrence = 0, delta = 1) {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) index = text.indexOf(needle, index + 1);
  assert.ok(index >= 0, `"${needle}" not in text`);
  const before = text.slice(0, index + delta);
  const line = before.split(/\r\n|\r|\n/).length - 1;
  const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
  return { line, character: index + delta - lineStart };
}

function hoverText(result: Hover | null): string {
  assert.ok(result, 'expected a hover');
  return (result.contents as MarkupContent).value;
}

describe('language server over stdio, on the design article', () => {
  const server = new ServerProcess();
  let capabilities: Record<string, unknown>;
  let diagnostics: Awaited<ReturnType<ServerProcess['open']>>;

  before(async () => {
    capabilities = (await server.initialize()).capabilities;
    diagnostics = await server.open(SAMPLE_URI, SAMPLE);
  });
  after(() => server.stop());

  test('announces hover, outline and quick fixes', () => {
    assert.equal(capabilities.hoverProvider, true);
    assert.ok(capabilities.documentSymbolProvider);
    assert.ok(capabilities.codeActionProvider);
    assert.equal(capabilities.textDocumentSync, 2, 'incremental sync');
    assert.equal(capabilities.definitionProvider, true);
    assert.equal(capabilities.referencesProvider, true);
    assert.deepEqual(capabilities.renameProvider, { prepareProvider: true });
    assert.equal(capabilities.inlayHintProvider, true);
  });

  test('hover on a bare "Kim" names Kim Kye-Gwan with his title and counts', async () => {
    const result = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'said Kim would', 0, 6),
    });
    const text = hoverText(result);
    assert.match(text, /\*\*Kim Kye-Gwan\*\*/);
    assert.match(text, /First vice foreign minister/);
    assert.match(text, /Mentioned \d+ times/);
    assert.match(text, /quoted 0 times/);
  });

  test('hover on "Tuesday" gives the date it stands for, anchored to the dateline', async () => {
    const result = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'Tuesday', 1),
    });
    const text = hoverText(result);
    assert.match(text, /Tuesday, July 2, 2013/);
    assert.match(text, /`2013-07-02`/);
    assert.match(text, /The day of publication/);
  });

  test('hover on a quote names its speaker and role', async () => {
    const result = await server.connection.sendRequest<Hover | null>('textDocument/hover', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'clarified its stance', 0, 2),
    });
    const text = hoverText(result);
    assert.match(text, /Quote\*\* by \*\*Yang Moo-Jin\*\*/);
    assert.match(text, /professor at Seoul/);
  });

  test('outline: headline, people with roles and quotes, dates in time order', async () => {
    const symbols = await server.connection.sendRequest<DocumentSymbol[]>('textDocument/documentSymbol', {
      textDocument: { uri: SAMPLE_URI },
    });
    assert.equal(symbols.length, 1);
    const [root] = symbols;
    assert.equal(root.name, 'North Korean negotiator heads to Russia');
    const people = root.children?.find((s) => s.name === 'People');
    assert.ok(people, 'a People group');
    const byName = new Map(people.children?.map((p) => [p.name, p]));
    assert.equal(byName.get('Kim Kye-Gwan')?.detail, 'First vice foreign minister');
    assert.equal(byName.get('Yang Moo-Jin')?.children?.length, 2, 'Yang is quoted twice');
    assert.equal(byName.get('Yun Byung-Se')?.children?.length, 1, 'Yun is quoted once');
    const dates = root.children?.find((s) => s.name === 'Dates');
    assert.ok(dates, 'a Dates group');
    const values = dates.children?.map((d) => d.name.split(' → ')[1]) ?? [];
    assert.deepEqual(values.slice(0, 2), ['2003-08', '2008-12'], 'oldest first');
    // Every child lies inside its parent, and every selection range inside its range.
    const inside = (outer: DocumentSymbol['range'], inner: DocumentSymbol['range']) =>
      (outer.start.line < inner.start.line || (outer.start.line === inner.start.line && outer.start.character <= inner.start.character)) &&
      (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.character >= inner.end.character));
    const check = (symbol: DocumentSymbol): void => {
      assert.ok(inside(symbol.range, symbol.selectionRange), `selection inside range for ${symbol.name}`);
      for (const child of symbol.children ?? []) {
        assert.ok(inside(symbol.range, child.range), `${child.name} inside ${symbol.name}`);
        check(child);
      }
    };
    check(root);
  });

  test('go to definition from a bare "Kim" lands on the first full mention', async () => {
    const location = await server.connection.sendRequest<Location | null>('textDocument/definition', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'Kim will meet', 0, 1),
    });
    assert.deepEqual(location?.range.start, positionOf(SAMPLE, 'Kim Kye-Gwan', 0, 0));
    assert.deepEqual(location?.range.end, positionOf(SAMPLE, 'Kim Kye-Gwan', 0, 'Kim Kye-Gwan'.length));
  });

  test('find all references lists every mention of Kim', async () => {
    const locations = await server.connection.sendRequest<Location[]>('textDocument/references', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'Kim Kye-Gwan', 0, 5),
      context: { includeDeclaration: true },
    });
    assert.equal(locations.length, (SAMPLE.match(/\bKim\b/g) ?? []).length);
  });

  test('rename changes every mention: the full name, and the surname where it stands alone', async () => {
    const prepared = await server.connection.sendRequest<{ placeholder: string } | null>('textDocument/prepareRename', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'said Yang', 0, 6),
    });
    assert.equal(prepared?.placeholder, 'Yang Moo-Jin');
    const edit = await server.connection.sendRequest<WorkspaceEdit | null>('textDocument/rename', {
      textDocument: { uri: SAMPLE_URI },
      position: positionOf(SAMPLE, 'Kim will meet', 0, 1),
      newName: 'Kim Kye-gwan',
    });
    const edits = edit?.changes?.[SAMPLE_URI] ?? [];
    assert.equal(edits.length, (SAMPLE.match(/\bKim\b/g) ?? []).length);
    assert.deepEqual(edits.filter((e) => e.newText === 'Kim Kye-gwan').length, 1);
    assert.ok(edits.every((e) => e.newText === 'Kim Kye-gwan' || e.newText === 'Kim'));
  });

  test('inlay hints show the calendar date after relative dates', async () => {
    const hints = await server.connection.sendRequest<InlayHint[]>('textDocument/inlayHint', {
      textDocument: { uri: SAMPLE_URI },
      range: { start: { line: 0, character: 0 }, end: { line: 40, character: 0 } },
    });
    const labels = hints.map((h) => h.label);
    assert.ok(labels.includes('= Tuesday, July 2, 2013'), labels.join(' | '));
    assert.ok(labels.includes('= June 2013'), labels.join(' | '));
  });

  test('publishes the backtick problems, each with a quick fix to an apostrophe', async () => {
    const backticks = diagnostics.diagnostics.filter((d) => d.code === 'backtick-apostrophe');
    assert.equal(backticks.length, (SAMPLE.match(/`/g) ?? []).length);
    const first = backticks[0];
    assert.deepEqual(first.range.start, positionOf(SAMPLE, 'Russia`s', 0, 6));
    assert.equal(first.source, 'Press Markup');
    const actions = await server.connection.sendRequest<CodeAction[]>('textDocument/codeAction', {
      textDocument: { uri: SAMPLE_URI },
      range: first.range,
      context: { diagnostics: [first] },
    });
    const preferred = actions.find((a) => a.isPreferred);
    assert.ok(preferred, 'a preferred quick fix');
    assert.deepEqual(preferred.edit?.changes?.[SAMPLE_URI], [{ range: first.range, newText: '’' }]);
  });
});

describe('positions are UTF-16 code units', () => {
  const server = new ServerProcess();
  before(() => server.initialize());
  after(() => server.stop());

  test('emoji, CRLF and a BOM before a problem shift its column the way editors count', async () => {
    const text = '\uFEFFHeadline 📰\r\n\r\nThe 🇰🇷 flag flew at Seoul`s airport.\r\n';
    const published = await server.open('file:///utf16.article', text);
    const [problem] = published.diagnostics.filter((d) => d.code === 'backtick-apostrophe');
    // Line 2: "The " (4) + flag (4 UTF-16 units) + " flag flew at Seoul" (19) = column 27.
    assert.deepEqual(problem.range, { start: { line: 2, character: 27 }, end: { line: 2, character: 28 } });
  });

  test('edits update the problems for the new version', async () => {
    const uri = 'file:///edited.article';
    await server.open(uri, 'Plain text.');
    const next = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 11 }, end: { line: 0, character: 11 } }, text: ' Kim`s car.' }],
    });
    const published = await next;
    assert.deepEqual(published.diagnostics.map((d) => d.code), ['backtick-apostrophe']);
  });
});

/** Each thread of process `pid` with its nice value (field 19 of /proc/PID/task/TID/stat). */
function threadNiceness(pid: number): Map<number, number> {
  const niceness = new Map<number, number>();
  for (const id of readdirSync(`/proc/${pid}/task`)) {
    const stat = readFileSync(`/proc/${pid}/task/${id}/stat`, 'utf8');
    // Fields after the command name in parentheses, which may itself hold spaces: state is field 3.
    niceness.set(Number(id), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return niceness;
}

// Thread priorities are per thread on Linux only; elsewhere the server leaves them alone.
if (process.platform === 'linux') {
  describe('busy helper threads do not hold up a hover', () => {
    const server = new ServerProcess();
    before(() => server.initialize());
    after(() => server.stop());

    test("V8's helper threads run at the lowest priority; the thread that answers the editor keeps the normal one", () => {
      const niceness = threadNiceness(server.pid);
      assert.equal(niceness.get(server.pid), 0);
      const helpers = [...niceness].filter(([id]) => id !== server.pid);
      assert.ok(helpers.length > 0, 'V8 starts helper threads');
      assert.deepEqual(helpers.filter(([, nice]) => nice !== 19), []);
    });
  });
}

/** What the editor was shown of the server's progress, in order, with the diagnostics among it. */
type ProgressEvent = { kind: 'create' } | { kind: 'begin' | 'end'; title?: string; message?: string } | { kind: 'diagnostics' };

/** A client that shows progress (window.workDoneProgress), recording what it is asked to show. */
function progressClient(answerCreate = true): { server: ServerProcess; events: ProgressEvent[] } {
  const server = new ServerProcess();
  const events: ProgressEvent[] = [];
  server.connection.onRequest('window/workDoneProgress/create', ({ token }: WorkDoneProgressCreateParams) => {
    events.push({ kind: 'create' });
    server.connection.onProgress(WorkDoneProgress.type, token, (value) => {
      if (value.kind === 'begin') events.push({ kind: 'begin', title: value.title, message: value.message });
      if (value.kind === 'end') events.push({ kind: 'end' });
    });
    return answerCreate ? null : new Promise(() => undefined); // an editor that never answers
  });
  return { server, events };
}

/** Records the next diagnostics for `uri` among the events, in the order they arrived. */
function recordDiagnostics(server: ServerProcess, events: ProgressEvent[], uri: string, version: number): Promise<unknown> {
  return server.nextDiagnostics(uri, version, 60_000).then(() => events.push({ kind: 'diagnostics' }));
}

/** About 300 KB of news: over the length whose first analysis the editor is shown as running. */
const LONG_ARTICLE = `${SAMPLE}\n\n`.repeat(Math.ceil(300_000 / SAMPLE.length));

describe('progress while a long document is first analysed', () => {
  test('opening a long document shows "Analysing NAME (SIZE)" until its problems arrive; edits to it show none', async () => {
    const { server, events } = progressClient();
    try {
      await server.initialize({ window: { workDoneProgress: true } });
      const uri = 'file:///archive/july%202013.article';
      const recorded = recordDiagnostics(server, events, uri, 1);
      const published = await server.open(uri, LONG_ARTICLE, 'press-article', 1, 60_000);
      assert.ok(published.diagnostics.length > 0);
      await recorded;
      await waitFor(() => events.some((e) => e.kind === 'end'), 'the progress ends');
      assert.deepEqual(events.map((e) => e.kind), ['create', 'begin', 'diagnostics', 'end']);
      const begin = events[1] as { title?: string; message?: string };
      assert.equal(begin.title, 'Press Markup');
      assert.equal(begin.message, `Analysing july 2013.article (${(LONG_ARTICLE.length / 1e6).toFixed(2)} MB)`);

      events.length = 0;
      const next = recordDiagnostics(server, events, uri, 2);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      await next;
      assert.deepEqual(events.map((e) => e.kind), ['diagnostics']);
    } finally {
      await server.stop();
    }
  });

  test('a short document shows no progress', async () => {
    const { server, events } = progressClient();
    try {
      await server.initialize({ window: { workDoneProgress: true } });
      const recorded = recordDiagnostics(server, events, SAMPLE_URI, 1);
      await server.open(SAMPLE_URI, SAMPLE);
      await recorded;
      assert.deepEqual(events.map((e) => e.kind), ['diagnostics']);
    } finally {
      await server.stop();
    }
  });

  test('settings sent again unchanged republish the problems without analysing the document again; a changed rule does', async () => {
    const { server, events } = progressClient();
    try {
      await server.initialize({ window: { workDoneProgress: true } });
      const uri = 'file:///archive/settings.article';
      const recorded = recordDiagnostics(server, events, uri, 1);
      await server.open(uri, LONG_ARTICLE, 'press-article', 1, 60_000);
      await recorded;
      await waitFor(() => events.some((e) => e.kind === 'end'), 'the progress ends');

      events.length = 0;
      const same = recordDiagnostics(server, events, uri, 1);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pressMarkup: {} } });
      await same;
      assert.deepEqual(events.map((e) => e.kind), ['diagnostics']);

      events.length = 0;
      const changed = recordDiagnostics(server, events, uri, 1);
      await server.connection.sendNotification('workspace/didChangeConfiguration', { settings: { pressMarkup: { rules: { 'unattributed-quote': 'off' } } } });
      await changed;
      await waitFor(() => events.some((e) => e.kind === 'end'), 'the progress ends');
      assert.deepEqual(events.map((e) => e.kind), ['create', 'begin', 'diagnostics', 'end']);
    } finally {
      await server.stop();
    }
  });

  test('an editor that never answers the progress request still gets the problems', async () => {
    const { server, events } = progressClient(false);
    try {
      await server.initialize({ window: { workDoneProgress: true } });
      const recorded = recordDiagnostics(server, events, 'file:///long.article', 1);
      const published = await server.open('file:///long.article', LONG_ARTICLE, 'press-article', 1, 60_000);
      assert.ok(published.diagnostics.length > 0);
      await recorded;
      assert.deepEqual(events.map((e) => e.kind), ['create', 'diagnostics']);
    } finally {
      await server.stop();
    }
  });
});

describe('warming up for editing', () => {
  test('after a large document opens, the server practises edits on a private copy: it says so, sends nothing for it, and the problems after a real edit are those a fresh server finds', async () => {
    const uri = 'file:///archive/week.article';
    const text = `${SAMPLE}\n\n`.repeat(25);
    const edited = text.replace('Kim Kye-Gwan', 'Kim Kye-Gwann');
    const server = new ServerProcess();
    const fresh = new ServerProcess();
    try {
      await server.initialize({});
      await server.open(uri, text);
      await waitFor(() => server.logged.some((m) => m.includes('warmed up')), 'the warm-up ends');
      const warmUp = server.logged.find((m) => m.includes('warmed up'))!;
      assert.match(warmUp, /80 practice edits on a private copy of the first .* of a document, never shown or saved/);
      assert.deepEqual([...server.diagnosedUris], [uri]);

      const start = positionOf(text, 'Kim Kye-Gwan', 0, 'Kim Kye-Gwan'.length);
      const next = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification('textDocument/didChange', {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start, end: start }, text: 'n' }],
      });
      await fresh.initialize({});
      assert.deepEqual((await next).diagnostics, (await fresh.open(uri, edited)).diagnostics);
    } finally {
      await Promise.all([server.stop(), fresh.stop()]);
    }
  });
});

/** Resolves once `condition` holds; fails after `timeoutMs`. */
async function waitFor(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) assert.fail(`${what} within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
