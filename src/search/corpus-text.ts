/**
 * "Does the corpus print this string?", asked hundreds of times by one query that joins
 * dictionary pieces into compounds. A scan of the whole text per question cost milliseconds; here
 * each character keeps where it occurs, and a string is checked only where its rarest character is.
 * Pure.
 */
export class CorpusText {
  private readonly text: string;
  private readonly at = new Map<string, Int32Array>();

  /** @param texts the questions and paragraphs, folded as queries are */
  constructor(texts: Iterable<string>) {
    this.text = [...new Set(texts)].join('\n');
    const lists = new Map<string, number[]>();
    for (let i = 0; i < this.text.length; i++) {
      const c = this.text[i]!;
      const list = lists.get(c);
      if (list) list.push(i);
      else lists.set(c, [i]);
    }
    for (const [c, list] of lists) this.at.set(c, Int32Array.from(list));
  }

  /** Whether some question or paragraph holds `s`. */
  includes(s: string): boolean {
    if (s === '') return true;
    let rarest: Int32Array | undefined;
    let offset = 0;
    for (let k = 0; k < s.length; k++) {
      const list = this.at.get(s[k]!);
      if (!list) return false;
      if (!rarest || list.length < rarest.length) {
        rarest = list;
        offset = k;
      }
    }
    for (const p of rarest!) if (p >= offset && this.text.startsWith(s, p - offset)) return true;
    return false;
  }
}
