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
  /** Where that analysis looked it up: its index in the analysis's lookups. */
  position: number;
}

export class ParagraphCache<T> {
  /** One entry per paragraph text: the one last computed, for lookups away from where the last analysis made them. */
  private readonly entries = new Map<string, Entry<T>>();
  /** The entries of the last analysis's lookups, in order, and those of this one so far. */
  private previous: Entry<T>[] = [];
  private current: Entry<T>[] = [];
  private currentCount = 0;
  /** Where in `previous` the next lookup is expected: a stage asks for its paragraphs in the same order every time. */
  private cursor = 0;
  private analysis = 0;
  /** How many distinct entries the last analysis used (a text found twice has one), and how many of them this one has used so far. */
  private previousDistinct = 0;
  private reused = 0;
  /** How many distinct entries this analysis has used or made so far. */
  private currentDistinct = 0;
  /** Entries of the last analysis this one passed over, where a changed paragraph's entry is likely to be. */
  private passedOver: Entry<T>[] = [];

  /**
   * The value for `key` in `context`, computed by `compute` on an independent copy of the key when
   * no analysis left one. A stage whose results depend on earlier paragraphs passes that state as
   * `context`; one text may have a value in each context in which the last analysis used it.
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
    // The entry the last analysis used at this point is nearly always the one: comparing it costs
    // far less than a hash lookup, which reads the key's string, the table and its chain, all long out of the CPU's cache.
    const expected = this.previous[this.cursor];
    if (expected !== undefined && expected.key === key && expected.context === context) {
      this.cursor++;
      return this.use(expected);
    }
    const entry = this.entries.get(key);
    if (entry && entry.context === context) {
      // A paragraph inserted or deleted before this one: later lookups follow on from here.
      if (entry.used === this.analysis - 1) this.cursor = entry.position + 1;
      return this.use(entry);
    }
    // Most likely the paragraph at the cursor was edited into this one.
    if (expected !== undefined) this.passedOver.push(expected);
    this.cursor++;
    const ownKey = entry?.key ?? (copy ? detached(key) : key);
    const value = compute(ownKey);
    const created: Entry<T> = { key: ownKey, context, value, used: this.analysis, position: this.currentCount };
    this.entries.set(ownKey, created);
    this.current[this.currentCount++] = created;
    this.currentDistinct++;
    return value;
  }

  private use(entry: Entry<T>): T {
    if (entry.used !== this.analysis) {
      this.currentDistinct++;
      if (entry.used === this.analysis - 1) this.reused++;
    }
    entry.used = this.analysis;
    entry.position = this.currentCount;
    this.current[this.currentCount++] = entry;
    return entry.value;
  }

  /**
   * Ends one analysis: what it did not use is dropped, what it used is kept for the next one.
   * Only the last analysis's entries can have gone unused. After an edit those are nearly always
   * among the few passed over; when they do not account for all, every one is checked.
   */
  settle(): void {
    const unused = this.previousDistinct - this.reused;
    if (unused > 0 && this.dropUnused(this.passedOver) !== unused) this.dropUnused(this.previous);
    this.passedOver.length = 0;
    this.previousDistinct = this.currentDistinct;
    this.currentDistinct = 0;
    this.reused = 0;
    this.current.length = this.currentCount;
    this.previous = this.current;
    // Made at its likely size, so that filling it does not copy it as it grows.
    this.current = new Array(this.currentCount);
    this.currentCount = 0;
    this.cursor = 0;
    this.analysis++;
  }

  /** Drops the entries of `entries` this analysis did not use; returns how many there were. */
  private dropUnused(entries: readonly Entry<T>[]): number {
    let dropped = 0;
    for (const entry of entries) {
      if (entry.used === this.analysis) continue;
      if (this.entries.get(entry.key) === entry) this.entries.delete(entry.key);
      // Counted once, even when passed over twice.
      entry.used = this.analysis;
      dropped++;
    }
    return dropped;
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
  }
}

/** The stage's cache in `cache`, or one for this analysis only. */
export function stageCache<T>(cache: AnalysisCache | undefined, stage: string): ParagraphCache<T> {
  return cache ? cache.for<T>(stage) : new ParagraphCache<T>();
}
