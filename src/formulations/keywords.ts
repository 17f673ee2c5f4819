/**
 * `/keywords`: the words and two-word phrases a year says distinctively often against the other
 * years, by log-likelihood (Dunning 1993). Candidates are nodejieba's tokens of the minister's words
 * and pairs of neighbouring tokens; each candidate is then counted as `/phrase` counts it (on the
 * reading, once per conference), so a keyword's figures are its `/phrase` figures. The candidates
 * and each year's keywords against the rest are computed when the index is built
 * (`buildKeywordData`, in the index builder's process, which has the full dictionary); a pair of
 * years is ranked on request from the stored candidates. Pure.
 */
import stopList from './stop-words.json' with { type: 'json' };
import { matchForm, type PhraseText } from './text.js';

/** Fewest occurrences (as tokens) in its year for a word to be a candidate. */
export const minCount = 3;
/** Keywords kept per year. */
export const keywordsPerYear = 30;
/** Candidates per year counted exactly against every other year at build time, best by their token figures. */
const exactCandidates = 120;

/** Words never listed (`stop-words.json`, reviewed). */
export const keywordStopWords: ReadonlySet<string> = new Set((stopList as { words: string[] }).words);

/** Numbers in figures or words, with their units (2024, 十年, 三个, 第一): no keyword. */
const numeric = /^(?:[\d.,%]+|[零〇一二三四五六七八九十百千万亿两几多半第]+)[年月日号个次项条位名届周岁倍天点多]*$/u;

const decided = new Map<string, boolean>();

/** Whether a token may be a keyword, or a part of a two-word one: Chinese, two characters or more, no number, no stop word. */
export function candidateToken(token: string): boolean {
  let ok = decided.get(token);
  if (ok === undefined) {
    ok = /^\p{Script=Han}{2,}$/u.test(token) && !numeric.test(token) && !keywordStopWords.has(token);
    if (decided.size < 200_000) decided.set(token, ok);
  }
  return ok;
}

/** One keyword of a year. */
export interface Keyword {
  readonly term: string;
  /** Occurrences in the year (its `/phrase` count). */
  readonly count: number;
  /** Occurrences in the other years compared. */
  readonly otherCount: number;
  /** Log-likelihood (G²): how unlikely the difference is by chance; higher first. */
  readonly ll: number;
}

/** What the index builder stores (`keywords.json`). */
export interface KeywordData {
  readonly years: readonly {
    readonly year: number;
    /** Candidate terms of the year (tokens and pairs said at least `minCount` times), sorted. */
    readonly candidates: readonly string[];
    /** Its keywords against every other year. */
    readonly keywords: readonly Keyword[];
  }[];
}

/**
 * Dunning's log-likelihood of `a` occurrences in `c` characters against `b` in `d`, signed: positive
 * when the first text uses the term more often.
 */
