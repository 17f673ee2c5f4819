/**
 * Compounds the dictionary does not list: Chinese builds terms from pieces (海警 + 法 → 海警法
 * "coast guard law", 航行 + 自由 → 航行自由 "freedom of navigation", 新 + 质 + 生产力 → 新质生产力
 * "new quality productive forces"). When no dictionary entry covers a phrase a user types, its
 * words are translated one run at a time and the pieces joined, in the typed order and with the
 * parts around `of`/`in`/`for` swapped (Chinese puts the modifier first); a compound counts only
 * where the corpus prints it, so nothing is invented.
 *
 * The piece map (English stems → headwords the corpus text contains, single characters included)
 * is built with the index from CC-CEDICT and cached beside it; matching is pure.
 */
import { stemmer } from 'stemmer';
import { ambiguity, englishStopWords, entryLine, normalizeEnglish, senseForms, senseRank, sensesOf } from './dictionary.js';

/** Stemmed English (one to three content words, space-separated) → headwords, best first. */
export interface PieceMap {
  readonly version: 1;
  readonly entries: Readonly<Record<string, readonly string[]>>;
}

/** Words that join a head and its modifier the other way round from Chinese (`summit of the future` → 未来峰会). */
const reversing: ReadonlySet<string> = new Set(['of', 'in', 'for', 'on']);
/** Pieces kept per key. */
const maxPieces = 10;
/** Partial compounds kept while joining pieces left to right. */
const maxPartials = 64;
/** The weight of a piece under one word of a longer sense. */
const partialWord = 0.25;
/** Stems this long or longer may differ in their last two letters (`geograph`, `geographi`). */
const nearStem = 6;

/** The stems of the content words of normalised English (`year of the ox` → `year ox`). */
export const stems = (words: readonly string[]): string[] => words.filter((w) => !englishStopWords.has(w)).map((w) => stemmer(w));

/**
 * Builds the piece map: every CC-CEDICT headword (simplified) that `corpusText` contains, under the
 * stems of each sense of one to three content words. Index-build time only.
 */
export function buildPieceMap(dictionary: string, corpusText: string): PieceMap {
  const inCorpus = new Map<string, boolean>();
  const contains = (term: string) => {
    let known = inCorpus.get(term);
    if (known === undefined) inCorpus.set(term, (known = corpusText.includes(term)));
    return known;
  };
  const weights = new Map<string, Map<string, number>>();
  const add = (key: string, term: string, weight: number) => {
    let terms = weights.get(key);
    if (!terms) weights.set(key, (terms = new Map<string, number>()));
    if (weight > (terms.get(term) ?? 0)) terms.set(term, weight);
  };
  for (const line of dictionary.split('\n')) {
    const m = entryLine.exec(line);
    if (!m) continue;
    const [, term = '', , definition = ''] = m;
    if (!/^\p{Script=Han}+$/u.test(term) || !contains(term)) continue;
    const senses = sensesOf(definition)
      .map(senseForms)
      .filter((s) => s.forms.length > 0);
    senses.forEach(({ forms, register }, index) => {
      for (const { words, part } of forms) {
        const key = stems(words);
        if (key.length === 0 || key.length > 3) continue;
        const weight = register * part * senseRank(index) * ambiguity(senses.length);
        add(key.join(' '), term, weight);
        // A word of a longer sense names the whole less well (峰会 `summit meeting` for `summit`).
        if (key.length > 1) for (const k of key) add(k, term, weight * partialWord);
      }
    });
  }
  const entries: Record<string, string[]> = {};
  for (const key of [...weights.keys()].sort()) {
    entries[key] = [...weights.get(key)!]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, maxPieces)
      .map(([t]) => t);
  }
  return { version: 1, entries };
}

/** Looks pieces up by stems, letting long single stems differ at the end (`geographical` finds `geography`). */
export class PieceLookup {
  private readonly byPrefix = new Map<string, string[]>();

  constructor(private readonly map: PieceMap) {
    for (const key of Object.keys(map.entries)) {
      if (key.includes(' ') || key.length < nearStem) continue;
      const p = key.slice(0, nearStem);
      const list = this.byPrefix.get(p);
      if (list) list.push(key);
      else this.byPrefix.set(p, [key]);
    }
  }

  /** The pieces of a run of stems. */
  pieces(run: readonly string[]): readonly string[] {
    const key = run.join(' ');
    const exact = Object.hasOwn(this.map.entries, key) ? (this.map.entries[key] ?? []) : [];
    if (run.length > 1 || key.length < nearStem) return exact;
    const near = (this.byPrefix.get(key.slice(0, nearStem)) ?? []).filter(
      (k) => k !== key && Math.abs(k.length - key.length) <= 2 && (k.startsWith(key) || key.startsWith(k)),
    );
    return [...new Set([...exact, ...near.flatMap((k) => this.map.entries[k] ?? [])])];
  }
}

/**
 * The compounds of a phrase the corpus prints: its content words translated run by run and joined,
 * every word covered. `printed` says whether the corpus text holds a
 * string (partial compounds are pruned with it). Best first: fewer, longer pieces.
 */
export function compose(lookup: PieceLookup, phrase: string, printed: (s: string) => boolean, max = 3): string[] {
  const words = normalizeEnglish(phrase);
  // Parts between reversing words, each a list of stems.
  const parts: string[][] = [[]];
  for (const w of words) {
    if (reversing.has(w)) parts.push([]);
    else parts.at(-1)!.push(...stems([w]));
  }
  const content = parts.filter((p) => p.length > 0);
  if (content.flat().length < 2) return [];
  // Chinese puts the modifier first: around `of` the parts swap; without one, any split may (`trust government` → 政府信任).
  const flat = content.flat();
  const orders = content.length > 1 ? [content, [...content].reverse()] : flat.map((_, k) => (k === 0 ? [flat] : [flat.slice(k), flat.slice(0, k)]));
  const found = new Map<string, number>();
  for (const order of orders) {
    const seq = order.flat();
    // partial[i]: compounds covering seq[0..i), with the number of pieces used.
    const partial: Map<string, number>[] = seq.map(() => new Map<string, number>());
    partial.push(new Map());
    partial[0]!.set('', 0);
    for (let i = 0; i < seq.length; i++) {
      if (partial[i]!.size === 0) continue;
      // The pieces of each run starting here, looked up once for every compound that reaches here.
      const runs: { end: number; pieces: readonly string[] }[] = [];
      for (let j = Math.min(seq.length, i + 3); j > i; j--) runs.push({ end: j, pieces: lookup.pieces(seq.slice(i, j)) });
      partial[i]!.forEach((n, text) => {
        for (const { end, pieces } of runs) {
          const target = partial[end]!;
          for (const piece of pieces) {
            const next = text + piece;
            if (target.size >= maxPartials || (target.get(next) ?? Infinity) <= n + 1 || !printed(next)) continue;
            target.set(next, n + 1);
          }
        }
      });
    }
    partial[seq.length]!.forEach((n, text) => {
      if (n >= 1 && (found.get(text) ?? Infinity) > n) found.set(text, n);
    });
  }
  // A compound inside a longer one (假新 in 假新闻) is the longer one cut short.
  const texts = [...found.keys()];
  const whole = [...found].filter(([t]) => !texts.some((u) => u !== t && u.includes(t)));
  return whole
    .sort((a, b) => a[1] - b[1] || b[0].length - a[0].length || a[0].localeCompare(b[0]))
    .slice(0, max)
    .map(([t]) => t);
}
