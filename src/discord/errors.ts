/** What an error tells the user: their input's fault in their language, else a short apology. */
import { PhraseError } from '../formulations/input.js';
import { SearchError } from '../search/engine.js';
import { UserError } from './command.js';
import { labels, type Lang } from './i18n.js';
import { phraseProblemText } from '../render/phrase-labels.js';

/** True for errors caused by what the user asked (shown as is), false for our faults. */
export function isUserError(error: unknown): error is UserError | SearchError | PhraseError {
  return error instanceof UserError || error instanceof SearchError || error instanceof PhraseError;
}

/** The message shown to the user for an error, in their language (`i18n.ts`). */
export function userMessage(error: unknown, lang: Lang, years: readonly number[]): string {
  const E = labels(lang).errors;
  if (error instanceof SearchError) {
    const p = error.problem;
    switch (p.code) {
      case 'unknown-year':
        return E.unknownYear(p.year, years);
      case 'not-a-year':
        return E.notAYear(p.value);
      case 'several-years':
        return E.severalYears(p.years);
      case 'conflicting-years':
        return E.conflictingYears(p.typed, p.option);
      case 'empty':
        return E.empty;
      case 'too-long':
        return E.tooLong(p.length, p.max);
      case 'unknown-topic':
        return E.unknownTopic(p.words.length > 0 ? p.words : [p.query], p.suggestions);
      case 'unknown-id':
        return E.unknownId;
    }
  }
  if (error instanceof PhraseError) return phraseProblemText(error.problem, lang);
  if (error instanceof UserError) return error.message;
  return E.apology;
}
