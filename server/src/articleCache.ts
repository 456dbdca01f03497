import type { TextDocument } from 'vscode-languageserver-textdocument';
import { analyze } from './core/analyze';
import type { AnalyzeOptions, Article } from './core/model';

interface Entry {
  version: number;
  optionsEpoch: number;
  article: Article;
}

/**
 * One analysis per document version: diagnostics, hover and symbols all read the same Article,
 * so a request never re-analyses text that has not changed.
 */
export class ArticleCache {
  private readonly entries = new Map<string, Entry>();
  private options: AnalyzeOptions = {};
  private optionsEpoch = 0;

  setOptions(options: AnalyzeOptions): void {
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
    const article = analyze(text, this.options);
    this.entries.set(document.uri, { version: document.version, optionsEpoch: this.optionsEpoch, article });
    return article;
  }

  forget(uri: string): void {
    this.entries.delete(uri);
  }
}
