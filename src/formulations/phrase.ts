/**
 * `/phrase`: every occurrence of a phrase in the minister's words (or the questions), counted once
 * per conference on the reading, per year and per 10,000 characters, with keyword-in-context lines
 * as printed and where the copies disagree. Pure over the corpus model; English goes through the
 * search layer's dictionary and topics.
 */
import type { LoadedConference } from '../corpus/load.js';
import { VariantWindows, type CopyOnly } from './copies.js';
import { PhraseError, phraseForm, readPhrases } from './input.js';
import { fieldsOf, PhraseText, type Hit, type PhraseDoc, type Scope } from './text.js';

/** Characters of context on each side of a match, before cutting at a sentence end. */
export const contextChars = 20;
/** Lines listed for a one-character phrase (its counts stay exact). */
export const oneCharacterLines = 100;
/** Phrases up to this long (match form) are looked for in the copies' narrow windows of disagreement. */
const shortPhrase = 16;
/** Chinese terms counted for one English phrase; the rest are named, not counted. */
export const termsPerPhrase = 5;

/** A year's figures for a phrase. */
export interface PhraseYear {
  readonly year: number;
  readonly count: number;
  /** Occurrences per 10,000 characters of that year's text in the scope (two decimals). */
  readonly per10k: number;
  /** Characters of that year's text in the scope (spacing and quotation marks left out). */
  readonly chars: number;
}

/** One keyword-in-context line, verbatim. */
export interface Occurrence {
  readonly id: string;
  readonly year: number;
  readonly field: 'question' | 'answer';
  readonly left: string;
  readonly match: string;
  readonly right: string;
  /** The context starts (ends) inside a sentence: shown with an ellipsis. */
  readonly leftCut: boolean;
  readonly rightCut: boolean;
  /** The copies that print this occurrence. */
  readonly copies: readonly string[];
  /** Copies that print the passage without it (the reading has it; counted). */
  readonly notIn?: readonly string[];
  /** Only these copies print it (the reading does not; not counted). */
  readonly onlyIn?: readonly string[];
}

/** One counted string. */
export interface PhraseRow {
  /** What the user typed. */
  readonly query: string;
  /** The string counted: what was typed in match form, or a Chinese term the English maps to. */
  readonly counted: string;
  /** `typed`: counted as typed (Chinese, or Latin the corpus prints as such: RCEP); else how English was mapped. */
  readonly via: 'typed' | 'dictionary' | 'topic' | 'concept';
  readonly years: readonly PhraseYear[];
  /** Occurrences in the reading, every year (the sum of `years`). */
  readonly total: number;
  /** Lines in the years asked (reading occurrences and copy-only ones). */
  readonly lineCount: number;
  /** The lines asked for (`lines` option), in reading order. */
  readonly occurrences: readonly Occurrence[];
  /** Lines left out because the phrase is one character long: at most `oneCharacterLines` are listed. */
  readonly capped: boolean;
}

export interface PhraseReport {
  readonly scope: Scope;
  /** Lines are of this year only; counts are of every year. */
  readonly year: number | null;
  readonly rows: readonly PhraseRow[];
  readonly corrected: readonly { readonly from: string; readonly to: string }[];
  /** Terms of an English phrase beyond `termsPerPhrase`, named and not counted. */
  readonly omitted: readonly { readonly query: string; readonly terms: readonly string[] }[];
}

/** What the English layer gives for a phrase without Chinese (the search engine's `chineseFor`). */
export type ChineseFor = (text: string) => {
  readonly terms: readonly string[];
  readonly via: 'dictionary' | 'topic' | 'concept' | null;
  readonly corrected: readonly { readonly from: string; readonly to: string }[];
  readonly unknown: readonly string[];
};

export interface LookupOptions {
  readonly scope?: Scope;
  readonly year?: number | null;
  /** Which lines to materialise, `[from, to)` of all rows' lines one after another; all when absent. */
  readonly lines?: readonly [number, number];
}

/** Code units, not strings: reading `text[i]` would allocate a string for every Chinese character looked at. */
const codes = (chars: string): ReadonlySet<number> => new Set([...chars].map((c) => c.charCodeAt(0)));
const sentenceEnd = codes('。！？；!?;');
/** The second half of a character outside the BMP: a cut never falls before it. */
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;
const closing = codes('”’」』）)');

/**
 * The context of a match in `text`, about `contextChars` each side, cut at a sentence end where one is near.
 * No closures here: this runs for every line shown, and under tsx each named one is a `__name` call that allocates.
 */
