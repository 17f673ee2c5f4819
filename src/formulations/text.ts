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

/**
 * Left out of the match form: spacing, which does not change a phrase (`多边 主义` is `多边主义`).
 * Quotation marks stay: without them `下一个“中国”` would read as 一个中国.
 */
const ignored = /\s/u;

/**
 * The match form of a text: folded (traditional → simplified, full-width → ASCII), lower case,
 * spacing and quotation marks left out; `at[i]` is where character `i` of the form is in `text`
 * (`at[form.length]` is `text.length`).
 */
export function matchForm(text: string): { form: string; at: Int32Array } {
  const folded = fold(text);
  let form = '';
  const at = new Int32Array(folded.length + 1);
  let n = 0;
  for (let i = 0; i < folded.length; i++) {
    const ch = folded[i]!;
    if (ignored.test(ch)) continue;
    const lower = ch.toLowerCase();
    form += lower.length === 1 ? lower : ch;
    at[n++] = i;
  }
  at[n] = folded.length;
  return { form, at: at.slice(0, n + 1) };
}

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
  private readonly forms: readonly { form: string; at: Int32Array }[];
  private readonly corpus: CorpusText;
  /** `year|field` → `[first, end)` documents: each conference's answers, then its questions. */
  private readonly ranges = new Map<string, [number, number]>();
  /** `year|field` → characters of that text (the match form's, so spacing does not count). */
  private readonly sizes = new Map<string, number>();

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
        this.ranges.set(`${c.year}|${field}`, [first, docs.length]);
      }
      exchanges += c.exchanges.length;
    }
    this.docs = docs;
    this.years = conferences.map((c) => c.year);
    this.forms = docs.map((d) => matchForm(d.text));
    for (const [key, [from, to]] of this.ranges) {
      let size = 0;
      for (let i = from; i < to; i++) size += this.forms[i]!.form.length;
      this.sizes.set(key, size);
    }
    this.corpus = new CorpusText(this.forms.map((f) => f.form));
  }

  /** The characters of a year's text in a scope. */
  chars(year: number, scope: Scope): number {
    return fields(scope).reduce((sum, f) => sum + (this.sizes.get(`${year}|${f}`) ?? 0), 0);
  }

  /** Every place the match form `form` occurs in a year's text in a scope, in reading order (answers first, then questions). */
  find(form: string, year: number, scope: Scope): Hit[] {
    const hits: Hit[] = [];
    if (form === '') return hits;
    for (const f of fields(scope)) {
      const range = this.ranges.get(`${year}|${f}`);
      if (!range) continue;
      this.corpus.scan(form, range[0], range[1], (doc, at) => {
        const { at: map } = this.forms[doc]!;
        hits.push({ doc, start: map[at]!, end: map[at + form.length - 1]! + 1 });
      });
    }
    return hits;
  }

  /** How often `form` occurs in each year's text in a scope, in one pass over the corpus. */
  countByYear(form: string, scope: Scope): Map<number, number> {
    const counts = new Map<number, number>();
    const wanted = fields(scope);
    this.corpus.scan(form, 0, this.docs.length, (doc) => {
      const d = this.docs[doc]!;
      if (wanted.includes(d.field)) counts.set(d.year, (counts.get(d.year) ?? 0) + 1);
    });
    return counts;
  }

  /** How often `form` occurs in a year's text in a scope. */
  count(form: string, year: number, scope: Scope): number {
    let n = 0;
    for (const f of fields(scope)) {
      const range = this.ranges.get(`${year}|${f}`);
      if (range) this.corpus.scan(form, range[0], range[1], () => n++);
    }
    return n;
  }
}

const fields = (scope: Scope): readonly ('answer' | 'question')[] =>
  scope === 'answers' ? ['answer'] : scope === 'questions' ? ['question'] : ['answer', 'question'];
