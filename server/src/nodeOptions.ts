/**
 * Node options the language server runs with: the extension starts it with them, and the first line of
 * `press-markup-ls` carries them. A young generation of at most 8 MB per half instead of V8's 16: the
 * server's garbage comes in bursts after edits, and the larger space kept 16 MB more resident with a
 * large document open, at no speed gain `npm run bench` could measure.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=8'];
