/**
 * The corpus's questions and paragraphs as one text with, for each character, where it occurs:
 * "does the corpus print this string?" (asked hundreds of times by one query that joins
 * dictionary pieces into compounds) and "which documents print it, how often?" (words looked up
 * as printed) are answered by checking only where the string's rarest character is, instead of
 * scanning every document. A range of documents (one year's) is a range of positions. Pure.
 */
export class CorpusText {
  private readonly text: string;
  /** Where each document starts in `text`, ascending. */
  private readonly starts: Int32Array;
  /** For each UTF-16 code unit, its positions in `text`, ascending. */
  private readonly at: (Int32Array | undefined)[] = [];

  /** @param texts the documents in order (folded as queries are; no newlines) */
  constructor(texts: readonly string[]) {
    this.text = texts.join('\n');
    this.starts = new Int32Array(texts.length);
    let offset = 0;
    texts.forEach((t, i) => {
      this.starts[i] = offset;
      offset += t.length + 1;
    });
    const counts = new Uint32Array(0x10000);
    for (let i = 0; i < this.text.length; i++) counts[this.text.charCodeAt(i)]!++;
    for (let c = 0; c < counts.length; c++) if (counts[c]! > 0) this.at[c] = new Int32Array(counts[c]!);
    const filled = new Uint32Array(0x10000);
    for (let i = 0; i < this.text.length; i++) {
      const c = this.text.charCodeAt(i);
      this.at[c]![filled[c]!++] = i;
    }
  }

  /** The positions of the rarest code unit of `s`, and its offset in `s`; null when one never occurs. */
  private rarest(s: string): { list: Int32Array; offset: number } | null {
    let list: Int32Array | undefined;
    let offset = 0;
    for (let k = 0; k < s.length; k++) {
      const l = this.at[s.charCodeAt(k)];
      if (!l) return null;
      if (!list || l.length < list.length) {
        list = l;
        offset = k;
      }
    }
    return list ? { list, offset } : null;
  }

  /** Whether some document holds `s`. */
  includes(s: string): boolean {
    if (s === '') return true;
    const r = this.rarest(s);
    if (!r) return false;
    for (const p of r.list) if (p >= r.offset && this.text.startsWith(s, p - r.offset)) return true;
    return false;
  }

  /**
   * How often each document of `[from, to)` holds `s` (non-overlapping, as `indexOf` from the end
   * of the last match counts): document index → count.
   */
  count(s: string, from = 0, to = this.starts.length): Map<number, number> {
    const found = new Map<number, number>();
    this.scan(s, from, to, (doc) => found.set(doc, (found.get(doc) ?? 0) + 1));
    return found;
  }

  /**
   * Calls `visit` with the document and the offset in it of each place a document of `[from, to)`
   * holds `s`, in order, non-overlapping (as `indexOf` from the end of the last match finds them).
   */
  scan(s: string, from: number, to: number, visit: (doc: number, at: number) => void): void {
    const r = s === '' ? null : this.rarest(s);
    if (!r || from >= to) return;
    const low = this.starts[from]! + r.offset;
    const high = (to < this.starts.length ? this.starts[to]! : this.text.length + 1) + r.offset;
    let doc = from;
    let lastEnd = -1;
    for (let i = lowerBound(r.list, low); i < r.list.length && r.list[i]! < high; i++) {
      const start = r.list[i]! - r.offset;
      if (start < lastEnd || !this.text.startsWith(s, start)) continue;
      while (doc + 1 < this.starts.length && this.starts[doc + 1]! <= start) doc++;
      visit(doc, start - this.starts[doc]!);
      lastEnd = start + s.length;
    }
  }
}

/** The first index of a sorted array whose value is at least `x`. */
export function lowerBound(a: Int32Array, x: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
