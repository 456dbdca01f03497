import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A large analysis leaves its garbage (the tokens of every paragraph it read) on the heap until V8
 * next collects, and an idle server may not collect for a long time: the memory stays taken. After
 * such an analysis, once the server has been idle for IDLE_MS, one full collection gives it back.
 */
const IDLE_MS = 1000;

// V8 offers the collector to code only behind --expose-gc; set here, it shows in new contexts only.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

let timer: NodeJS.Timeout | undefined;

/** Asks for one full collection after IDLE_MS without another request; a later request postpones it. */
export function collectWhenIdle(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    timer = undefined;
    collect();
  }, IDLE_MS);
  timer.unref();
}

/** Work arrived: a pending collection waits until the server is idle again. */
export function postponeCollection(): void {
  if (timer) timer.refresh();
}
