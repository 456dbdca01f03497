/**
 * Random editor sessions against the built language server: open, edits (stale, repeated and
 * out-of-order versions, ranges past the end), every request at valid and out-of-range positions,
 * cancellations, settings of the wrong type, requests for unknown and closed documents, close.
 * A mirror document, updated with the same library the server uses, gives the exact text each
 * response must fit.
 */
import fc from 'fast-check';
import { CancellationTokenSource, ResponseError } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { ServerProcess } from '../protocol/lspClient';
import { anyText, junkChar, newline, quoteMark } from './arbitraries';

/** A position drawn relative to the document it is sent against. */
type PositionSpec =
  | { kind: 'valid'; line: number; character: number } // fractions of the document, in [0, 1)
  | { kind: 'outside'; line: number; character: number }; // absolute, possibly far past the end or negative

type Request = 'hover' | 'documentSymbol' | 'definition' | 'references' | 'prepareRename' | 'rename' | 'codeAction' | 'inlayHint';

type Action =
  | { kind: 'edit'; from: PositionSpec; to: PositionSpec; text: string; version: 'next' | 'same' | 'stale' | 'jump' }
  | { kind: 'replaceAll'; text: string }
  | { kind: 'request'; request: Request; at: PositionSpec; to: PositionSpec; cancel: boolean; newName: string }
  | { kind: 'unknownDocument'; request: Request }
  | { kind: 'settings'; settings: unknown }
  | { kind: 'malformed'; method: string; params: unknown };

export interface SessionPlan {
  languageId: string;
  text: string;
  actions: Action[];
  closeThenAsk: Request;
}

const position: fc.Arbitrary<PositionSpec> = fc.oneof(
  { arbitrary: fc.record({ kind: fc.constant('valid' as const), line: fc.double({ min: 0, max: 0.9999, noNaN: true }), character: fc.double({ min: 0, max: 1, noNaN: true }) }), weight: 5 },
  {
    arbitrary: fc.record({
      kind: fc.constant('outside' as const),
      line: fc.oneof(fc.nat({ max: 200 }), fc.constantFrom(2 ** 31 - 1, -1)),
      character: fc.oneof(fc.nat({ max: 500 }), fc.constantFrom(2 ** 31 - 1, 1e6, -1)),
    }),
    weight: 1,
  },
);

const REQUESTS: Request[] = ['hover', 'documentSymbol', 'definition', 'references', 'prepareRename', 'rename', 'codeAction', 'inlayHint'];

/** Settings as a careless settings.json holds them: right and wrong types, tiny size limits. */
export const settingsValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constantFrom('yes', 42, true, [], [1, 2]),
  fc.record(
    {
      rules: fc.oneof(
        fc.dictionary(fc.constantFrom('backtick-apostrophe', 'unattributed-quote', 'x'), fc.constantFrom('off', 'error', 'hint', 'loud', 3, null, {})),
        fc.constantFrom('off', 7, null, ['a']),
      ),
      lexicon: fc.oneof(
        fc.record({ titles: fc.oneof(fc.array(fc.string({ maxLength: 10 }), { maxLength: 3 }), fc.constantFrom('Editor', 5, [1], null)) }, { requiredKeys: [] }),
        fc.constantFrom('words', 3, null),
      ),
      inlayHints: fc.oneof(fc.record({ relativeDates: fc.constantFrom(true, false, 'no', 0, null) }), fc.constantFrom(false, 'x')),
      maxDocumentSize: fc.constantFrom(5_000_000, 10, 1, 0, -5, 'huge', Number.NaN, null, 1e308),
      maxProblems: fc.constantFrom(1000, 1, 2.5, 0, 'many', null),
    },
    { requiredKeys: [] },
  ),
);

const request = fc.constantFrom(...REQUESTS);

