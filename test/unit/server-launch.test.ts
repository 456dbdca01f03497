import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { SERVER_NODE_OPTIONS } from '../../server/src/nodeOptions';

const ROOT = path.resolve(__dirname, '../..');

// The extension passes SERVER_NODE_OPTIONS itself; other editors start `press-markup-ls` or follow the README.
test('press-markup-ls and the README start the server with the same Node options as the extension', () => {
  const shebang = readFileSync(path.join(ROOT, 'server/src/server.ts'), 'utf8').split('\n')[0];
  assert.equal(shebang, `#!/usr/bin/env -S node ${SERVER_NODE_OPTIONS.join(' ')}`);
  const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  assert.ok(readme.includes(`node ${SERVER_NODE_OPTIONS.join(' ')} /path/to/press-markup/dist/server.js --stdio`));
});
