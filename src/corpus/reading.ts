/**
 * The reading of one field of an exchange (its question, or its answer) over the copies that carry
 * it, chosen place by place. The base copy gives the wording wherever the copies agree and the
 * paragraph breaks. At each place where they disagree, the reading is the majority's where three
 * or more independent copies carry the passage (copies that print the whole field alike count
 * once), otherwise the highest-priority copy's; every other wording is kept as a variant, with its
 * impact. Copies are compared in folded form, so script and typography
 * alone never make a variant, while the reading keeps the characters its copy printed. Pure.
 */
import { clauseHunks, mapOffset, type Hunk } from './clause-diff.js';
import { classifyImpact } from './impact.js';
import type { Variant } from './model.js';
import { fold, foldCompact } from './script.js';

/** One copy's text of the field. */
export interface Witness {
  readonly source: string;
  readonly priority: number;
  /** The text as the copy prints it (answer paragraphs joined without separator). */
  readonly text: string;
  /** The part of the base text this copy carries, in base offsets (a partial copy carries less). */
  readonly start: number;
  readonly end: number;
  /** Position in the content-ordered list of copies: the last tie-break, never the file name. */
  readonly order: number;
}

/** A variant before its field is known. */
export type FieldVariant = Omit<Variant, 'field'>;

/** The reading of a field. */
export interface FieldReading {
  readonly text: string;
  readonly variants: readonly FieldVariant[];
  /** Maps an offset of the base text to the reading (exact outside places of disagreement). */
  readonly toReading: (baseOffset: number) => number;
}

interface Place {
  start: number;
  end: number;
}

/** Compares witnesses for choosing: priority, then the base copy, then content order. */
const rank = (base: Witness) => (a: Witness, b: Witness) => b.priority - a.priority || Number(b === base) - Number(a === base) || a.order - b.order;

/**
 * Chooses the reading of one field.
 * @param base - the copy whose wording and paragraphs the reading follows where copies agree
 * @param others - the other copies of the field
 * @param breaks - offsets in the base text where its paragraphs start (a place across one keeps the base wording)
 */
export function readField(base: Witness, others: readonly Witness[], breaks: readonly number[] = []): FieldReading {
  const baseFolded = fold(base.text);
  const hunksOf = new Map<Witness, Hunk[]>(others.map((o) => [o, clauseHunks(baseFolded, fold(o.text), o.start, o.end)]));

  // Places: the union of every copy's hunks, so that no copy differs across a place's edge.
  const spans = [...hunksOf.values()].flat().sort((a, b) => a.bs - b.bs || a.be - b.be);
  const places: Place[] = [];
  for (const h of spans) {
    const last = places.at(-1);
    // Hunks that only touch stay apart (a clause ending one paragraph, one starting the next);
    // an empty hunk (an insertion) at the edge of another joins it.
    if (last && (h.bs < last.end || (h.bs === last.end && (h.bs === h.be || last.start === last.end)))) last.end = Math.max(last.end, h.be);
    else places.push({ start: h.bs, end: h.be });
  }

  // Copies that print the whole field alike (script and typography aside) are reprints of one
  // text, not independent witnesses: they count as one vote.
  const family = new Map([base, ...others].map((w) => [w, foldCompact(w.text)]));
  const votes = (ws: readonly Witness[]) => new Set(ws.map((w) => family.get(w))).size;
  const textAt = (w: Witness, p: Place) => (w === base ? base.text.slice(p.start, p.end) : w.text.slice(mapOffset(hunksOf.get(w)!, w.start, p.start, 'start'), mapOffset(hunksOf.get(w)!, w.start, p.end, 'end')));
  const pieces: string[] = [];
  const shifts: { at: number; end: number; delta: number }[] = [];
  const pending: { place: Place; chosen: string; loser: Witness; text: string; group: Witness[]; rule: FieldVariant['rule'] }[] = [];
  let at = 0;
  for (const p of places) {
    const carriers = [base, ...others.filter((o) => o.start <= p.start && p.end <= o.end)];
    const groups = new Map<string, Witness[]>();
    for (const w of carriers) {
      const key = foldCompact(textAt(w, p));
      groups.set(key, [...(groups.get(key) ?? []), w]);
    }
    if (groups.size < 2) continue;
    const byRank = rank(base);
    const best = (g: Witness[]) => [...g].sort(byRank)[0]!;
    const voting = votes(carriers) >= 3;
    const ordered = [...groups.values()].sort((a, b) => (voting ? votes(b) - votes(a) : 0) || byRank(best(a), best(b)));
    let group = ordered[0]!;
    let rule: FieldVariant['rule'] = voting && votes(group) > votes(ordered[1]!) ? 'majority' : 'priority';
    let representative = group.includes(base) ? base : best(group);
    if (representative !== base && breaks.some((b) => b > p.start && b < p.end)) {
      // The reading of a place across a paragraph break cannot be split between two paragraphs.
      group = [...groups.values()].find((g) => g.includes(base))!;
      representative = base;
      rule = 'base';
    }
    const chosen = textAt(representative, p);
    pieces.push(base.text.slice(at, p.start), chosen);
    at = p.end;
    shifts.push({ at: p.start, end: p.end, delta: chosen.length - (p.end - p.start) });
    for (const w of carriers) if (!group.includes(w)) pending.push({ place: p, chosen, loser: w, text: textAt(w, p), group, rule });
  }
  pieces.push(base.text.slice(at));

  const toReading = (offset: number) => {
    let delta = 0;
    for (const s of shifts) {
      if (s.end <= offset) delta += s.delta;
      else if (s.at < offset) return s.at + delta;
    }
    return offset + delta;
  };
  const variants = pending.map(({ place, chosen, loser, text, group, rule }) => {
    const start = toReading(place.start);
    const { impact, reason } = classifyImpact(fold(chosen), fold(text));
    return { source: loser.source, canonical: chosen, text, start, end: start + chosen.length, impact, impactReason: reason, readingSources: group.map((g) => g.source), rule };
  });
  return { text: pieces.join(''), variants, toReading };
}
