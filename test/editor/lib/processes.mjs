// Every process the editor tests start runs in its own process group, logs into the scratch folder and is
// stopped as a group (the editors start children of their own: language server, extension host, renderers).
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';

const running = new Set();

/** Starts `command` detached (its own process group), stdout and stderr into `logFile`. */
export function startGroup(command, args, { env, cwd, logFile }) {
  const out = fs.openSync(logFile, 'a');
  const child = spawn(command, args, { cwd, env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const exited = new Promise((resolve) => {
    child.on('exit', (code, signal) => resolve({ code, signal }));
    child.on('error', (error) => resolve({ code: null, signal: null, error }));
  });
  const handle = { pid: child.pid, exited, logFile };
  running.add(handle);
  exited.then(() => running.delete(handle));
  return handle;
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal);
    return true;
  } catch {
    return false; // the group is already gone
  }
}

/** SIGTERM to the whole group, SIGKILL to what is left after `graceMs`. */
export async function stopGroup(handle, graceMs = 3000) {
  if (!handle?.pid) return;
  signalGroup(handle.pid, 'SIGTERM');
  const timer = new Promise((resolve) => setTimeout(resolve, graceMs));
  await Promise.race([handle.exited, timer]);
  // The leader may be gone while its children (extension host, language server) linger: kill the group.
  signalGroup(handle.pid, 'SIGKILL');
  running.delete(handle);
}

/** Last resort on an interrupted run: kill every group still running, synchronously. */
export function killAllStarted() {
  for (const handle of running) signalGroup(handle.pid, 'SIGKILL');
  running.clear();
}

/** Runs a process group to completion, bounded by `timeoutMs`; resolves with its exit and whether it timed out. */
export async function runGroup(command, args, options, timeoutMs) {
  const handle = startGroup(command, args, options);
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    signalGroup(handle.pid, 'SIGKILL');
  }, timeoutMs);
  const result = await handle.exited;
  clearTimeout(timer);
  // Whatever the editor left behind (a language server that did not exit) goes with its group.
  signalGroup(handle.pid, 'SIGKILL');
  return { ...result, timedOut };
}

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}
