import { readdirSync } from 'node:fs';
import { setPriority } from 'node:os';

/** The lowest priority: helper threads run only when nothing else wants the processor. */
const HELPER_NICE = 19;

/**
 * V8 keeps optimising the server's code on helper threads for the first few hundred edits of a
 * document (and marks the heap there). On a machine with few cores, a hover arriving meanwhile
 * waited a few milliseconds for the processor behind them. On Linux a thread has a priority of its
 * own: the helpers are set to the lowest, so the thread that answers the editor goes first. Only
 * this process's threads are listed (/proc/self/task), all started before the server's code runs;
 * elsewhere nothing changes.
 */
export function lowerHelperThreadPriority(): void {
  if (process.platform !== 'linux') return;
  let threadIds: string[];
  try {
    threadIds = readdirSync('/proc/self/task');
  } catch {
    return; // no /proc (a sandbox): the helpers keep the default priority
  }
  for (const id of threadIds) {
    const threadId = Number(id);
    if (threadId === process.pid) continue; // the main thread answers requests
    try {
      setPriority(threadId, HELPER_NICE);
    } catch {
      // a thread that ended meanwhile, or a system that refuses: a slower hover, nothing worse
    }
  }
}
