/**
 * What the browser's search loads (`assets/search.json`): the bot's own MiniSearch index, the
 * index's vocabulary (to cut Chinese queries into index words), the English map of the dictionary
 * layer, and each exchange's questioner and question for the result list. Pure.
 */
import type { LoadedConference } from '../corpus/load.js';
import type { EnglishMap } from '../search/dictionary.js';

/** The search data, as a script: a page opened from disk (file://) may load scripts but not fetch files. */
export const searchDataScript = 'assets/search-data.js';
/** The search page's own script. */
export const searchScript = 'assets/search.js';
/** The global the search data script sets. */
export const searchDataGlobal = 'positionSearch';

/** The browser's search data. */
export interface SearchData {
  /** `JSON.parse` of the bot's `index.json` (MiniSearch `toJSON`, same options: `indexOptions`). */
  readonly index: unknown;
  /** Every word of the index, for longest-match segmentation of Chinese queries. */
  readonly vocab: readonly string[];
  /** English word or phrase → the corpus's Chinese words for it, best first (at most three). */
  readonly english: Readonly<Record<string, readonly string[]>>;
  /** Exchange id → year, questioner as printed, question as printed (or the first words of remarks). */
  readonly exchanges: Readonly<Record<string, { readonly y: number; readonly by: string | null; readonly q: string }>>;
}

/** English entries kept per key: the bot weighs more, the browser shows the best few. */
const englishTargets = 3;

/** Builds the browser's search data from the bot's index files and the corpus. */
export function searchData(indexJson: string, vocabulary: Iterable<string>, english: EnglishMap, conferences: readonly LoadedConference[]): SearchData {
  const entries: Record<string, string[]> = {};
  for (const [key, targets] of Object.entries(english.entries)) entries[key] = targets.slice(0, englishTargets).map(([word]) => word);
  const exchanges: Record<string, { y: number; by: string | null; q: string }> = {};
  for (const c of conferences)
    for (const e of c.exchanges)
      exchanges[e.id] = { y: c.year, by: e.questioner, q: e.question ?? `${[...(e.paragraphs[0]?.text ?? '')].slice(0, 60).join('')}…` };
  return { index: JSON.parse(indexJson) as unknown, vocab: [...vocabulary].filter((w) => /\p{Script=Han}/u.test(w)).sort(), english: entries, exchanges };
}
