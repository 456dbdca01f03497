// Preload (node --require) that makes every way out of the machine fail loudly: sockets, DNS,
// HTTP(S)/HTTP2, TLS, UDP, fetch, WebSocket, and starting other programs. Each attempt is appended
// to the file named by PRESS_MARKUP_TRAP_LOG and throws. A "# loaded" line proves the trap ran.
'use strict';
const fs = require('node:fs');

const log = process.env.PRESS_MARKUP_TRAP_LOG;
const record = (line) => {
  if (log) fs.appendFileSync(log, `${line}\n`);
};
record(`# loaded in process ${process.pid}${require('node:worker_threads').isMainThread ? '' : ' (worker thread)'}`);

function trap(owner, name, label) {
  if (!owner || typeof owner[name] !== 'function') return;
  owner[name] = function trapped() {
    const target = typeof arguments[0] === 'string' || typeof arguments[0] === 'number' ? ` ${arguments[0]}` : '';
    record(`${label}${target}`);
    throw new Error(`network access blocked by the privacy test: ${label}${target}`);
  };
}

const net = require('node:net');
trap(net, 'connect', 'net.connect');
trap(net, 'createConnection', 'net.createConnection');
trap(net.Socket.prototype, 'connect', 'net.Socket.connect');
trap(require('node:tls'), 'connect', 'tls.connect');
const dns = require('node:dns');
for (const name of ['lookup', 'lookupService', 'resolve', 'resolve4', 'resolve6', 'resolveAny', 'resolveTxt', 'reverse']) {
  trap(dns, name, `dns.${name}`);
  trap(dns.promises, name, `dns.promises.${name}`);
}
for (const module of ['http', 'https']) {
  const m = require(`node:${module}`);
  trap(m, 'request', `${module}.request`);
  trap(m, 'get', `${module}.get`);
}
trap(require('node:http2'), 'connect', 'http2.connect');
trap(require('node:dgram'), 'createSocket', 'dgram.createSocket');
const childProcess = require('node:child_process');
for (const name of ['spawn', 'spawnSync', 'exec', 'execSync', 'execFile', 'execFileSync', 'fork']) trap(childProcess, name, `child_process.${name}`);
trap(globalThis, 'fetch', 'fetch');
if (typeof globalThis.WebSocket === 'function') {
  globalThis.WebSocket = function WebSocket(url) {
    record(`WebSocket ${url}`);
    throw new Error(`network access blocked by the privacy test: WebSocket ${url}`);
  };
}