const action: fc.Arbitrary<Action> = fc.oneof(
  {
    arbitrary: fc.record({
      kind: fc.constant('edit' as const),
      from: position,
      to: position,
      text: fc.oneof(fc.string({ maxLength: 12 }), fc.string({ unit: junkChar, maxLength: 6 }), quoteMark, newline, fc.constantFrom('', 'Mr. Kim said', '“Yes,” said Wang Yi.', 'Tuesday')),
      version: fc.constantFrom('next', 'next', 'next', 'same', 'stale', 'jump'),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('replaceAll' as const), text: anyText }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('request' as const),
      request,
      at: position,
      to: position,
      cancel: fc.boolean(),
      newName: fc.constantFrom('Kim Jong', '', '  ', 'A B C D', 'Ölçü’s', '\n'),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ kind: fc.constant('unknownDocument' as const), request }), weight: 1 },
  { arbitrary: fc.record({ kind: fc.constant('settings' as const), settings: settingsValue }), weight: 1 },
  {
    arbitrary: fc.record({
      kind: fc.constant('malformed' as const),
      method: fc.constantFrom('textDocument/hover', 'textDocument/documentSymbol', 'textDocument/didChange', 'textDocument/rename', 'textDocument/codeAction'),
      params: fc.constantFrom(null, {}, { textDocument: {} }, { textDocument: { uri: 5 }, position: 'x' }, { textDocument: { uri: 'file:///nope' }, contentChanges: [{ range: null, text: 1 }] }),
    }),
    weight: 1,
  },
);

export const sessionPlan: fc.Arbitrary<SessionPlan> = fc.record({
  languageId: fc.constantFrom('press-article', 'plaintext', 'markdown', 'json'),
  text: anyText,
  actions: fc.array(action, { minLength: 1, maxLength: 25 }),
  closeThenAsk: request,
});

export interface SessionResult {
  requests: number;
  problems: string[];
  /** Errors the server answered to deliberately malformed messages (expected, not failures). */
  malformedErrors: number;
  /** Malformed didChange notifications sent: each may be logged by the server as an error. */
  malformedNotifications: number;
  cancelled: number;
}

interface Pos {
  line: number;
  character: number;
}

function resolvePosition(doc: TextDocument, spec: PositionSpec): Pos {
  if (spec.kind === 'outside') return { line: spec.line, character: spec.character };
  const line = Math.floor(spec.line * doc.lineCount);
  const lineStart = doc.offsetAt({ line, character: 0 });
  const lineEnd = line + 1 < doc.lineCount ? doc.offsetAt({ line: line + 1, character: 0 }) : doc.getText().length;
  return { line, character: Math.floor(spec.character * (lineEnd - lineStart)) };
}

const isHigh = (c: number): boolean => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number): boolean => c >= 0xdc00 && c <= 0xdfff;

/** Problems with a position the server returned, judged against the text it had at that moment. */
function checkPosition(doc: TextDocument, p: unknown, where: string, problems: string[]): void {
  const pos = p as Pos;
  if (!pos || !Number.isInteger(pos.line) || !Number.isInteger(pos.character)) {
    problems.push(`${where}: malformed position ${JSON.stringify(p)}`);
    return;
  }
  const offset = doc.offsetAt(pos);
  const back = doc.positionAt(offset);
  if (back.line !== pos.line || back.character !== pos.character) {
    problems.push(`${where}: position ${pos.line}:${pos.character} is outside the document (${doc.lineCount} lines)`);
    return;
  }
  const text = doc.getText();
  if (offset > 0 && offset < text.length && isHigh(text.charCodeAt(offset - 1)) && isLow(text.charCodeAt(offset))) {
    problems.push(`${where}: position ${pos.line}:${pos.character} splits a surrogate pair`);
  }
}

