/**
 * Results of per-paragraph work kept by paragraph content from one analysis of a document to the
 * next, so that an edit re-analyses only the paragraphs it touched.
 *
 * A value must depend on nothing but its key (and settings, which reset the cache), hold offsets
 * relative to its paragraph, and never hold the document's text: V8 keeps a whole string alive
 * while any slice of it lives, so keys are stored as copies and values are computed on them.
 */
interface Entry<T> {
  /** The paragraph text, as an independent copy. */
  key: string;
  /** What else besides the text the value depends on (empty for most stages). */
  context: string;
  value: T;
  /** The last analysis that used the entry. */
  used: number;
}

export class ParagraphCache<T> {
  private readonly entries = new Map<string, Entry<T>>();
  private analysis = 0;

  /**
   * The value for `key` in `context`, computed by `compute` on an independent copy of the key when
   * no analysis left one. A stage whose results depend on earlier paragraphs passes that state as
   * `context`; one context is kept per paragraph text, the one last asked for.
   */
  get(key: string, compute: (ownKey: string) => T, context = ''): T {
    return this.lookup(key, compute, context, true);
  }

  /**
   * Like get, for a key that is already a string of its own, as Paragraph.text is: it is stored as
   * it is, so every stage keyed on a paragraph's text shares one copy of it.
   */
  getOwn(ownKey: string, compute: (ownKey: string) => T, context = ''): T {
    return this.lookup(ownKey, compute, context, false);
  }

  private lookup(key: string, compute: (ownKey: string) => T, context: string, copy: boolean): T {
    const entry = this.entries.get(key);
    if (entry && entry.context === context) {
      entry.used = this.analysis;
      return entry.value;
    }
    const ownKey = entry?.key ?? (copy ? detached(key) : key);
    const value = compute(ownKey);
    this.entries.set(ownKey, { key: ownKey, context, value, used: this.analysis });
    return value;
  }

  /**
   * Ends one analysis: what it did not use is dropped, what it used is kept for the next one.
   * Entries are marked rather than moved to a new map, so an analysis that changes little allocates little.
   */
  settle(): void {
    for (const [key, entry] of this.entries) if (entry.used !== this.analysis) this.entries.delete(key);
    this.analysis++;
  }

  get size(): number {
    return this.entries.size;
  }
}

/** The one empty list that cached values share, so that the many paragraphs without a finding cost nothing. */
export const NONE: readonly never[] = [];

/** A list as a cache keeps it: an exact copy (a list grown by pushing keeps room for more), or the shared empty one. */
export function kept<T>(items: T[]): readonly T[] {
  return items.length === 0 ? NONE : items.slice();
}

const BEYOND_LATIN1 = /[^\u0000-\u00ff]/;

/**
 * A flat copy of `s` that shares no memory with the string it was sliced from; one byte per
 * character when it can be (a paragraph of a document with one curly quote anywhere would
 * otherwise take two).
 */
export function detached(s: string): string {
  if (s.length < 13) return s;
  return BEYOND_LATIN1.test(s) ? Buffer.from(s, 'utf16le').toString('utf16le') : Buffer.from(s, 'latin1').toString('latin1');
}

/**
 * The paragraph caches of every stage, for one document under one set of options (a change of
 * settings starts a new one). Stages name their own cache; without an AnalysisCache they run the
 * same code on a cache that lives for one analysis, so cached and fresh results cannot differ.
 */
export class AnalysisCache {
  private readonly stages = new Map<string, ParagraphCache<unknown>>();
  private readonly documentValues = new Map<string, unknown>();
  /** The paragraphs' texts in the last analysis, in order: where the next one looks first. */
  paragraphTexts: readonly string[] = [];

  /** What a stage kept for the whole document (not per paragraph) from the last analysis, if anything. */
  documentValue<T>(stage: string): T | undefined {
    return this.documentValues.get(stage) as T | undefined;
  }

  /** Keeps `value` for the stage's next analysis; it must depend only on what the stage checks before using it. */
  keepDocumentValue<T>(stage: string, value: T): void {
    this.documentValues.set(stage, value);
  }

  for<T>(stage: string): ParagraphCache<T> {
    let cache = this.stages.get(stage);
    if (!cache) {
      cache = new ParagraphCache<unknown>();
      this.stages.set(stage, cache);
    }
    return cache as ParagraphCache<T>;
  }

  /** Ends one analysis in every stage. */
  settle(): void {
    for (const cache of this.stages.values()) cache.settle();
  }

  /** Drops everything, for a text that is not analysed at all. */
  clear(): void {
    this.stages.clear();
    this.documentValues.clear();
    this.paragraphTexts = [];
  }
}

/** The stage's cache in `cache`, or one for this analysis only. */
export function stageCache<T>(cache: AnalysisCache | undefined, stage: string): ParagraphCache<T> {
  return cache ? cache.for<T>(stage) : new ParagraphCache<T>();
}
