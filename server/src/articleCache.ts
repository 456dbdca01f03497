import type { TextDocument } from 'vscode-languageserver-textdocument';
import { IncrementalAnalyzer } from './core/analyze';
import type { AnalyzeOptions, Article } from './core/model';

interface Entry {
  version: number;
  optionsEpoch: number;
  article: Article;
  /** Keeps the per-paragraph work of this document's analyses under the current options. */
  analyzer: IncrementalAnalyzer;
}

/**
 * One analysis per document version: diagnostics, hover and symbols all read the same Article,
 * so a request never re-analyses text that has not changed; a new version re-analyses only the
 * paragraphs that changed.
 */
export class ArticleCache {
  private readonly entries = new Map<string, Entry>();
  private options: AnalyzeOptions = {};
  private optionsEpoch = 0;

  /**
   * New options make every document's next analysis read it whole; the same options again (editors send settings
   * again unchanged, e.g. pulled just after a document opened) keep the analyses.
   */
  setOptions(options: AnalyzeOptions): void {
    if (JSON.stringify(options) === JSON.stringify(this.options)) return;
    this.options = options;
    this.optionsEpoch++;
  }

  get(document: TextDocument): Article {
    const cached = this.entries.get(document.uri);
    const text = document.getText();
    // Versions alone are not trusted: a misbehaving editor can repeat one with new text.
    if (cached && cached.version === document.version && cached.optionsEpoch === this.optionsEpoch && cached.article.text === text) {
      return cached.article;
    }
    const analyzer = cached?.optionsEpoch === this.optionsEpoch ? cached.analyzer : new IncrementalAnalyzer(this.options);
    const article = analyzer.analyze(text);
    this.entries.set(document.uri, { version: document.version, optionsEpoch: this.optionsEpoch, article, analyzer });
    return article;
  }

  /** Whether the next analysis of `uri` builds on an earlier one (an edit), rather than reading the whole text (an open, or new settings). */
  buildsOnEarlierAnalysis(uri: string): boolean {
    return this.entries.get(uri)?.optionsEpoch === this.optionsEpoch;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
