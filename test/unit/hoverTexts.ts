import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

const SAMPLES = path.resolve(__dirname, '../../samples');

/**
 * Texts for the tests of what a hover finds: the bundled samples, then two short texts dense with nested
 * quotes, names, honorifics and dates.
 */
export const HOVER_TEXTS: readonly string[] = [
  ...readdirSync(SAMPLES).map((name) => readFileSync(path.join(SAMPLES, name), 'utf8')),
  '“He said ‘we will go Tuesday night’ and left,” Kim said on Tuesday. Mr. Kim’s aide, Kim Jong-Un, and Kim met Monday morning, March 3, 2013.',
  'WASHINGTON (AP) — President Obama said Friday that “the talks are over.” Obama, 51, said. “Now,” he said, “we wait.” Last week and next month.',
];
