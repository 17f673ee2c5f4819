/**
 * One copy's text of an exchange, rebuilt from the reading and that copy's variants. It is how the
 * tests prove that merging lost nothing (the rebuilt text must be what the copy printed, script and
 * typography aside), and how Find source tells which copies carry a quote. Pure.
 */
import type { MergedExchange } from './merge.js';

/**
 * A copy's text of the question or the answer (paragraphs joined), or null when the copy does not
 * print that field. Where the copy agrees with the reading in folded form, the reading's
 * characters stand in for the copy's.
 */
export function textOfSource(exchange: Pick<MergedExchange, 'question' | 'paragraphs' | 'coverage' | 'variants' | 'questionSources'>, source: string, field: 'question' | 'answer'): string | null {
  const base = field === 'question' ? exchange.question : exchange.paragraphs.map((p) => p.text).join('');
  if (base === null) return null;
  const cover = field === 'answer' ? exchange.coverage.find((c) => c.source === source) : exchange.questionSources.includes(source) ? { start: 0, end: base.length } : undefined;
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
