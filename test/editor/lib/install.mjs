// Installs the real editors' npm packages (code-server = VS Code 1.100 web build, playwright-core) on demand,
// from test/editor's own lockfile, into a git-ignored cache that later runs reuse.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

// code-server's bundled VS Code pins @vscode/ripgrep 1.15.11, whose postinstall downloads this archive from
// GitHub unless it is already in $TMPDIR; Debian's rg 13.0.0 is the same program.
const RIPGREP_CACHE = 'vscode-ripgrep-cache-1.15.11';
const RIPGREP_ARCHIVE = 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz';

function run(command, args, options) {
  const result = spawnSync(command, args, { encoding: 'utf8', ...options });
  if (result.error) throw new Error(`${command} ${args.join(' ')}: ${result.error.message}`);
  return result;
}

function requireTool(file, debianPackage) {
  if (!fs.existsSync(file)) {
    throw new Error(`${file} is missing: install Debian's ${debianPackage} (apt-get install ${debianPackage}); .ci/run does.`);
  }
}

function seedRipgrep(tmpDir) {
  const dir = path.join(tmpDir, RIPGREP_CACHE);
  const archive = path.join(dir, RIPGREP_ARCHIVE);
  if (fs.existsSync(archive)) return;
  fs.mkdirSync(dir, { recursive: true });
  const result = run('tar', ['-czf', archive, '-C', '/usr/bin', 'rg']);
  if (result.status !== 0) throw new Error(`packing /usr/bin/rg failed: ${result.stderr}`);
}

/**
 * Makes sure `cacheDir/deps/node_modules` holds exactly what test/editor/package-lock.json pins.
 * Returns the folder holding node_modules.
 */
export function ensureEditorPackages(editorDir, cacheDir, log) {
  cacheDir = path.resolve(cacheDir);
  const depsDir = path.join(cacheDir, 'deps');
  const lock = fs.readFileSync(path.join(editorDir, 'package-lock.json'));
  const manifest = fs.readFileSync(path.join(editorDir, 'package.json'));
  const stamp = createHash('sha256').update(manifest).update(lock).update(process.version).digest('hex');
  const stampFile = path.join(depsDir, '.installed');
  if (fs.existsSync(stampFile) && fs.readFileSync(stampFile, 'utf8') === stamp) return depsDir;

  requireTool('/usr/bin/rg', 'ripgrep');
  requireTool('/usr/bin/python3', 'python3');
  log(`installing code-server and playwright-core into ${depsDir} (once; a few minutes)`);
  fs.rmSync(depsDir, { recursive: true, force: true });
  fs.mkdirSync(depsDir, { recursive: true });
  fs.writeFileSync(path.join(depsDir, 'package.json'), manifest);
  fs.writeFileSync(path.join(depsDir, 'package-lock.json'), lock);
  const tmpDir = path.join(cacheDir, 'install-tmp');
  seedRipgrep(tmpDir);
  const started = Date.now();
  const result = run('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: depsDir,
    stdio: ['ignore', 'pipe', 'pipe'],
    maxBuffer: 64 * 1024 * 1024,
    timeout: 15 * 60_000,
    env: {
      ...process.env,
      TMPDIR: tmpDir,
      // code-server's postinstall refuses to run as root without this; CI runs as root.
      npm_config_unsafe_perm: 'true',
      // A nested `npx node-gyp` would otherwise wait for a confirmation nobody gives.
      npm_config_yes: 'true',
      // Build native modules against this Node's own headers instead of downloading them.
      npm_config_nodedir: path.dirname(path.dirname(process.execPath)),
    },
  });
  if (result.status !== 0) {
    const tail = `${result.stdout}\n${result.stderr}`.trim().split('\n').slice(-30).join('\n');
    throw new Error(`npm ci of the editor packages failed (exit ${result.status ?? result.signal}):\n${tail}`);
  }
  fs.writeFileSync(stampFile, stamp);
  log(`installed in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  return depsDir;
}
