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
  /** Values by context: what else besides the text a value depends on (empty for most stages). */
  values: Map<string, T>;
}

export class ParagraphCache<T> {
  private previous = new Map<string, Entry<T>>();
  private current = new Map<string, Entry<T>>();

  /**
   * The value for `key` in `context`, computed by `compute` on an independent copy of the key when
   * the last analysis did not leave one. A stage whose results depend on earlier paragraphs passes
   * that state as `context`, short, so the paragraph text is stored once whatever the state.
   */
  get(key: string, compute: (ownKey: string) => T, context = ''): T {
    let entry = this.current.get(key);
    const earlier = entry ? undefined : this.previous.get(key);
    if (earlier && earlier.values.size === 1 && earlier.values.has(context)) {
      // The usual case after an edit elsewhere: the paragraph as it was, in the same context.
      this.current.set(earlier.key, earlier);
      return earlier.values.get(context) as T;
    }
    if (!entry) {
      entry = { key: earlier?.key ?? detached(key), values: new Map() };
      this.current.set(entry.key, entry);
    }
    if (entry.values.has(context)) return entry.values.get(context) as T;
    const value = earlier?.values.has(context) ? (earlier.values.get(context) as T) : compute(entry.key);
    entry.values.set(context, value);
    return value;
  }

  /** Ends one analysis: what it did not use is dropped, what it used is kept for the next one. */
  settle(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get size(): number {
    return this.current.size + this.previous.size;
  }
}

/** A flat copy of `s` that shares no memory with the string it was sliced from. */
function detached(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf16le').toString('utf16le');
}

/**
 * The paragraph caches of every stage, for one document under one set of options (a change of
 * settings starts a new one). Stages name their own cache; without an AnalysisCache they run the
 * same code on a cache that lives for one analysis, so cached and fresh results cannot differ.
 */
export class AnalysisCache {
  private readonly stages = new Map<string, ParagraphCache<unknown>>();
  /** The paragraphs' texts in the last analysis, in order: where the next one looks first. */
  paragraphTexts: readonly string[] = [];

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
}

/** The stage's cache in `cache`, or one for this analysis only. */
export function stageCache<T>(cache: AnalysisCache | undefined, stage: string): ParagraphCache<T> {
  return cache ? cache.for<T>(stage) : new ParagraphCache<T>();
}
