import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/**
 * A large analysis leaves its garbage (the tokens of every paragraph it read) on the heap until V8
 * next collects, and an idle server may not collect for a long time: the memory stays taken. After
 * such an analysis, once the server has been idle for IDLE_MS, full collections give it back.
 */
const IDLE_MS = 1000;
/**
 * V8 shrinks the young generation (grown to its largest by the analysis) only in a collection that sees a low
 * allocation rate over its last 5 s: a second round, this long after the first, returns that memory too.
 */
const YOUNG_GENERATION_MS = 5500;

// V8 offers the collector to code only behind --expose-gc; set here, it shows in new contexts only.
setFlagsFromString('--expose-gc');
const collect = runInNewContext('gc') as () => void;

let timer: NodeJS.Timeout | undefined;

/** Asks for collections after IDLE_MS without another request; a later request postpones them. */
export function collectWhenIdle(): void {
  clearTimeout(timer);
  timer = setTimeout(() => {
    // The first collection leaves the pages it emptied to the sweeper; the second gives them back.
    collect();
    collect();
    timer = setTimeout(() => {
      timer = undefined;
      collect();
    }, YOUNG_GENERATION_MS);
    timer.unref();
  }, IDLE_MS);
  timer.unref();
}

/** Work arrived: a pending collection waits until the server is idle again. */
export function postponeCollection(): void {
  if (timer) timer.refresh();
}
