/**
 * Aligning the exchanges of several copies of one conference: which printed exchanges are the
 * same real one. Copies are taken in an order fixed by their content (the fullest first), never by
 * their names or priorities, so the same files always give the same exchanges. Pure.
 */
import type { ParsedSource, SourceExchange } from './parse.js';
import { foldCompact } from './script.js';
import { bigrams, containment, dice } from './text.js';

/** Two exchanges are the same real exchange above this similarity. */
export const sameExchangeThreshold = 0.6;

/** One exchange as carried by one copy. */
export interface Member {
  readonly source: string;
  readonly priority: number;
  /** The copy's place in the content order (see `contentOrder`). */
  readonly order: number;
  readonly ex: SourceExchange;
}

/** The answer of a printed exchange as one string (paragraphs joined). */
export const flatAnswer = (ex: SourceExchange) => ex.paragraphs.map((p) => p.text).join('');

const gramCache = new WeakMap<SourceExchange, { question: Set<string> | null; answer: Set<string> }>();
function gramsOf(ex: SourceExchange) {
  let g = gramCache.get(ex);
  if (!g) {
    g = { question: ex.question === null ? null : bigrams(foldCompact(`${ex.questioner ?? ''}${ex.question}`)), answer: bigrams(foldCompact(flatAnswer(ex))) };
    gramCache.set(ex, g);
  }
  return g;
}

/** How likely two printed exchanges are the same real one: by question, else by answer text (containment for partial copies). */
export function exchangeSimilarity(a: SourceExchange, b: SourceExchange): number {
  if (a.kind !== b.kind && a.kind !== 'answer' && b.kind !== 'answer') return 0;
  const ga = gramsOf(a);
  const gb = gramsOf(b);
  const byQuestion = ga.question && gb.question ? dice(ga.question, gb.question) : 0;
  const partial = a.partialStart || a.partialEnd || b.partialStart || b.partialEnd;
  const [small, large] = ga.answer.size <= gb.answer.size ? [ga.answer, gb.answer] : [gb.answer, ga.answer];
  const byAnswer = partial ? containment(small, large) : dice(ga.answer, gb.answer);
  return Math.max(byQuestion, byAnswer);
}

/**
 * The order copies are aligned in: most exchanges first, then most text, then the text itself, so
 * that a continuation page never becomes the frame the complete copy is fitted into.
 */
export function contentOrder(copies: readonly ParsedSource[]): ParsedSource[] {
  const size = (p: ParsedSource) => p.exchanges.reduce((n, e) => n + foldCompact(flatAnswer(e)).length, 0);
  const key = (p: ParsedSource) => p.exchanges.map((e) => foldCompact(`${e.question ?? ''}${flatAnswer(e)}`)).join('|');
  return [...copies].sort((a, b) => b.exchanges.length - a.exchanges.length || size(b) - size(a) || (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
}

/**
 * Aligns the exchanges of one more copy with the groups found so far, keeping both orders
 * (a weighted longest common subsequence). Unmatched exchanges become groups of their own.
 */
export function alignInto(groups: Member[][], next: readonly Member[]): Member[][] {
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

/** Groups the exchanges of every copy of a conference into real exchanges, in conference order. */
export function alignCopies(copies: readonly { parsed: ParsedSource; priority: number }[]): Member[][] {
  const priorityOf = new Map(copies.map((c) => [c.parsed, c.priority]));
  let groups: Member[][] = [];
  contentOrder(copies.map((c) => c.parsed)).forEach((parsed, order) => {
    const members = parsed.exchanges.map((ex) => ({ source: parsed.file, priority: priorityOf.get(parsed)!, order, ex }));
    groups = groups.length === 0 ? members.map((m) => [m]) : alignInto(groups, members);
  });
  return groups;
}
