/** Plain-text rendering of search results for the command-line tools. Pure. */
import type { CompareResponse, SearchResponse, SearchResult } from './engine.js';

/** One result as readable text: where and who, the quote, the sources and any disagreement. */
export function formatResult(r: SearchResult, rank?: number): string {
  const head = `${rank !== undefined ? `${rank}. ` : ''}[${r.id}] ${r.year} (${r.date ?? 'date unknown'}), ${r.conference} press conference`;
  const asked = r.questioner ? `Asked by ${r.questioner}: ${r.question}` : 'Remarks by the minister (no question)';
  const lines = [head, asked, r.match === 'answer' ? 'The answer mentions the topic in passing.' : '', '', ...r.quote.split('\n').map((p) => `  > ${p}`)];
  const [first, last] = r.quoteRange;
  const total = r.answer.split('\n').length;
  if (first > 0 || last < total - 1) lines.push(`  (paragraphs ${first + 1}–${last + 1} of ${total})`);
  lines.push('', `Sources: ${r.quoteSources.join(', ')}`);
  const disagreements = r.variants.filter((v) => v.inQuote);
  if (disagreements.length > 0) {
    lines.push('Copies disagree here:');
    for (const v of disagreements) lines.push(`  ${v.field}: «${v.canonical}» / ${v.source}: «${v.text}»`);
  }
  return lines.filter((l, i, all) => !(l === '' && all[i - 1] === '')).join('\n');
}

/** A whole response: what was searched, then each result, or why there is none. */
export function formatResponse(res: SearchResponse): string {
  const searched = res.terms.length > 0 ? `Searched: ${res.terms.join(', ')}` : 'Searched: nothing (no topic or Chinese word recognised)';
  const lines = [`${searched}${res.year ? ` in ${res.year}` : ''}`];
  if (res.ignored.length > 0) lines.push(`Not recognised, not searched: ${res.ignored.join(', ')}`);
  if (res.corrected.length > 0) lines.push(`Read as: ${res.corrected.map((c) => `${c.from} → ${c.to}`).join(', ')}`);
  if (res.outcome === 'not-mentioned') {
    const what = res.notMentioned.map((n) => (n.typed === n.term ? n.term : `${n.typed} (${n.term})`)).join(', ');
    lines.push('', `Not mentioned at any conference of the corpus${res.year ? ` in ${res.year}` : ''}: ${what}.`);
    return lines.join('\n');
  }
  if (res.results.length === 0) {
    lines.push('', `No statement found for "${res.query}"${res.year ? ` in ${res.year}` : ''}.`);
    return lines.join('\n');
  }
  res.results.forEach((r, i) => lines.push('', formatResult(r, i + 1)));
  return lines.join('\n');
}

/** A comparison across years: each year's best exchange, or an explicit none. */
export function formatCompare(res: CompareResponse): string {
  const lines = [`${res.topic}: searched ${res.terms.join(', ') || 'nothing'}`];
  for (const { year, result } of res.years) {
    lines.push('', `── ${year} ──`, result ? formatResult(result) : `No statement on ${res.topic} in ${year}.`);
  }
  return lines.join('\n');
}
