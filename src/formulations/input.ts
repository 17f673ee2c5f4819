/**
 * What a user types for `/phrase`, read: up to five phrases separated by commas, each in the form
 * it is matched in. Problems are typed data, rendered per language at the edges.
 */
import { normalizeQuery } from '../search/normalize.js';
import { matchForm, scopes, type Scope } from './text.js';

/** Longest phrase, in characters as typed. */
export const maxPhraseLength = 100;
/** Most phrases compared at once. */
export const maxPhrases = 5;

/** What was wrong with the input, with the values at fault. */
export type PhraseProblem =
  | { readonly kind: 'empty' }
  | { readonly kind: 'too-long'; readonly phrase: string; readonly length: number; readonly max: number }
  | { readonly kind: 'too-many'; readonly count: number; readonly max: number }
  | { readonly kind: 'no-chinese'; readonly phrase: string; readonly words: readonly string[] }
  | { readonly kind: 'bad-scope'; readonly value: string; readonly scopes: readonly Scope[] }
  | { readonly kind: 'same-year'; readonly year: number };

/** The problem in English, prefixed with the module name (for the command line and logs). */
export function phraseMessage(p: PhraseProblem): string {
  switch (p.kind) {
    case 'empty':
      return 'phrase: no phrase given; type one, or up to five separated by commas';
    case 'too-long':
      return `phrase: "${p.phrase.slice(0, 20)}…" is ${p.length} characters long; the limit is ${p.max}`;
    case 'too-many':
      return `phrase: ${p.count} phrases given; compare at most ${p.max} at once`;
    case 'no-chinese':
      return `phrase: no Chinese is known for "${p.phrase}" (${p.words.join(', ')}); type the Chinese phrase, or an English word of the dictionary`;
    case 'bad-scope':
      return `phrase: unknown scope "${p.value}"; use ${p.scopes.join(', ')}`;
    case 'same-year':
      return `keywords: ${p.year} is compared with itself; name another year, or none for all the others`;
  }
}

/** An error in what the user asked for `/phrase` or `/keywords`; `problem` says what. */
export class PhraseError extends Error {
  override name = 'PhraseError';
  constructor(readonly problem: PhraseProblem) {
    super(phraseMessage(problem));
  }
}

/** One phrase as typed, and whether it is Chinese (counted as typed) or to be mapped to Chinese. */
export interface TypedPhrase {
  readonly typed: string;
  /** Its match form when it has Chinese in it (counted as typed); null for English and other Latin input. */
  readonly form: string | null;
}

/** Quotation marks around a whole phrase: the phrase is what they quote. */
const surrounding = /^["'“”‘’「」『』《》]+|["'“”‘’「」『』《》]+$/gu;

/** Splits and checks the input. @throws PhraseError */
export function readPhrases(raw: string): TypedPhrase[] {
  const pieces = raw
    .split(/[,，;；]/u)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (pieces.length === 0) throw new PhraseError({ kind: 'empty' });
  if (pieces.length > maxPhrases) throw new PhraseError({ kind: 'too-many', count: pieces.length, max: maxPhrases });
  const phrases: TypedPhrase[] = [];
  for (const typed of pieces) {
    const length = [...typed].length;
    if (length > maxPhraseLength) throw new PhraseError({ kind: 'too-long', phrase: typed, length, max: maxPhraseLength });
    const normalized = normalizeQuery(typed);
    if (normalized.replace(surrounding, '').trim() === '') throw new PhraseError({ kind: 'empty' });
    const form = /\p{Script=Han}/u.test(normalized) ? formOfNormalized(normalized) : null;
    if (form === '') throw new PhraseError({ kind: 'empty' });
    if (!phrases.some((p) => p.typed === typed)) phrases.push({ typed, form });
  }
  return phrases;
}

/**
 * The match form of a Chinese phrase, as the text's (`多邊 主義` → `多边主义`), without quotation
 * marks around it (`“多边主义”`); marks inside it are part of it (`“一带一路”倡议`).
 */
export const phraseForm = (text: string): string => formOfNormalized(normalizeQuery(text));

/** `phraseForm` of text already normalised (OpenCC's conversion is the costly part; once is enough). */
const formOfNormalized = (normalized: string): string => matchForm(normalized.replace(surrounding, '')).form.replace(surrounding, '');

/** Reads a scope option; absent is the minister's words. @throws PhraseError */
export function readScope(value: string | undefined): Scope {
  if (value === undefined || value === '') return 'answers';
  const v = value.trim().toLowerCase();
  const found = scopes.find((s) => s === v || s.startsWith(v));
  if (!found) throw new PhraseError({ kind: 'bad-scope', value, scopes });
  return found;
}
