import type { WorkDoneProgressServerReporter } from 'vscode-languageserver/node';
import { readableSize } from './core/analyze';

/**
 * A document this long takes over half a second to analyse the first time (0.67 s for 250 KB of news
 * in a fresh server here): long enough that an editor with no sign of work looks stuck.
 */
export const PROGRESS_MIN_LENGTH = 250_000;
/** An editor answers the request for a progress indicator at once; one that does not is not waited for. */
const CREATE_TIMEOUT_MS = 250;

export interface AnalysisProgress {
  done(): void;
}

/** The part of the connection's window that opens a progress indicator in the editor. */
interface ProgressWindow {
  createWorkDoneProgress(): Promise<WorkDoneProgressServerReporter>;
}

const NO_PROGRESS: AnalysisProgress = { done: () => undefined };

/** "north-korea.article" from a file URI; the whole URI when it has no path to speak of. */
function documentName(uri: string): string {
  const last = uri.slice(uri.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(last) || uri;
  } catch {
    return last || uri; // a malformed escape: show the URI as it came
  }
}

/**
 * Shows "Press Markup: Analysing NAME (SIZE)" in the editor (the status bar, in VS Code) and resolves
 * once that is on its way, so the synchronous analysis that follows does not hold the message back.
 * An editor without progress support, or one that fails or does not answer, gets none: the analysis
 * is never held up for it.
 */
export async function beginAnalysisProgress(window: ProgressWindow, uri: string, length: number): Promise<AnalysisProgress> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<null>((resolve) => (timer = setTimeout(() => resolve(null), CREATE_TIMEOUT_MS)));
  const reporter = await Promise.race([window.createWorkDoneProgress().catch(() => null), timedOut]);
  clearTimeout(timer);
  if (!reporter) return NO_PROGRESS;
  reporter.begin('Press Markup', undefined, `Analysing ${documentName(uri)} (${readableSize(length)})`);
  // The notification is written after a few promise turns; the analysis would block them until it ends.
  await new Promise((resolve) => setImmediate(resolve));
  return reporter;
}