function checkRange(doc: TextDocument, r: unknown, where: string, problems: string[]): void {
  const range = r as { start: Pos; end: Pos } | undefined;
  if (!range?.start || !range.end) {
    problems.push(`${where}: malformed range ${JSON.stringify(r)}`);
    return;
  }
  checkPosition(doc, range.start, `${where}.start`, problems);
  checkPosition(doc, range.end, `${where}.end`, problems);
  if (doc.offsetAt(range.start) > doc.offsetAt(range.end)) problems.push(`${where}: range ends before it starts`);
}

const within = (doc: TextDocument, inner: { start: Pos; end: Pos }, outer: { start: Pos; end: Pos }): boolean =>
  doc.offsetAt(inner.start) >= doc.offsetAt(outer.start) && doc.offsetAt(inner.end) <= doc.offsetAt(outer.end);

interface SymbolShape {
  name: string;
  range: { start: Pos; end: Pos };
  selectionRange: { start: Pos; end: Pos };
  children?: SymbolShape[];
}

function checkSymbols(doc: TextDocument, symbols: SymbolShape[], where: string, problems: string[], parent?: SymbolShape): void {
  symbols.forEach((s, i) => {
    const at = `${where}[${i}]`;
    if (typeof s.name !== 'string' || s.name.trim() === '') problems.push(`${at}: empty symbol name (VS Code rejects it)`);
    checkRange(doc, s.range, `${at}.range`, problems);
    checkRange(doc, s.selectionRange, `${at}.selectionRange`, problems);
    if (s.range && s.selectionRange && !within(doc, s.selectionRange, s.range)) problems.push(`${at}: selectionRange outside range`);
    if (parent && s.range && !within(doc, s.range, parent.range)) problems.push(`${at}: child range outside its parent's`);
    if (s.children) checkSymbols(doc, s.children, `${at}.children`, problems, s);
  });
}

/** Checks every range in a response to `request`, sent when the document was `doc`. */
function checkResponse(request: Request, result: unknown, doc: TextDocument, problems: string[]): void {
  if (result === null || result === undefined) return;
  const where = request;
  switch (request) {
    case 'hover': {
      const hover = result as { contents?: { value?: string }; range?: unknown };
      if (!hover.contents?.value) problems.push('hover: empty contents');
      if (hover.range) checkRange(doc, hover.range, where, problems);
      break;
    }
    case 'documentSymbol':
      checkSymbols(doc, result as SymbolShape[], where, problems);
      break;
    case 'definition':
      checkRange(doc, (result as { range: unknown }).range, where, problems);
      break;
    case 'references':
      (result as Array<{ range: unknown }>).forEach((l, i) => checkRange(doc, l.range, `${where}[${i}]`, problems));
      break;
    case 'prepareRename':
      checkRange(doc, (result as { range: unknown }).range, where, problems);
      break;
    case 'rename': {
      const edits = Object.values((result as { changes?: Record<string, Array<{ range: unknown }>> }).changes ?? {}).flat();
      edits.forEach((e, i) => checkRange(doc, e.range, `${where} edit ${i}`, problems));
      try {
        TextDocument.applyEdits(doc, edits as Parameters<typeof TextDocument.applyEdits>[1]);
      } catch (error) {
        problems.push(`rename: edits cannot be applied (${String(error)})`);
      }
      break;
    }
    case 'codeAction':
      (result as Array<{ edit?: { changes?: Record<string, Array<{ range: unknown }>> } }>).forEach((a, i) =>
        Object.values(a.edit?.changes ?? {})
          .flat()
          .forEach((e, j) => checkRange(doc, e.range, `${where}[${i}] edit ${j}`, problems)),
      );
      break;
    case 'inlayHint':
      (result as Array<{ position: unknown }>).forEach((h, i) => checkPosition(doc, h.position, `${where}[${i}]`, problems));
      break;
  }
}

const METHODS: Record<Request, string> = {
  hover: 'textDocument/hover',
  documentSymbol: 'textDocument/documentSymbol',
  definition: 'textDocument/definition',
  references: 'textDocument/references',
  prepareRename: 'textDocument/prepareRename',
  rename: 'textDocument/rename',
  codeAction: 'textDocument/codeAction',
  inlayHint: 'textDocument/inlayHint',
};