export function contextOf(text: string, start: number, end: number): Pick<Occurrence, 'left' | 'right' | 'leftCut' | 'rightCut'> {
  let from = Math.max(0, start - contextChars);
  for (let i = start - 1; i >= from; i--) {
    if (sentenceEnd.has(text.charCodeAt(i))) {
      from = i + 1;
      while (from < start && closing.has(text.charCodeAt(from))) from++;
      break;
    }
  }
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from++;
  let to = Math.min(text.length, end + contextChars);
  for (let i = end; i < to; i++) {
    if (sentenceEnd.has(text.charCodeAt(i))) {
      to = i + 1;
      while (to < text.length && closing.has(text.charCodeAt(to))) to++;
      break;
    }
  }
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to++;
  return {
    left: text.slice(from, start),
    right: text.slice(end, to),
    leftCut: from > 0 && !endsSentence(text, from),
    rightCut: to < text.length && !endsSentence(text, to),
  };
}

/** Whether `i` is where a sentence starts: the text's start, or after a sentence end (and its closing mark). */
function endsSentence(text: string, i: number): boolean {
  return i === 0 || sentenceEnd.has(text.charCodeAt(i - 1)) || (i >= 2 && closing.has(text.charCodeAt(i - 1)) && sentenceEnd.has(text.charCodeAt(i - 2)));
}

/** One character: one code unit, or a surrogate pair (a character outside the BMP). */
const isOneCharacter = (s: string) => s.length === 1 || (s.length === 2 && isLowSurrogate(s.charCodeAt(1)) && !isLowSurrogate(s.charCodeAt(0)));

/** Counts phrases over a corpus's reading. Builds its text on first use. */
export class PhraseBook {
  private textCache: PhraseText | undefined;
  private windowsCache: VariantWindows | undefined;
  private shortWindowsCache: VariantWindows | undefined;

  /** Every year of the corpus, as the copies' windows are asked for them. */
  private readonly allYears: ReadonlySet<number>;

  constructor(
    private readonly conferences: readonly LoadedConference[],
    private readonly chineseFor: ChineseFor,
  ) {
    this.allYears = new Set(conferences.map((c) => c.year));
  }

  /** The reading as phrase text. */
  get text(): PhraseText {
    return (this.textCache ??= new PhraseText(this.conferences));
  }

  /**
   * The places where copies disagree, as windows wide enough for `form`: most phrases are short,
   * and windows of 32 characters each side hold a quarter as many hits to sift as the full 100.
   */
  private windows(form: string): VariantWindows {
    if (form.length <= shortPhrase) return (this.shortWindowsCache ??= new VariantWindows(this.conferences, 2 * shortPhrase));
    return (this.windowsCache ??= new VariantWindows(this.conferences));
  }

  /**
   * Counts each phrase of `raw` (commas between phrases) per year.
   * @throws PhraseError for empty input, a phrase over 100 characters, more than five phrases, or English that maps to no Chinese
   */
  lookup(raw: string, options: LookupOptions = {}): PhraseReport {
    const scope = options.scope ?? 'answers';
    const year = options.year ?? null;
    const corrected: { from: string; to: string }[] = [];
    const omitted: { query: string; terms: string[] }[] = [];
    const wanted: { query: string; counted: string; via: PhraseRow['via'] }[] = [];
    for (const p of readPhrases(raw)) {
      if (p.form !== null) {
        wanted.push({ query: p.typed, counted: p.form, via: 'typed' });
        continue;
      }
      const mapped = this.chineseFor(p.typed);
      if (mapped.via === null || mapped.terms.length === 0) {
        // Latin the corpus prints as typed (RCEP) is counted as such when no Chinese is known for it.
        const literal = phraseForm(p.typed);
        if (literal !== '' && this.text.years.some((y) => this.text.count(literal, y, 'both') > 0)) {
          wanted.push({ query: p.typed, counted: literal, via: 'typed' });
          continue;
        }
        throw new PhraseError({ kind: 'no-chinese', phrase: p.typed, words: mapped.unknown });
      }
      corrected.push(...mapped.corrected);
      const terms = [...new Set(mapped.terms)];
      for (const t of terms.slice(0, termsPerPhrase)) wanted.push({ query: p.typed, counted: phraseForm(t), via: mapped.via });
      if (terms.length > termsPerPhrase) omitted.push({ query: p.typed, terms: terms.slice(termsPerPhrase) });
    }
    const seen = new Set<string>();
    let before = 0;
    const rows = wanted
      .filter((w) => !seen.has(w.counted) && seen.add(w.counted))
      .map((w) => {
        // The window over all rows' lines, as this row's own.
        const window = options.lines ? ([Math.max(0, options.lines[0] - before), Math.max(0, options.lines[1] - before)] as const) : undefined;
        const row = this.row(w.query, w.counted, w.via, scope, year, window);
        before += row.capped ? oneCharacterLines : row.lineCount;
        return row;
      });
    return { scope, year, rows, corrected, omitted };
  }