export function logLikelihood(a: number, b: number, c: number, d: number): number {
  if (c === 0 || d === 0 || a + b === 0) return 0;
  const e1 = (c * (a + b)) / (c + d);
  const e2 = (d * (a + b)) / (c + d);
  const g2 = 2 * ((a > 0 ? a * Math.log(a / e1) : 0) + (b > 0 ? b * Math.log(b / e2) : 0));
  return a / c >= b / d ? g2 : -g2;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

const totals = new WeakMap<Map<number, number>, number>();
/** The sum of a term's counts over every year (kept with the counts). */
function totalOf(byYear: Map<number, number>): number {
  let total = totals.get(byYear);
  if (total === undefined) {
    total = 0;
    for (const n of byYear.values()) total += n;
    totals.set(byYear, total);
  }
  return total;
}

/** Ranks candidates of a year against other years by their exact counts; the distinctive ones, best first. */
export function rankKeywords(
  text: PhraseText,
  year: number,
  others: readonly number[],
  candidates: readonly string[],
  limit = keywordsPerYear,
  memo: Map<string, Map<number, number>> = new Map(),
): Keyword[] {
  const size = text.chars(year, 'answers');
  const otherSize = others.reduce((n, y) => n + text.chars(y, 'answers'), 0);
  const out: Keyword[] = [];
  // Against many years, one pass over the corpus per term beats one per year; against all the others, the rest of the total.
  const many = others.length > 2;
  const allOthers = others.length === text.years.length - 1 && !others.includes(year);
  for (const term of candidates) {
    const form = matchForm(term).form;
    let byYear = many ? memo.get(form) : undefined;
    if (many && !byYear) memo.set(form, (byYear = text.countByYear(form, 'answers')));
    const count = byYear ? (byYear.get(year) ?? 0) : text.count(form, year, 'answers');
    if (count < minCount) continue;
    const otherCount =
      allOthers && byYear ? totalOf(byYear) - count : others.reduce((n, y) => n + (byYear ? (byYear.get(y) ?? 0) : text.count(form, y, 'answers')), 0);
    const ll = logLikelihood(count, otherCount, size, otherSize);
    if (ll > 0) out.push({ term, count, otherCount, ll: round2(ll) });
  }
  return out.sort((a, b) => b.ll - a.ll || b.count - a.count || (a.term < b.term ? -1 : 1)).slice(0, limit);
}

/**
 * The keyword data of a corpus. `cut` segments a paragraph into tokens (nodejieba's `cut`, in order).
 * Candidates are ranked first by their token counts (cheap), and the best `exactCandidates` of each
 * year are counted exactly.
 */
export function buildKeywordData(text: PhraseText, cut: (paragraph: string) => readonly string[]): KeywordData {
  // Words are numbered and a pair is a number too, so counting makes no new strings.
  const ids = new Map<string, number>();
  const names: string[] = [];
  const idOf = (t: string): number => {
    let id = ids.get(t);
    if (id === undefined) {
      id = candidateToken(t) ? names.push(t) - 1 : -1;
      ids.set(t, id);
    }
    return id;
  };
  const pairBase = 2 ** 21;
  const nameOf = (key: number) => (key < pairBase ? names[key]! : `${names[Math.floor(key / pairBase) - 1]!}${names[key % pairBase]!}`);
  const byYear = new Map<number, Map<number, number>>();
  const tokensOfYear = new Map<number, number>();
  for (const doc of text.docs) {
    if (doc.field !== 'answer') continue;
    let counts = byYear.get(doc.year);
    if (!counts) byYear.set(doc.year, (counts = new Map<number, number>()));
    const tokens = cut(doc.text);
    tokensOfYear.set(doc.year, (tokensOfYear.get(doc.year) ?? 0) + tokens.length);
    let previous = -1;
    for (const t of tokens) {
      const id = idOf(t);
      if (id >= 0) {
        counts.set(id, (counts.get(id) ?? 0) + 1);
        if (previous >= 0) {
          const pair = (previous + 1) * pairBase + id;
          counts.set(pair, (counts.get(pair) ?? 0) + 1);
        }
      }
      previous = id;
    }
  }
  // Token counts over every year, to rank each year's candidates against the rest before counting exactly.
  const all = new Map<number, number>();
  for (const counts of byYear.values()) for (const [t, n] of counts) all.set(t, (all.get(t) ?? 0) + n);
  const totalTokens = [...tokensOfYear.values()].reduce((a, b) => a + b, 0);
  const memo = new Map<string, Map<number, number>>();
  const years = text.years.map((year) => {
    const counts = byYear.get(year) ?? new Map<number, number>();
    const size = tokensOfYear.get(year) ?? 0;
    const frequent = [...counts].filter(([, n]) => n >= minCount);
    const best = frequent
      .map(([key, n]) => ({ key, ll: logLikelihood(n, all.get(key)! - n, size, totalTokens - size) }))
      .sort((a, b) => b.ll - a.ll)
      .slice(0, exactCandidates)
      .map((c) => nameOf(c.key));
    const others = text.years.filter((y) => y !== year);
    const candidates = frequent.map(([key]) => nameOf(key)).sort();
    return { year, candidates, keywords: others.length === 0 ? [] : rankKeywords(text, year, others, best, keywordsPerYear, memo) };
  });
  return { years };
}

/** A year's keywords: against every other year (as built), or against the years named (ranked now from the stored candidates). */
export function keywordsOf(data: KeywordData, text: PhraseText, year: number, vs: readonly number[] = []): Keyword[] {
  const entry = data.years.find((y) => y.year === year);
  if (!entry) return [];
  const others = vs.filter((y) => y !== year);
  return others.length === 0 ? [...entry.keywords] : rankKeywords(text, year, others, entry.candidates);
}
