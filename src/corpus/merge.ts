/**
 * Merging copies of one conference: align their exchanges (`align.ts`), then build each exchange's
 * reading over the copies that carry it (`reading.ts`), keeping every disagreement as a variant.
 *
 * Base copy of an exchange: the highest-priority copy that carries it whole (a copy cut by a page
 * jump still carries an answer whole when its text ends where a complete copy's does); if every
 * copy is partial, the longest. The base gives paragraphs and the wording where copies agree.
 */
import { alignCopies, flatAnswer, type Member } from './align.js';
import type { Exchange, ExchangeKind, Paragraph, Variant } from './model.js';
import type { ParsedSource } from './parse.js';
import { readField, type FieldVariant, type Witness } from './reading.js';
import { classifyImpact } from './impact.js';
import { fold, foldCompact } from './script.js';

/** A copy of a conference with its priority. */
export interface RankedSource {
  readonly parsed: ParsedSource;
  readonly priority: number;
}

/** Which part of the answer's reading a copy carries (offsets in the flat answer). */
export interface Coverage {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** Where a copy prints an exchange: its first and last line in the file (1-based). */
export interface CopyLines {
  readonly source: string;
  readonly first: number;
  readonly last: number;
}

/** An exchange merged over its copies, before it gets its stable id. */
export type MergedExchange = Omit<Exchange, 'id' | 'conferenceId'> & {
  readonly coverage: readonly Coverage[];
  /** The copies that print the question. */
  readonly questionSources: readonly string[];
  /** The lines each copy prints the exchange on, in the order of `sources`. */
  readonly lines: readonly CopyLines[];
};

/** Characters compared to tell whether two copies start or end an answer at the same words. */
const edge = 12;

/** Finds `needle` (its first or last characters) in `hay`, for locating a partial copy; -1 if absent. */
function anchor(hay: string, needle: string, fromEnd: boolean): number {
  for (const size of [edge, 8, 5]) {
    if (needle.length < size) continue;
    const probe = fromEnd ? needle.slice(-size) : needle.slice(0, size);
    const at = fromEnd ? hay.lastIndexOf(probe) : hay.indexOf(probe);
    if (at >= 0) return fromEnd ? at + size : at;
  }
  return -1;
}

/** Whether a copy carries the start and the end of the answer: by its layout, or because it begins or ends as a complete copy does. */
function wholeness(m: Member, group: readonly Member[]): { start: boolean; end: boolean } {
  const own = foldCompact(flatAnswer(m.ex));
  const complete = group.filter((o) => o !== m && !o.ex.partialStart && !o.ex.partialEnd).map((o) => foldCompact(flatAnswer(o.ex)));
  const start = !m.ex.partialStart || (own.length >= edge && complete.some((c) => c.startsWith(own.slice(0, edge))));
  const end = !m.ex.partialEnd || (own.length >= edge && complete.some((c) => c.endsWith(own.slice(-edge))));
  return { start, end };
}

/** Orders members for the base: whole copies first, then priority, then length, then content order. */
function byBaseRule(group: readonly Member[]) {
  const whole = new Map(group.map((m) => [m, wholeness(m, group)]));
  const score = (m: Member) => Number(whole.get(m)!.start && whole.get(m)!.end);
  return (a: Member, b: Member) => score(b) - score(a) || b.priority - a.priority || flatAnswer(b.ex).length - flatAnswer(a.ex).length || a.order - b.order;
}

/** An outlet's label compared without script, spacing or an abbreviation in brackets (`法新社（AFP）记者` is `法新社记者`). */
const outletKey = (label: string) => foldCompact(label).replace(/（[A-Za-z0-9 .&-]+）/gu, '');

/** The questioner's label: the majority of three or more copies, else the highest priority; the others as variants. */
function readQuestioner(members: readonly Member[], base: Member): { label: string | null; variants: Variant[] } {
  const labelled = members.filter((m) => m.ex.questioner !== null);
  if (labelled.length === 0) return { label: null, variants: [] };
  const groups = new Map<string, Member[]>();
  for (const m of labelled) groups.set(outletKey(m.ex.questioner!), [...(groups.get(outletKey(m.ex.questioner!)) ?? []), m]);
  const rank = (a: Member, b: Member) => b.priority - a.priority || Number(b === base) - Number(a === base) || a.order - b.order;
  const best = (g: Member[]) => [...g].sort(rank)[0]!;
  // As for the text: copies that print the whole exchange alike count as one vote.
  const family = (m: Member) => foldCompact(`${m.ex.questioner ?? ''}|${m.ex.question ?? ''}|${flatAnswer(m.ex)}`);
  const votes = (ms: readonly Member[]) => new Set(ms.map(family)).size;
  const ordered = [...groups.values()].sort((a, b) => (votes(labelled) >= 3 ? votes(b) - votes(a) : 0) || rank(best(a), best(b)));
  const group = ordered[0]!;
  const label = (group.includes(base) ? base : best(group)).ex.questioner!;
  const rule = votes(labelled) >= 3 && votes(group) > (ordered[1] ? votes(ordered[1]) : 0) ? 'majority' : 'priority';
  const variants = labelled
    .filter((m) => !group.includes(m))
    .map((m): Variant => {
      const { impact, reason } = classifyImpact(fold(label), fold(m.ex.questioner!));
      return { field: 'questioner', source: m.source, canonical: label, text: m.ex.questioner!, start: 0, end: label.length, impact, impactReason: reason, readingSources: group.map((g) => g.source), rule };
    });
  return { label, variants };
}

/** Builds one merged exchange from the copies that carry it. */
function mergeGroup(group: readonly Member[]): MergedExchange {
  const members = [...group].sort(byBaseRule(group));
  const base = members[0]!;
  // An exchange that any copy prints with a question is an answer, whatever a partial copy made of it.
  const asked0 = members.some((m) => m.ex.question !== null);
  const kind: ExchangeKind = asked0 ? 'answer' : members.some((m) => m.ex.kind === 'opening') ? 'opening' : members.some((m) => m.ex.kind === 'closing') ? 'closing' : 'answer';

  // The answer.
  const baseFlat = flatAnswer(base.ex);
  const baseFolded = fold(baseFlat);
  const witness = (m: Member, start: number, end: number): Witness => ({ source: m.source, priority: m.priority, text: flatAnswer(m.ex), start, end, order: m.order });
  const others = members.slice(1).map((m) => {
    const whole = wholeness(m, group);
    const own = fold(flatAnswer(m.ex));
    const start = whole.start ? 0 : Math.max(0, anchor(baseFolded, own, false));
    const found = whole.end ? baseFlat.length : anchor(baseFolded, own, true);
    return witness(m, start, found > start ? found : baseFlat.length);
  });
  const breaks: number[] = [];
  let offset = 0;
  for (const p of base.ex.paragraphs) {
    breaks.push(offset);
    offset += p.text.length;
  }
  const answer = readField(witness(base, 0, baseFlat.length), others, breaks);
  const coverage: Coverage[] = [{ source: base.source, start: 0, end: answer.text.length }, ...others.map((o) => ({ source: o.source, start: answer.toReading(o.start), end: answer.toReading(o.end) }))];

  // The question, read over the copies that print it.
  const asked = members.filter((m) => m.ex.question !== null);
  const questionBase = asked[0];
  const question = questionBase
    ? readField(
        { source: questionBase.source, priority: questionBase.priority, text: questionBase.ex.question!, start: 0, end: questionBase.ex.question!.length, order: questionBase.order },
        asked.slice(1).map((m) => ({ source: m.source, priority: m.priority, text: m.ex.question!, start: 0, end: questionBase.ex.question!.length, order: m.order })),
      )
    : null;
  const questioner = readQuestioner(members, base);
  const field = (f: Variant['field']) => (v: FieldVariant): Variant => ({ field: f, ...v });
  const variants = [...questioner.variants, ...(question?.variants.map(field('question')) ?? []), ...answer.variants.map(field('answer'))];

  const paragraphs: Paragraph[] = [];
  breaks.forEach((b, i) => {
    const from = answer.toReading(b);
    const to = i + 1 < breaks.length ? answer.toReading(breaks[i + 1]!) : answer.text.length;
    const text = answer.text.slice(from, to);
    const differs = (source: string) => answer.variants.some((v) => v.source === source && v.start < to && v.end > from);
    paragraphs.push({
      text,
      sources: coverage.filter((c) => c.start < to && c.end > from).map((c) => c.source),
      readingSources: coverage.filter((c) => c.start <= from && c.end >= to && !differs(c.source)).map((c) => c.source),
    });
  });
  return {
    kind,
    questioner: questioner.label,
    question: question?.text ?? null,
    paragraphs: paragraphs.filter((p) => p.text !== ''),
    sources: members.map((m) => m.source),
    canonicalSource: base.source,
    variants,
    coverage,
    questionSources: asked.map((m) => m.source),
    lines: members.map((m) => ({ source: m.source, first: m.ex.line, last: Math.max(m.ex.line, ...m.ex.paragraphs.flatMap((p) => p.lines)) })),
  };
}

/**
 * Merges the copies of one conference into its list of exchanges, in conference order. The result
 * does not depend on the order the copies are given in or on their names.
 */
export function mergeCopies(copies: readonly RankedSource[]): MergedExchange[] {
  return alignCopies(copies).map(mergeGroup);
}
