/**
 * Node options the language server runs with: the extension starts it with them, and the first line of
 * `press-markup-ls` carries them. A young generation of at most 4 MB per half instead of V8's 16: the
 * server's garbage comes in bursts after edits, and each doubling kept more resident with a 5 MB document
 * open (16 MB: about 16 MB more than 8; 8 MB: about 6 MB more than 4, measured over the protocol with
 * `npm run bench`), for one more young-generation collection, about 1.5 ms, per 1 MB edit.
 */
export const SERVER_NODE_OPTIONS: readonly string[] = ['--max-semi-space-size=4'];
