// Bundles the extension client, the language server and the CLI into dist/ (CommonJS, Node 20).
import { build } from 'esbuild';

const production = process.argv.includes('--production');

await build({
  entryPoints: {
    client: 'client/src/extension.ts',
    server: 'server/src/server.ts',
    cli: 'server/src/cli/main.ts',
  },
  outdir: 'dist',
  bundle: true,
  platform: 'node',
  target: 'node20',
  // esbuild would turn every /\p{…}/u literal into a `new RegExp(…)` call, one new object each time a
  // function runs; Node 20 has these escapes natively.
  supported: { 'regexp-unicode-property-escapes': true },
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
});
