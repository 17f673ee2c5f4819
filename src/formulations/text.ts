/**
 * The reading of every conference as the text a phrase is counted in: one document per question
 * and per paragraph of the minister's words, in a match form (script and typography folded, lower
 * case, without spacing) with, for each character of the match form, where it is
 * in the text as printed. A phrase is found in the match form and shown with the printed characters
 * around it. Pure: built from the corpus model.
 */
import type { LoadedConference, LoadedExchange } from '../corpus/load.js';
import { fold } from '../corpus/script.js';
import { CorpusText } from '../search/corpus-text.js';

/** Which words are counted: the minister's (opening, answers, closing), the journalists' questions, or both. */
export type Scope = 'answers' | 'questions' | 'both';
export const scopes: readonly Scope[] = ['answers', 'questions', 'both'];

/** Spacing, left out of the match form: `多边 主义` is `多边主义`. Quotation marks stay: without them `下一个“中国”` would read as 一个中国. */
const isSpace = (c: number) =>
  c <= 0x20 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200b) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0xfeff;

/**
 * The match form of a text: folded (traditional → simplified, full-width → ASCII), lower case,
 * spacing left out; `at[i]` is where character `i` of the form is in `text`
 * (`at[form.length]` is `text.length`), or null where the form is the text's own offsets (no spacing).
 */
export function matchForm(text: string): { form: string; at: Int32Array | null } {
  const folded = fold(text);
  const lower = folded.toLowerCase();
  // Most paragraphs have no spacing at all: the form is the folded text itself, offset for offset.
  if (lower.length === folded.length && !/[\s\u200b\ufeff]/u.test(folded)) return { form: lower, at: null };
  const codes = new Uint16Array(folded.length);
  const at = new Int32Array(folded.length + 1);
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    let c = folded.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c >= 0x41 && c <= 0x5a) c += 0x20;
    else if (c >= 0x80 && c < 0x2000) {
      // Latin, Greek and Cyrillic capitals outside ASCII, where lower case keeps the length.
      const l = folded[i]!.toLowerCase();
      if (l.length === 1) c = l.charCodeAt(0);
    }
    codes[n] = c;
    at[n++] = i;
  }
  at[n] = folded.length;
  let form = '';
  for (let i = 0; i < n; i += 8192) form += String.fromCharCode(...codes.subarray(i, Math.min(n, i + 8192)));
  return { form, at: at.subarray(0, n + 1) };
}

/** Where character `i` of a match form is in its text. */
export const printedAt = (at: Int32Array | null, i: number): number => (at === null ? i : at[i]!);

/** One document: a question, or one paragraph of an opening, answer or closing. */
export interface PhraseDoc {
  readonly exchange: LoadedExchange;
  /** The exchange's place in the corpus (reading order across conferences). */
  readonly position: number;
  readonly year: number;
  readonly field: 'question' | 'answer';
  /** Where the document starts in its field's flat text (answer paragraphs joined without separator), as the variants count. */
  readonly offset: number;
  /** The reading, as printed. */
  readonly text: string;
}

/** A place a phrase occurs in the reading: the document, and the printed characters it covers. */
export interface Hit {
  readonly doc: number;
  readonly start: number;
  readonly end: number;
}

/** The reading of every conference, searchable for phrases. */
export class PhraseText {
  readonly docs: readonly PhraseDoc[];
  readonly years: readonly number[];
  private readonly forms: readonly { form: string; at: Int32Array | null }[];
  private readonly corpus: CorpusText;
  private readonly positions = new Map<string, number>();
  /** Year → field → `[first, end)` documents: each conference's answers, then its questions. */
  private readonly ranges = new Map<number, Partial<Record<'question' | 'answer', readonly [number, number]>>>();
  /** Year → scope → characters of that text (the match form's, so spacing does not count). */
  private readonly sizes = new Map<number, Record<Scope, number>>();

  constructor(conferences: readonly LoadedConference[]) {
    const docs: PhraseDoc[] = [];
    let exchanges = 0;
    for (const c of conferences) {
      for (const field of ['answer', 'question'] as const) {
        const first = docs.length;
        for (const [i, e] of c.exchanges.entries()) {
          const position = exchanges + i;
          if (field === 'question') {
            if (e.question !== null) docs.push({ exchange: e, position, year: c.year, field, offset: 0, text: e.question });
            continue;
          }
          let offset = 0;
          for (const p of e.paragraphs) {
            docs.push({ exchange: e, position, year: c.year, field, offset, text: p.text });
            offset += p.text.length;
          }
        }
        this.ranges.set(c.year, { ...this.ranges.get(c.year), [field]: [first, docs.length] });
      }
      exchanges += c.exchanges.length;
    }
    this.docs = docs;
    for (const d of docs) this.positions.set(d.exchange.id, d.position);
    this.years = conferences.map((c) => c.year);
    this.forms = docs.map((d) => matchForm(d.text));
    const size = (range: readonly [number, number] | undefined) => {
      let n = 0;
      for (let i = range?.[0] ?? 0; i < (range?.[1] ?? 0); i++) n += this.forms[i]!.form.length;
      return n;
    };
    for (const [year, { answer, question }] of this.ranges) {
      const [answers, questions] = [size(answer), size(question)];
      this.sizes.set(year, { answers, questions, both: answers + questions });
    }
    this.corpus = new CorpusText(this.forms.map((f) => f.form));
  }

  /** The place in the corpus of an exchange, by id (reading order across conferences). */
  positionOf(id: string): number {
    return this.positions.get(id) ?? 0;
  }

  /** The characters of a year's text in a scope. */
  chars(year: number, scope: Scope): number {
    return this.sizes.get(year)?.[scope] ?? 0;
  }

  /**
   * Every place the match form `form` occurs in a year's text in a scope, in reading order (answers
   * first, then questions); the first `limit` of them when given.
   */
  find(form: string, year: number, scope: Scope, limit = Infinity): Hit[] {
    const hits: Hit[] = [];
    if (form === '') return hits;
    for (const f of fieldsOf[scope]) {
      const range = this.ranges.get(year)?.[f];
      if (!range) continue;
      this.corpus.scan(form, range[0], range[1], (doc, at) => {
        if (hits.length >= limit) return;
        const { at: map } = this.forms[doc]!;
        hits.push({ doc, start: printedAt(map, at), end: printedAt(map, at + form.length - 1) + 1 });
      });
    }
    return hits;
  }

  /** How often `form` occurs in each year's text in a scope, in one pass over the corpus. */
  countByYear(form: string, scope: Scope): Map<number, number> {
    const counts = new Map<number, number>();
    const wanted = fieldsOf[scope];
    this.corpus.scan(form, 0, this.docs.length, (doc) => {
      const d = this.docs[doc]!;
      if (wanted.has(d.field)) counts.set(d.year, (counts.get(d.year) ?? 0) + 1);
    });
    return counts;
  }

  /** How often `form` occurs in a year's text in a scope. */
  count(form: string, year: number, scope: Scope): number {
    let n = 0;
    for (const f of fieldsOf[scope]) {
      const range = this.ranges.get(year)?.[f];
      if (range) this.corpus.scan(form, range[0], range[1], () => n++);
    }
    return n;
  }
}

/** The fields of each scope, answers first (reading order within a conference). */
export const fieldsOf: Readonly<Record<Scope, ReadonlySet<'question' | 'answer'>>> = {
  answers: new Set(['answer']),
  questions: new Set(['question']),
  both: new Set(['answer', 'question']),
};
