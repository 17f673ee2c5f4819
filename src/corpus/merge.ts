/**
 * Merging copies of one conference: align their exchanges, pick the canonical text by a stated
 * rule, and keep every disagreement as a variant with both sides verbatim.
 *
 * Canonical rule: for each exchange, the text of the highest-priority copy (corpus/sources.json)
 * among those that carry the exchange whole; if every copy is partial, the longest one.
 * Copies are compared on their flat text (paragraphs joined), because page layout moves
 * paragraph breaks between copies without changing a word.
 */
import { diffChars } from 'diff';
import type { ParsedSource, SourceExchange } from './parse.js';
import type { Exchange, ExchangeKind, Paragraph, Variant, VariantField } from './model.js';
import { bigrams, clauseBoundary, compact, containment, dice } from './text.js';

/** A copy of a conference with its priority. */
export interface RankedSource {
  readonly parsed: ParsedSource;
  readonly priority: number;
}

/** One exchange as carried by one copy. */
interface Member {
  readonly source: string;
  readonly priority: number;
  readonly ex: SourceExchange;
}

/** Which part of the canonical answer a copy carries (offsets in the flat answer). */
export interface Coverage {
  readonly source: string;
  readonly start: number;
  readonly end: number;
}

/** An exchange merged over its copies, before it gets its stable id. */
export type MergedExchange = Omit<Exchange, 'id' | 'conferenceId'> & { readonly coverage: readonly Coverage[] };

/** Two exchanges are the same real exchange above this similarity. */
export const sameExchangeThreshold = 0.6;

const flat = (ex: SourceExchange) => ex.paragraphs.map((p) => p.text).join('');

/** How likely two printed exchanges are the same real one: by question, else by answer text. */
export function exchangeSimilarity(a: SourceExchange, b: SourceExchange): number {
  if (a.kind !== b.kind && a.kind !== 'answer' && b.kind !== 'answer') return 0;
  const byQuestion =
    a.question !== null && b.question !== null ? dice(bigrams(`${a.questioner ?? ''}${a.question}`), bigrams(`${b.questioner ?? ''}${b.question}`)) : 0;
  const ga = bigrams(flat(a));
  const gb = bigrams(flat(b));
  const partial = a.partialStart || a.partialEnd || b.partialStart || b.partialEnd;
  const byAnswer = partial ? containment(ga.size <= gb.size ? ga : gb, ga.size <= gb.size ? gb : ga) : dice(ga, gb);
  return Math.max(byQuestion, byAnswer);
}

/**
 * Aligns the exchanges of one more copy with the groups found so far, keeping both orders
 * (a weighted longest common subsequence). Unmatched exchanges become groups of their own.
 */
function alignInto(groups: Member[][], next: readonly Member[]): Member[][] {
  const n = groups.length;
  const m = next.length;
  const sim = groups.map((g) => next.map((x) => Math.max(...g.map((y) => exchangeSimilarity(y.ex, x.ex)))));
  const dp = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = 1; i <= n; i++) {
    for (let j = 1; j <= m; j++) {
      const s = sim[i - 1]![j - 1]!;
      dp[i]![j] = Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!, s >= sameExchangeThreshold ? dp[i - 1]![j - 1]! + s : -Infinity);
    }
  }
  const out: Member[][] = [];
  let i = n;
  let j = m;
  while (i > 0 || j > 0) {
    const s = i > 0 && j > 0 ? sim[i - 1]![j - 1]! : 0;
    if (i > 0 && j > 0 && s >= sameExchangeThreshold && dp[i]![j] === dp[i - 1]![j - 1]! + s) {
      out.push([...groups[i - 1]!, next[j - 1]!]);
      i--;
      j--;
    } else if (i > 0 && (j === 0 || dp[i]![j] === dp[i - 1]![j])) {
      out.push(groups[i - 1]!);
      i--;
    } else {
      out.push([next[j - 1]!]);
      j--;
    }
  }
  return out.reverse();
}

