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

/**
 * The closest words of `vocabulary` to `word` within its typo budget: one when it is clear, several
 * (a tie) when it is not, none when nothing is close.
 */
export function closestWords(word: string, vocabulary: Iterable<string>): string[] {
  const budget = typoBudget(word);
  if (budget === 0) return [];
  let best = budget + 1;
  let found: string[] = [];
  for (const v of vocabulary) {
    const d = editDistance(word, v, Math.min(best, budget));
    if (d < best) {
      best = d;
      found = [v];
    } else if (d === best && d <= budget) found.push(v);
  }
  return best <= budget ? found.sort() : [];
}
