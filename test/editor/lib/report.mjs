// Records each user-visible check and prints it as it happens, with what was expected and what was on screen.

import expect from './expect.cjs';

export const { Mismatch } = expect;

function oneLine(text, max = 400) {
  const flat = String(text ?? '').replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat || '(nothing)';
}

export class Report {
  results = [];

  record(editor, name, ok, { expected, seen, note, seconds } = {}) {
    const result = { editor, name, ok, expected, seen, note, seconds };
    this.results.push(result);
    const time = seconds === undefined ? '' : ` (${seconds.toFixed(1)} s)`;
    console.log(`${ok ? '  pass' : '  FAIL'}  ${editor} › ${name}${time}${note ? ` — ${note}` : ''}`);
    if (!ok) {
      console.log(`          expected:  ${oneLine(expected)}`);
      console.log(`          on screen: ${oneLine(seen)}`);
    }
  }

  /** Runs one check; a thrown Mismatch is a failure with its expected/seen, anything else a failure with its message. */
  async check(editor, name, body) {
    const started = Date.now();
    try {
      const note = await body();
      this.record(editor, name, true, { note, seconds: (Date.now() - started) / 1000 });
      return true;
    } catch (error) {
      const seconds = (Date.now() - started) / 1000;
      if (error instanceof Mismatch) this.record(editor, name, false, { expected: error.expected, seen: error.seen, seconds });
      else this.record(editor, name, false, { expected: 'the check to run', seen: error?.stack ?? String(error), seconds });
      return false;
    }
  }

  summary() {
    const failed = this.results.filter((r) => !r.ok);
    const passed = this.results.length - failed.length;
    if (failed.length > 0) {
      console.log('\nFailed checks:');
      for (const r of failed) console.log(`  ${r.editor} › ${r.name}: expected ${oneLine(r.expected, 200)}; on screen ${oneLine(r.seen, 200)}`);
    }
    return { passed, failed: failed.length };
  }
}

/** Polls `attempt` until it returns without throwing or `timeoutMs` passes; rethrows the last failure. */
export async function until(timeoutMs, attempt, intervalMs = 250) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await attempt();
    } catch (error) {
      if (Date.now() + intervalMs > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, intervalMs));
    }
  }
}
