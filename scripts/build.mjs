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
  format: 'cjs',
  external: ['vscode'],
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
});
