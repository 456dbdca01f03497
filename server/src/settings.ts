import type { AnalyzeOptions, LexiconExtensions, Severity } from './core/model';

/** In the editor, an analysis that has run this long reports what it has rather than finishing. */
export const EDITOR_TIME_BUDGET_MS = 10_000;

/** The `pressMarkup.*` settings the server uses, after validation. */
export interface ServerSettings {
  rules: Record<string, Severity | 'off'>;
  lexicon: Required<LexiconExtensions>;
  /** Show the resolved calendar date after relative dates ("Tuesday = Tuesday, July 2, 2013"). */
  relativeDateHints: boolean;
  /** Documents larger than this many characters get one information diagnostic instead of an analysis. */
  maxDocumentSize: number;
  /** At most this many problems are sent to the editor for one document, the most serious first. */
  maxProblems: number;
}

export const defaultSettings: ServerSettings = {
  rules: {},
  lexicon: { titles: [], speechVerbs: [], honorifics: [], organizations: [] },
  relativeDateHints: true,
  maxDocumentSize: 5_000_000,
  maxProblems: 1000,
};

const RULE_LEVELS = new Set(['error', 'warning', 'information', 'hint', 'off']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function stringList(value: unknown, name: string, problems: string[]): string[] {
  if (value === undefined || value === null) return [];
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.map((v) => v.trim()).filter(Boolean);
  problems.push(`Setting pressMarkup.lexicon.${name} must be a list of words; it is ignored.`);
  return [];
}

/**
 * Validates settings as they come from any editor: wrong types are reported in plain words and
 * replaced by defaults, so a typo in settings.json never breaks the analysis.
 */
export function parseSettings(raw: unknown): { settings: ServerSettings; problems: string[] } {
  const problems: string[] = [];
  if (raw === undefined || raw === null) return { settings: defaultSettings, problems };
  if (!isRecord(raw)) return { settings: defaultSettings, problems: ['Settings for pressMarkup must be an object; defaults are used.'] };

  const rules: ServerSettings['rules'] = {};
  if (raw.rules !== undefined && raw.rules !== null) {
    if (!isRecord(raw.rules)) {
      problems.push('Setting pressMarkup.rules must map rule codes to a severity; it is ignored.');
    } else {
      for (const [code, level] of Object.entries(raw.rules)) {
        if (typeof level === 'string' && RULE_LEVELS.has(level)) rules[code] = level as Severity | 'off';
        else problems.push(`Setting pressMarkup.rules.${code} must be one of error, warning, information, hint, off; the default is used.`);
      }
    }
  }

  const lexiconRaw = isRecord(raw.lexicon) ? raw.lexicon : {};
  if (raw.lexicon !== undefined && raw.lexicon !== null && !isRecord(raw.lexicon)) {
    problems.push('Setting pressMarkup.lexicon must be an object of word lists; it is ignored.');
  }
  const lexicon = {
    titles: stringList(lexiconRaw.titles, 'titles', problems),
    speechVerbs: stringList(lexiconRaw.speechVerbs, 'speechVerbs', problems),
    honorifics: stringList(lexiconRaw.honorifics, 'honorifics', problems),
    organizations: stringList(lexiconRaw.organizations, 'organizations', problems),
  };
  let relativeDateHints = defaultSettings.relativeDateHints;
  const hints = isRecord(raw.inlayHints) ? raw.inlayHints.relativeDates : undefined;
  if (typeof hints === 'boolean') relativeDateHints = hints;
  else if (hints !== undefined && hints !== null) problems.push('Setting pressMarkup.inlayHints.relativeDates must be true or false; the default is used.');
  let maxDocumentSize = defaultSettings.maxDocumentSize;
  if (typeof raw.maxDocumentSize === 'number' && Number.isFinite(raw.maxDocumentSize) && raw.maxDocumentSize > 0) {
    maxDocumentSize = raw.maxDocumentSize;
  } else if (raw.maxDocumentSize !== undefined && raw.maxDocumentSize !== null) {
    problems.push('Setting pressMarkup.maxDocumentSize must be a positive number of characters; the default is used.');
  }
  let maxProblems = defaultSettings.maxProblems;
  if (typeof raw.maxProblems === 'number' && Number.isFinite(raw.maxProblems) && raw.maxProblems >= 1) {
    maxProblems = Math.floor(raw.maxProblems);
  } else if (raw.maxProblems !== undefined && raw.maxProblems !== null) {
    problems.push('Setting pressMarkup.maxProblems must be a number of at least 1; the default is used.');
  }
  return { settings: { rules, lexicon, relativeDateHints, maxDocumentSize, maxProblems }, problems };
}

export function analyzeOptionsFrom(settings: ServerSettings): AnalyzeOptions {
  return { ruleSeverities: settings.rules, lexicon: settings.lexicon, maxTextLength: settings.maxDocumentSize, timeBudgetMs: EDITOR_TIME_BUDGET_MS };
}
