/**
 * The critical apparatus of an exchange, as segments to render: the reading with its places of
 * disagreement marked, and each copy's own text with where it differs from the reading. Plain
 * functions over the corpus model; every character of every segment comes from a copy.
 */
import type { LoadedExchange } from '../corpus/load.js';
import type { Variant } from '../corpus/model.js';

/** A stretch of text: as the reading has it, or at a place of disagreement. */
export interface Segment {
  readonly text: string;
  /** The place of disagreement this stretch is at (1-based note number); absent where copies agree. */
  readonly place?: number;
}

/** A place where at least one copy words the reading otherwise, with every copy's wording. */
export interface Place {
  readonly n: number;
  readonly field: Variant['field'];
  readonly start: number;
  readonly end: number;
  /** The reading's words at this place. */
  readonly reading: string;
  readonly readingSources: readonly string[];
  /** `meaning` when any copy's wording changes the meaning here. */
  readonly impact: 'meaning' | 'form';
  readonly variants: readonly Variant[];
}

/** The places of an exchange, numbered in order: questioner, question, answer; meaning first is the reader's choice, not the numbering's. */
export function placesOf(e: Pick<LoadedExchange, 'variants'>): Place[] {
  const order = { questioner: 0, question: 1, answer: 2 } as const;
  const byKey = new Map<string, Variant[]>();
  for (const v of [...e.variants].sort((a, b) => order[a.field] - order[b.field] || a.start - b.start || a.end - b.end)) {
    const key = `${v.field}|${v.start}|${v.end}`;
    byKey.set(key, [...(byKey.get(key) ?? []), v]);
  }
  return [...byKey.values()].map((vs, i) => ({
    n: i + 1,
    field: vs[0]!.field,
    start: vs[0]!.start,
    end: vs[0]!.end,
    reading: vs[0]!.canonical,
    readingSources: vs[0]!.readingSources,
    impact: vs.some((v) => v.impact === 'meaning') ? 'meaning' : 'form',
    variants: vs,
  }));
}

/** Cuts `text` (the field's flat text from `offset`) at the places, marking the stretches they cover. */
function cut(text: string, offset: number, places: readonly Place[]): Segment[] {
  const out: Segment[] = [];
  let at = 0;
  for (const p of [...places].sort((a, b) => a.start - b.start)) {
    const s = Math.min(Math.max(p.start - offset, 0), text.length);
    const e = Math.min(Math.max(p.end - offset, 0), text.length);
    if (s < at) continue;
    if (s > at) out.push({ text: text.slice(at, s) });
    // An insertion (empty in the reading) is an empty segment where the copy adds its words.
    out.push({ text: text.slice(s, e), place: p.n });
    at = e;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/** Whether a place falls in `[from, to)`: it overlaps it, or it is an insertion inside it. */
const within = (p: Place, from: number, to: number) => (p.start < to && p.end > from) || (p.start === p.end && p.start >= from && p.start < to);

/** The reading of the answer, paragraph by paragraph, with the places of `marked` cut out as their own segments. */
export function readingParagraphs(e: Pick<LoadedExchange, 'paragraphs'>, marked: readonly Place[]): Segment[][] {
  const answer = marked.filter((p) => p.field === 'answer');
  let offset = 0;
  return e.paragraphs.map((p) => {
    const own = answer.filter((pl) => within(pl, offset, offset + p.text.length));
    const segments = cut(p.text, offset, own);
    offset += p.text.length;
    return segments;
  });
}

/** The reading of the question, with its places cut out. */
export function readingQuestion(e: Pick<LoadedExchange, 'question'>, marked: readonly Place[]): Segment[] {
  return e.question === null
    ? []
    : cut(
        e.question,
        0,
        marked.filter((p) => p.field === 'question'),
      );
}

/**
 * One copy's own text of a field, as segments: the reading's words where the copy agrees with it
 * (script and typography aside), the copy's words at each place where it differs. Paragraphs of
 * the answer break where the reading's do. Null when the copy does not print the field.
 */
export function copyText(e: LoadedExchange, source: string, field: 'question' | 'answer', places: readonly Place[]): Segment[][] | null {
  const flat = field === 'question' ? e.question : e.paragraphs.map((p) => p.text).join('');
  if (flat === null) return null;
  const cover =
    field === 'answer' ? e.coverage.find((c) => c.source === source) : e.questionSources.includes(source) ? { start: 0, end: flat.length } : undefined;
  if (!cover) return null;
  const breaks = new Set<number>();
  if (field === 'answer') {
    let offset = 0;
    for (const p of e.paragraphs) {
      if (offset > 0) breaks.add(offset);
      offset += p.text.length;
    }
  }
  const own = e.variants.filter((v) => v.field === field && v.source === source).sort((a, b) => a.start - b.start);
  const paragraphs: Segment[][] = [[]];
  const push = (s: Segment) => {
    if (s.text !== '' || s.place !== undefined) paragraphs.at(-1)!.push(s);
  };
  // Places where this copy prints the reading's words: marked too, so each column shows every place.
  const agreeing = places.filter(
    (p) => p.field === field && !own.some((v) => v.start === p.start && v.end === p.end) && p.start >= cover.start && p.end <= cover.end,
  );
  /** The reading's words from `a` to `b`, broken into paragraphs where the reading breaks. */
  const same = (a: number, b: number) => {
    let at = a;
    for (const br of [...[...breaks].filter((x) => x > a && x < b).sort((x, y) => x - y), b]) {
      for (const s of cut(
        flat.slice(at, br),
        at,
        agreeing.filter((p) => p.start >= at && p.end <= br && p.start < p.end),
      ))
        push(s);
      if (br < b) paragraphs.push([]);
      at = br;
    }
  };
  let at = cover.start;
  for (const v of own) {
    same(at, Math.max(at, v.start));
    const place = places.find((p) => p.field === field && p.start === v.start && p.end === v.end);
    push({ text: v.text, ...(place ? { place: place.n } : {}) });
    at = Math.max(at, v.end);
  }
  same(at, cover.end);
  return paragraphs.filter((p) => p.length > 0);
}

/** The flat text of segments: for tests, and for checking nothing was lost. */
export const textOf = (segments: readonly Segment[]) => segments.map((s) => s.text).join('');