/** A span where two texts differ, as offsets in each. */
interface Hunk {
  cs: number;
  ce: number;
  os: number;
  oe: number;
}

/** Finds `needle` (its first or last `size` characters) in `hay`, for locating a partial copy. */
function anchor(hay: string, needle: string, fromEnd: boolean): number {
  for (const size of [12, 8, 5]) {
    if (needle.length < size) continue;
    const probe = fromEnd ? needle.slice(-size) : needle.slice(0, size);
    const at = fromEnd ? hay.lastIndexOf(probe) : hay.indexOf(probe);
    if (at >= 0) return fromEnd ? at + size : at;
  }
  return -1;
}

/**
 * Differences between the canonical text and another copy, widened to whole clauses (so a reader
 * sees `两大文明` against `两大大文明` in context). Differences of whitespace alone are ignored.
 * @param start,end - the part of `canon` the other copy carries
 */
export function clauseDiff(canon: string, other: string, start = 0, end = canon.length): Hunk[] {
  const parts = diffChars(canon.slice(start, end), other);
  // Alternate equal runs and changes: [eq, change, eq, change, …, eq].
  const runs: { eq: boolean; c: string; o: string }[] = [];
  for (const p of parts) {
    const last = runs.at(-1);
    const eq = !p.added && !p.removed;
    if (last && last.eq === eq) {
      if (!p.added) last.c += p.value;
      if (!p.removed) last.o += p.value;
    } else {
      runs.push({ eq, c: p.added ? '' : p.value, o: p.removed ? '' : p.value });
    }
  }
  const hunks: Hunk[] = [];
  let cpos = start;
  let opos = 0;
  let open: Hunk | null = null;
  for (let k = 0; k < runs.length; k++) {
    const r = runs[k]!;
    if (!r.eq) {
      if (!open) {
        // Widen left to the clause start, inside the equal run before.
        const prev = runs[k - 1];
        const back = prev ? leftClause(prev.c) : 0;
        open = { cs: cpos - back, ce: 0, os: opos - back, oe: 0 };
      }
    } else if (open) {
      const hasBoundary = [...r.c].some((ch) => clauseBoundary.has(ch));
      if (hasBoundary || k === runs.length - 1) {
        const ahead = rightClause(r.c);
        open.ce = cpos + ahead;
        open.oe = opos + ahead;
        hunks.push(open);
        open = null;
      }
    }
    cpos += r.c.length;
    opos += r.o.length;
  }
  if (open) {
    open.ce = cpos;
    open.oe = opos;
    hunks.push(open);
  }
  return hunks.filter((h) => compact(canon.slice(h.cs, h.ce)) !== compact(other.slice(h.os, h.oe)));
}

/** Length of the clause tail at the end of `s` (after its last clause boundary). */
function leftClause(s: string): number {
  const chars = [...s];
  let n = 0;
  for (let i = chars.length - 1; i >= 0 && !clauseBoundary.has(chars[i]!); i--) n += chars[i]!.length;
  return n;
}

/** Length of the clause head at the start of `s`, up to and including its first clause boundary. */
function rightClause(s: string): number {
  let n = 0;
  for (const ch of s) {
    n += ch.length;
    if (clauseBoundary.has(ch)) break;
  }
  return n;
}

function variantsOf(field: VariantField, source: string, canon: string, other: string, start?: number, end?: number): Variant[] {
  return clauseDiff(canon, other, start, end).map((h) => ({
    field,
    source,
    canonical: canon.slice(h.cs, h.ce),
    text: other.slice(h.os, h.oe),
    start: h.cs,
    end: h.ce,
  }));
}

/** Orders members by the canonical rule: whole copies first, then priority, then length. */
function byCanonicalRule(a: Member, b: Member): number {
  const whole = (m: Member) => (m.ex.partialStart || m.ex.partialEnd ? 0 : 1);
  return whole(b) - whole(a) || b.priority - a.priority || flat(b.ex).length - flat(a.ex).length || a.source.localeCompare(b.source);
}