function paramsFor(request: Request, uri: string, at: Pos, to: Pos, newName: string, diagnostics: unknown[]): unknown {
  const textDocument = { uri };
  switch (request) {
    case 'documentSymbol':
      return { textDocument };
    case 'references':
      return { textDocument, position: at, context: { includeDeclaration: true } };
    case 'rename':
      return { textDocument, position: at, newName };
    case 'codeAction':
      return { textDocument, range: { start: at, end: to }, context: { diagnostics } };
    case 'inlayHint':
      return { textDocument, range: { start: at, end: to } };
    default:
      return { textDocument, position: at };
  }
}

const REQUEST_CANCELLED = -32800;

/** A server shared by many sessions: the settings it is handed, the diagnostics it published last. */
export class SessionHost {
  settings: unknown = null;
  readonly errorLogs: string[] = [];
  readonly lastDiagnostics = new Map<string, { version?: number; diagnostics: unknown[] }>();
  /** Set when the server's end of the connection closed: it exited or crashed. */
  closed = false;

  constructor(readonly server: ServerProcess) {
    server.connection.onClose(() => {
      this.closed = true;
    });
    server.connection.onRequest('workspace/configuration', (params: { items: unknown[] }) => params.items.map(() => this.settings));
    server.connection.onNotification('window/logMessage', (params: { type: number; message: string }) => {
      if (params.type === 1) this.errorLogs.push(params.message);
    });
    server.connection.onNotification('textDocument/publishDiagnostics', (params: { uri: string; version?: number; diagnostics: unknown[] }) => {
      this.lastDiagnostics.set(params.uri, params);
    });
  }
}

/** Runs one session on `uri`; resolves with what went wrong (nothing, when the server behaved). */
export async function runSession(host: SessionHost, plan: SessionPlan, uri: string, timeoutMs = 20_000): Promise<SessionResult> {
  const result: SessionResult = { requests: 0, problems: [], malformedErrors: 0, malformedNotifications: 0, cancelled: 0 };
  try {
    await session(host, plan, uri, timeoutMs, result);
  } catch (error) {
    const stderr = host.server.stderr.join('').trim();
    result.problems.push(`the connection failed (${error instanceof Error ? error.message : String(error)})${stderr ? `; server stderr: ${stderr.slice(0, 600)}` : ''}`);
  }
  return result;
}