  private row(query: string, counted: string, via: PhraseRow['via'], scope: Scope, year: number | null, window?: readonly [number, number]): PhraseRow {
    const text = this.text;
    // One pass over the corpus for every year's count.
    const byYear = text.countByYear(counted, scope);
    const years = text.years.map((y) => {
      const count = byYear.get(y) ?? 0;
      const chars = text.chars(y, scope);
      return { year: y, count, chars, per10k: chars === 0 ? 0 : Math.round((count / chars) * 1e6) / 100 };
    });
    const lineYears = year === null ? text.years : text.years.filter((y) => y === year);
    const { missing, copyOnly } = this.windows(counted).disagreements(counted, year === null ? this.allYears : new Set(lineYears), fieldsOf[scope]);
    const notIn = new Map<string, string[]>();
    for (const m of missing) {
      const key = `${m.exchange.id}|${m.field}|${m.flatStart}`;
      notIn.set(key, [...new Set([...(notIn.get(key) ?? []), ...m.copies])]);
    }
    const onlyByYear = new Map<number, CopyOnly[]>();
    for (const c of copyOnly) onlyByYear.set(c.year, [...(onlyByYear.get(c.year) ?? []), c]);
    // Lines of each year asked: the reading's occurrences and the copies' own.
    const perYear = lineYears.map((y) => (byYear.get(y) ?? 0) + (onlyByYear.get(y)?.length ?? 0));
    const lineCount = perYear.reduce((n, k) => n + k, 0);
    const capped = isOneCharacter(counted) && lineCount > oneCharacterLines;
    const listed = capped ? oneCharacterLines : lineCount;
    const from = window ? window[0] : 0;
    const to = window ? Math.min(window[1], listed) : listed;
    // Only the years the window reaches are read line by line, in reading order.
    const occurrences: Occurrence[] = [];
    let offset = 0;
    for (const [i, y] of lineYears.entries()) {
      const n = perYear[i]!;
      if (offset >= to) break;
      if (offset + n > from) {
        const a = Math.max(0, from - offset);
        const b = Math.max(0, to - offset);
        const only = onlyByYear.get(y) ?? [];
        if (scope !== 'both' && only.length === 0) {
          // One field and no copy's own lines: the hits are in reading order already, and only the first `b` are read.
          const hits = text.find(counted, y, scope, b);
          for (let k = a; k < hits.length; k++) occurrences.push(readingOccurrence(text.docs[hits[k]!.doc]!, hits[k]!, notIn));
        } else {
          type Line = { order: [number, number, number]; make: () => Occurrence };
          const lines: Line[] = text.find(counted, y, scope).map((h) => this.readingLine(text.docs[h.doc]!, h, notIn));
          for (const c of only) lines.push(copyLine(c, text.positionOf(c.exchange.id)));
          lines.sort((x, z) => x.order[0] - z.order[0] || x.order[1] - z.order[1] || x.order[2] - z.order[2]);
          for (const l of lines.slice(a, b)) occurrences.push(l.make());
        }
      }
      offset += n;
    }
    return { query, counted, via, years, total: years.reduce((s, y) => s + y.count, 0), lineCount, occurrences, capped };
  }

  private readingLine(doc: PhraseDoc, h: Hit, notIn: ReadonlyMap<string, readonly string[]>): { order: [number, number, number]; make: () => Occurrence } {
    const flatStart = doc.offset + h.start;
    return { order: [doc.position, doc.field === 'question' ? 0 : 1, flatStart], make: () => readingOccurrence(doc, h, notIn) };
  }
}

/** A line of the reading, with the copies that print it and those that lack it. */
function readingOccurrence(doc: PhraseDoc, h: Hit, notIn: ReadonlyMap<string, readonly string[]>): Occurrence {
  const e = doc.exchange;
  const flatStart = doc.offset + h.start;
  const flatEnd = doc.offset + h.end;
  const lacking = notIn.size === 0 ? undefined : notIn.get(`${e.id}|${doc.field}|${flatStart}`);
  const copies: string[] = [];
  if (doc.field === 'question') {
    for (const s of e.questionSources) if (!lacking?.includes(s)) copies.push(s);
  } else {
    for (const c of e.coverage) if (c.start <= flatStart && c.end >= flatEnd && !lacking?.includes(c.source)) copies.push(c.source);
  }
  const { left, right, leftCut, rightCut } = contextOf(doc.text, h.start, h.end);
  const line = { id: e.id, year: doc.year, field: doc.field, left, match: doc.text.slice(h.start, h.end), right, leftCut, rightCut, copies };
  return lacking && lacking.length > 0 ? { ...line, notIn: lacking } : line;
}

function copyLine(c: CopyOnly, position: number): { order: [number, number, number]; make: () => Occurrence } {
  return {
    order: [position, c.field === 'question' ? 0 : 1, c.flatStart],
    make: () => ({
      id: c.exchange.id,
      year: c.year,
      field: c.field,
      ...contextOf(c.text, c.start, c.end),
      match: c.text.slice(c.start, c.end),
      copies: c.copies,
      onlyIn: c.copies,
    }),
  };
}