/** Builds one merged exchange from the copies that carry it. */
function mergeGroup(group: readonly Member[]): MergedExchange {
  const members = [...group].sort(byCanonicalRule);
  const canon = members[0]!;
  const withQuestion = members.find((m) => m.ex.question !== null);
  const questioner = canon.ex.questioner ?? withQuestion?.ex.questioner ?? null;
  const question = canon.ex.question ?? withQuestion?.ex.question ?? null;
  const canonFlat = flat(canon.ex);
  const kind: ExchangeKind = members.some((m) => m.ex.kind === 'opening') ? 'opening' : members.some((m) => m.ex.kind === 'closing') ? 'closing' : 'answer';

  const variants: Variant[] = [];
  const coverage: Coverage[] = [{ source: canon.source, start: 0, end: canonFlat.length }];
  for (const m of members.slice(1)) {
    if (m.ex.questioner !== null && questioner !== null && m.ex.questioner !== questioner) {
      variants.push({ field: 'questioner', source: m.source, canonical: questioner, text: m.ex.questioner, start: 0, end: questioner.length });
    }
    if (m.ex.question !== null && question !== null) variants.push(...variantsOf('question', m.source, question, m.ex.question));
    const otherFlat = flat(m.ex);
    const start = m.ex.partialStart ? Math.max(0, anchor(canonFlat, otherFlat, false)) : 0;
    const foundEnd = m.ex.partialEnd ? anchor(canonFlat, otherFlat, true) : -1;
    const end = foundEnd > start ? foundEnd : canonFlat.length;
    coverage.push({ source: m.source, start, end });
    variants.push(...variantsOf('answer', m.source, canonFlat, otherFlat, start, end));
  }

  const paragraphs: Paragraph[] = [];
  let offset = 0;
  for (const p of canon.ex.paragraphs) {
    const from = offset;
    const to = offset + p.text.length;
    offset = to;
    paragraphs.push({ text: p.text, sources: coverage.filter((c) => c.start < to && c.end > from).map((c) => c.source) });
  }
  return {
    kind,
    questioner,
    question,
    paragraphs,
    sources: members.map((m) => m.source),
    canonicalSource: canon.source,
    variants,
    coverage,
  };
}

/**
 * Merges the copies of one conference into its list of exchanges, in conference order.
 * @param copies - every parsed copy of the same conference
 */
export function mergeCopies(copies: readonly RankedSource[]): MergedExchange[] {
  const ordered = [...copies].sort((a, b) => b.priority - a.priority || a.parsed.file.localeCompare(b.parsed.file));
  let groups: Member[][] = [];
  for (const { parsed, priority } of ordered) {
    const members = parsed.exchanges.map((ex) => ({ source: parsed.file, priority, ex }));
    groups = groups.length === 0 ? members.map((m) => [m]) : alignInto(groups, members);
  }
  return groups.map(mergeGroup);
}

/**
 * One copy's text of an exchange field, rebuilt from the canonical text and that copy's variants.
 * Used to prove that merging lost nothing: it must equal what the copy printed.
 */
export function textOfSource(exchange: MergedExchange, source: string, field: 'question' | 'answer'): string | null {
  const base = field === 'question' ? exchange.question : exchange.paragraphs.map((p) => p.text).join('');
  if (base === null) return null;
  const cover = field === 'answer' ? exchange.coverage.find((c) => c.source === source) : { start: 0, end: base.length };
  if (!cover) return null;
  const vs = exchange.variants.filter((v) => v.field === field && v.source === source).sort((a, b) => a.start - b.start);
  let out = '';
  let at = cover.start;
  for (const v of vs) {
    out += base.slice(at, v.start) + v.text;
    at = v.end;
  }
  return out + base.slice(at, cover.end);
}