async function session(host: SessionHost, plan: SessionPlan, uri: string, timeoutMs: number, result: SessionResult): Promise<void> {
  const { connection } = host.server;
  let version = 1;
  let highest = 1;
  const mirror = TextDocument.create(uri, plan.languageId, version, plan.text);
  const pending: Array<Promise<void>> = [];

  const send = (method: string, params: unknown, check: (r: unknown) => void, cancel = false, malformed = false): void => {
    result.requests++;
    const source = new CancellationTokenSource();
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${method}: no answer within ${timeoutMs} ms (hang?)`)), timeoutMs);
    });
    const answer = connection.sendRequest(method, params, source.token);
    if (cancel) source.cancel();
    pending.push(
      Promise.race([answer, timeout])
        .then(check, (error: unknown) => {
          if (error instanceof ResponseError && error.code === REQUEST_CANCELLED && cancel) result.cancelled++;
          else if (error instanceof ResponseError && malformed) result.malformedErrors++;
          else result.problems.push(`${method} failed: ${error instanceof Error ? error.message : String(error)}`);
        })
        .finally(() => clearTimeout(timer)),
    );
  };

  const ask = (request: Request, targetUri: string, at: Pos, to: Pos, newName: string, cancel: boolean): void => {
    const snapshot = TextDocument.create(uri, plan.languageId, mirror.version, mirror.getText());
    const diagnostics = host.lastDiagnostics.get(targetUri)?.diagnostics ?? [];
    send(
      METHODS[request],
      paramsFor(request, targetUri, at, to, newName, diagnostics),
      (r) => {
        const found: string[] = [];
        checkResponse(request, r, snapshot, found);
        // The text the server had, so that a failure can be replayed through analyze() alone.
        for (const problem of found) result.problems.push(`${problem} (in ${JSON.stringify(snapshot.getText().slice(0, 300))})`);
      },
      cancel,
    );
  };

  await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: plan.languageId, version, text: plan.text } });
  for (const a of plan.actions) {
    switch (a.kind) {
      case 'edit': {
        const range = { start: resolvePosition(mirror, a.from), end: resolvePosition(mirror, a.to) };
        if (mirror.offsetAt(range.start) > mirror.offsetAt(range.end)) [range.start, range.end] = [range.end, range.start];
        version = a.version === 'next' ? highest + 1 : a.version === 'same' ? version : a.version === 'stale' ? Math.max(0, version - 2) : highest + 5;
        highest = Math.max(highest, version);
        const change = { range, text: a.text };
        TextDocument.update(mirror, [change], version);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
        break;
      }
      case 'replaceAll':
        version = ++highest;
        TextDocument.update(mirror, [{ text: a.text }], version);
        await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: a.text }] });
        break;
      case 'request':
        ask(a.request, uri, resolvePosition(mirror, a.at), resolvePosition(mirror, a.to), a.newName, a.cancel);
        break;
      case 'unknownDocument': {
        const unknown = `${uri}-never-opened`;
        send(METHODS[a.request], paramsFor(a.request, unknown, { line: 0, character: 0 }, { line: 0, character: 1 }, 'X', []), (r) => {
          if (r !== null && !(Array.isArray(r) && r.length === 0)) result.problems.push(`${a.request} on a document never opened answered ${JSON.stringify(r).slice(0, 80)}`);
        });
        break;
      }
      case 'settings':
        host.settings = a.settings;
        await connection.sendNotification('workspace/didChangeConfiguration', { settings: { pressMarkup: a.settings } });
        break;
      case 'malformed':
        if (a.method === 'textDocument/didChange') {
          result.malformedNotifications++;
          await connection.sendNotification(a.method, a.params);
        }
        else send(a.method, a.params, () => undefined, false, true);
        break;
    }
  }
  // A final edit with a fresh version, so the diagnostics for it can be awaited and checked.
  version = ++highest;
  const finalDiagnostics = new Promise<{ diagnostics: unknown[] } | null>((resolve) => {
    const timer = setTimeout(() => resolve(null), timeoutMs);
    const poll = setInterval(() => {
      const last = host.lastDiagnostics.get(uri);
      if (last?.version === version) {
        clearInterval(poll);
        clearTimeout(timer);
        resolve(last);
      }
    }, 5);
  });
  TextDocument.update(mirror, [{ text: mirror.getText() }], version);
  await connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text: mirror.getText() }] });
  ask('documentSymbol', uri, { line: 0, character: 0 }, { line: 0, character: 0 }, '', false);
  const published = await finalDiagnostics;
  if (!published) result.problems.push(`no diagnostics published for the final version ${version} within ${timeoutMs} ms`);
  else (published.diagnostics as Array<{ range: unknown }>).forEach((d, i) => checkRange(mirror, d.range, `diagnostic ${i}`, result.problems));
  await Promise.all(pending);
  pending.length = 0;

  await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  send(METHODS[plan.closeThenAsk], paramsFor(plan.closeThenAsk, uri, { line: 0, character: 0 }, { line: 0, character: 1 }, 'X', []), (r) => {
    if (r !== null && !(Array.isArray(r) && r.length === 0)) result.problems.push(`${plan.closeThenAsk} on a closed document answered ${JSON.stringify(r).slice(0, 80)}`);
  });
  await Promise.all(pending);
  host.settings = null;
}
