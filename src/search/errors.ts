/**
 * Errors in what a user asked of the search (an empty query, a year not in the corpus…), as typed
 * data: the Discord layer and the console render them per language from the fields, never by
 * reading the English message back.
 */

/** What was wrong with a query, with the values at fault. */
export type SearchProblem =
  | { readonly code: 'empty' }
  | { readonly code: 'too-long'; readonly length: number; readonly max: number }
  | { readonly code: 'unknown-year'; readonly year: number; readonly years: readonly number[] }
  | { readonly code: 'not-a-year'; readonly value: string }
  | { readonly code: 'several-years'; readonly years: readonly number[] }
  | { readonly code: 'conflicting-years'; readonly typed: number; readonly option: number }
  | { readonly code: 'unknown-topic'; readonly query: string; readonly words: readonly string[]; readonly suggestions: readonly string[] }
  | { readonly code: 'unknown-id'; readonly id: string };

/** The problem in English, prefixed with the module name (for the command line and logs). */
export function searchMessage(p: SearchProblem): string {
  switch (p.code) {
    case 'empty':
      return 'search: the query is empty';
    case 'too-long':
      return `search: the query is ${p.length} characters long; the limit is ${p.max}`;
    case 'unknown-year':
      return `search: no conference in ${p.year}; the corpus has ${p.years.join(', ')}`;
    case 'not-a-year':
      return `search: "${p.value}" is not a year; years look like 2024`;
    case 'several-years':
      return `search: the query names several years (${p.years.join(', ')}); ask for one, or compare them with /compare`;
    case 'conflicting-years':
      return `search: the query says ${p.typed} but the year option says ${p.option}`;
    case 'unknown-topic': {
      const words = p.words.length > 0 ? p.words.join(', ') : p.query;
      const hint = p.suggestions.length > 0 ? `; did you mean ${p.suggestions.join(', ')}?` : '';
      return `search: unknown topic "${p.query}": no topic is named and "${words}" is not in the corpus${hint}`;
    }
    case 'unknown-id':
      return `search: no exchange with id "${p.id}"; ids look like 2024-09`;
  }
}

/** An error in what the user asked; `problem` says what, with the values. */
export class SearchError extends Error {
  override name = 'SearchError';
  constructor(readonly problem: SearchProblem) {
    super(searchMessage(problem));
  }

  /** The kind of problem. */
  get code(): SearchProblem['code'] {
    return this.problem.code;
  }
}
