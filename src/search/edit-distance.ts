/** Edit distance for forgiving input: what a typo is. Pure. */

/**
 * The optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
 * neighbouring letters each cost 1 (`tawian` → `taiwan` is 1, `ukriane` → `ukraine` is 1).
 * Stops early and returns `max + 1` once the distance must exceed `max`.
 */
export function editDistance(a: string, b: string, max = Number.POSITIVE_INFINITY): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prevPrev: number[] = [];
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let best = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prevPrev[j - 2]! + 1);
      row.push(d);
      best = Math.min(best, d);
    }
    if (best > max) return max + 1;
    prevPrev = prev;
    prev = row;
  }
  return prev[b.length]!;
}

/** How many typos a word of this length may carry and still be read as another word. */
export function typoBudget(word: string): number {
  const n = [...word].length;
  return n < 4 ? 0 : n < 8 ? 1 : 2;
}

/** The set of Latin letters and digits a word has, as bits (others share one bit). */
function letterMask(word: string): number {
  let mask = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    mask |= 1 << (c >= 97 && c <= 122 ? c - 97 : c >= 48 && c <= 57 ? 26 + (c % 4) : 30);
  }
  return mask;
}

function popcount(x: number): number {
  let n = 0;
  for (let v = x >>> 0; v !== 0; v &= v - 1) n++;
  return n;
}

/**
 * A vocabulary prepared for typo lookups: words bucketed by length, each with the set of letters
 * it uses. One edit changes at most two letters of that set, so a word whose set differs from the
 * typed word's in more than two letters per edit allowed is skipped without computing a distance.
 */
export class Lexicon {
  private readonly byLength = new Map<number, { words: string[]; masks: number[] }>();

  constructor(words: Iterable<string>) {
    for (const w of new Set(words)) {
      let bucket = this.byLength.get(w.length);
      if (!bucket) this.byLength.set(w.length, (bucket = { words: [], masks: [] }));
      bucket.words.push(w);
      bucket.masks.push(letterMask(w));
    }
  }

  /** The words within `d` of `word` in length that may be within `d` edits of it. */
  *near(word: string, d: number): Generator<string> {
    const mask = letterMask(word);
    for (let n = word.length - d; n <= word.length + d; n++) {
      const bucket = this.byLength.get(n);
      if (!bucket) continue;
      for (let i = 0; i < bucket.words.length; i++) if (popcount(bucket.masks[i]! ^ mask) <= 2 * d) yield bucket.words[i]!;
    }
  }
}

/**
 * The closest words of `vocabulary` to `word` within its typo budget: one when it is clear, several
 * (a tie) when it is not, none when nothing is close.
 */
export function closestWords(word: string, vocabulary: Iterable<string> | Lexicon): string[] {
  const budget = typoBudget(word);
  if (budget === 0) return [];
  let best = budget + 1;
  let found: string[] = [];
  for (const v of vocabulary instanceof Lexicon ? vocabulary.near(word, budget) : vocabulary) {
    const d = editDistance(word, v, Math.min(best, budget));
    if (d < best) {
      best = d;
      found = [v];
    } else if (d === best && d <= budget) found.push(v);
  }
  return best <= budget ? found.sort() : [];
}
