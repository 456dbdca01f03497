import { isWhiteSpaceCode } from '../core/chars';

/**
 * The start of `text` on one line: white space runs become one space, and past `max` characters it
 * is cut with an ellipsis. Only the start that can show is flattened, so an outline of thousands of
 * quotations (rebuilt after every edit) does not copy each one whole.
 */
export function excerpt(text: string, max: number): string {
  // Flattened, text[0, end) holds more than `max` characters, or is all of `text`.
  let shown = 0;
  let afterSpace = false;
  let end = 0;
  for (; end < text.length && shown <= max; end++) {
    if (isWhiteSpaceCode(text.charCodeAt(end))) {
      afterSpace = shown > 0;
      continue;
    }
    shown += afterSpace ? 2 : 1;
    afterSpace = false;
  }
  const flat = text.slice(0, end).replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
