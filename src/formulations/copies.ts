/**
 * Where the copies disagree about a phrase. The reading is counted once per conference; a copy
 * differs from it only at its variants, so an occurrence that a copy lacks, or that only some
 * copies carry, overlaps a variant. Each place of disagreement is kept as two short windows of
 * text, the reading's and the copy's (the variant with the words around it), and a phrase is
 * looked for in both: a hit the reading's window has and the copy's lacks is "not in" that copy;
 * one the copy's has and the reading's lacks is an occurrence "only in" it, listed, never counted.
 * Pure.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import { textOfSource } from '../corpus/rebuild.js';
import { CorpusText } from '../search/corpus-text.js';
import { matchForm, printedAt } from './text.js';

/** Printed characters of context kept on each side of a variant by default: the longest phrase (100) fits. */
export const fullReach = 100;

/** One place where some copies print other words than the reading. */
interface Place {
  readonly exchange: LoadedExchange;
  readonly year: number;
  readonly field: 'question' | 'answer';
  /** The copies that print `text` here. */
  readonly copies: readonly string[];
  /** The reading's window (flat field text) and where it starts in the field. */
  readonly reading: string;
  readonly readingFrom: number;
  /** Where the variant's words are in each window: `[from, to)` of `reading`, `[from, copyTo)` of `copy`. */
  readonly from: number;
  readonly to: number;
  /** The copy's window, as the first of `copies` prints it. */
  readonly copy: string;
  readonly copyTo: number;
}

/** A phrase found in a copy's words and not in the reading's at that place. */
export interface CopyOnly {
  readonly exchange: LoadedExchange;
  readonly year: number;
  readonly field: 'question' | 'answer';
  readonly copies: readonly string[];
  /** The copy's window and the printed characters of the match in it. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
  /** About where it is in the field's flat text of the reading (for ordering). */
  readonly flatStart: number;
}

/** A reading occurrence that some copies lack: where it is in its field's flat text. */
export interface Missing {
  readonly exchange: LoadedExchange;
  readonly field: 'question' | 'answer';
  /** Offset of the match in the field's flat text. */
  readonly flatStart: number;
  readonly copies: readonly string[];
}

/** The places of disagreement of a corpus, searchable for phrases. */
export class VariantWindows {
  private readonly places: Place[] = [];
  /** Two documents per place: the reading's window (2i), the copy's (2i + 1). */
  private readonly corpus: CorpusText;
  private readonly forms: { form: string; at: Int32Array | null }[] = [];

  /**
   * @param reach printed characters of context on each side of a variant: a phrase longer than
   *   that (in folded characters, spacing aside) may be missed; a shorter reach is faster to search
   */
  constructor(
    conferences: readonly LoadedConference[],
    readonly reach = fullReach,
  ) {
    for (const c of conferences) for (const e of c.exchanges) this.addExchange(e, c.year);
    for (const p of this.places) this.forms.push(matchForm(p.reading), matchForm(p.copy));
    this.corpus = new CorpusText(this.forms.map((f) => f.form));
  }

  private addExchange(e: LoadedExchange, year: number): void {
    const groups = new Map<string, { v: LoadedExchange['variants'][number]; copies: string[] }>();
    for (const v of e.variants) {
      if (v.field === 'questioner') continue;
      const key = `${v.field}|${v.start}|${v.end}|${v.text}`;
      const g = groups.get(key);
      if (g) g.copies.push(v.source);
      else groups.set(key, { v, copies: [v.source] });
    }
    for (const { v, copies } of groups.values()) {
      const field = v.field as 'question' | 'answer';
      const flat = field === 'question' ? (e.question ?? '') : e.paragraphs.map((p) => p.text).join('');
      const copyText = textOfSource(e, copies[0]!, field);
      if (copyText === null) continue;
      // Where the variant's words are in the copy's text: its offset in the reading, moved by the copy's earlier variants.
      const cover = field === 'answer' ? (e.coverage.find((c) => c.source === copies[0])?.start ?? 0) : 0;
      let at = v.start - cover;
      for (const w of e.variants) if (w.source === copies[0] && w.field === field && w.end <= v.start && w !== v) at += w.text.length - (w.end - w.start);
      const readingFrom = Math.max(0, v.start - this.reach);
      const copyFrom = Math.max(0, at - this.reach);
      const reading = flat.slice(readingFrom, Math.min(flat.length, v.end + this.reach));
      const copy = copyText.slice(copyFrom, Math.min(copyText.length, at + v.text.length + this.reach));
      this.places.push({
        exchange: e,
        year,
        field,
        copies,
        reading,
        readingFrom,
        from: v.start - readingFrom,
        to: v.end - readingFrom,
        copy,
        copyTo: at - copyFrom + v.text.length,
      });
      // The two windows share their left context only when it is as long in both.
      if (v.start - readingFrom !== at - copyFrom) this.places.pop();
    }
  }

  /**
   * Where the copies disagree about `form` in the years and fields asked: reading occurrences some
   * copies lack, and occurrences only some copies print.
   */
  disagreements(form: string, years: ReadonlySet<number>, fields: ReadonlySet<'question' | 'answer'>): { missing: Missing[]; copyOnly: CopyOnly[] } {
    const missing: Missing[] = [];
    const copyOnly: CopyOnly[] = [];
    if (form === '') return { missing, copyOnly };
    const found = new Map<number, { reading: [number, number][]; copy: [number, number][] }>();
    this.corpus.scan(form, 0, this.forms.length, (doc, at) => {
      const i = doc >> 1;
      const p = this.places[i]!;
      if (!years.has(p.year) || !fields.has(p.field)) return;
      const map = this.forms[doc]!.at;
      const start = printedAt(map, at);
      const end = printedAt(map, at + form.length - 1) + 1;
      // Only hits that touch the variant's words (or span the point where words were added or left out): elsewhere the windows agree.
      const to = doc % 2 === 0 ? p.to : p.copyTo;
      if (!(to > p.from ? start < to && end > p.from : start < p.from && end > p.from)) return;
      const entry = found.get(i) ?? { reading: [], copy: [] };
      found.set(i, entry);
      (doc % 2 === 0 ? entry.reading : entry.copy).push([start, end]);
    });
    for (const [i, { reading, copy }] of found) {
      const p = this.places[i]!;
      const r = [...reading];
      const c = [...copy];
      // A hit that starts before the variant is the same hit in both windows when it starts at the same offset; the rest pair in order.
      for (const s of [...r]) {
        const j = c.findIndex((t) => t[0] === s[0] && s[0] < p.from);
        if (j < 0) continue;
        c.splice(j, 1);
        r.splice(r.indexOf(s), 1);
      }
      const paired = Math.min(r.length, c.length);
      for (const s of r.slice(paired)) missing.push({ exchange: p.exchange, field: p.field, flatStart: p.readingFrom + s[0], copies: p.copies });
      for (const t of c.slice(paired))
        copyOnly.push({
          exchange: p.exchange,
          year: p.year,
          field: p.field,
          copies: p.copies,
          text: p.copy,
          start: t[0],
          end: t[1],
          flatStart: p.readingFrom + t[0],
        });
    }
    return { missing, copyOnly };
  }
}
