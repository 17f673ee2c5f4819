/** The corpus model as JSON and as a readable report (what `npm run corpus` prints). Pure. */
import type { Corpus, RemovalReason } from './model.js';
import { answerText } from './model.js';

/** The JSON shape of `npm run corpus -- --json`. */
export function corpusJson(corpus: Corpus) {
  return {
    conferences: corpus.conferences.map((c) => ({
      id: c.id,
      year: c.year,
      date: c.date,
      session: c.session,
      minister: c.minister,
      sources: c.sources,
      exchanges: c.exchanges.map((e) => ({
        id: e.id,
        kind: e.kind,
        questioner: e.questioner,
        question: e.question,
        answer: answerText(e),
        sources: e.sources,
        variants: e.variants.map((v) => ({ field: v.field, source: v.source, canonical: v.canonical, text: v.text })),
      })),
    })),
    removed: corpus.removed.map((r) => ({ source: r.source, line: r.line, text: r.text, reason: r.reason })),
  };
}

const reasonLabel: Record<RemovalReason, string> = {
  heading: 'headings',
  lede: 'ledes (used for date and session)',
  caption: 'photo captions',
  'continuation-marker': 'continuation markers',
  'unrelated-article': 'unrelated articles (lines)',
  'report-line': "reporter's lines",
  'page-break-join': 'page-break joins',
};

/** A readable report: conferences, exchanges per conference, sources, variants, removed noise. */
export function corpusReport(corpus: Corpus): string {
  const out: string[] = [];
  for (const c of corpus.conferences) {
    const kinds = (k: string) => c.exchanges.filter((e) => e.kind === k).length;
    const variants = c.exchanges.reduce((n, e) => n + e.variants.length, 0);
    out.push(`${c.year}  ${c.date ?? 'date unknown'}  ${c.session}  minister ${c.minister}`);
    out.push(`  exchanges: ${kinds('answer')} answers, ${kinds('opening')} opening, ${kinds('closing')} closing`);
    out.push(`  sources (by priority): ${c.sources.join(', ')}`);
    out.push(`  variants: ${variants}`);
    for (const e of c.exchanges) {
      const who = e.kind === 'answer' ? (e.questioner ?? 'questioner not printed') : `${e.kind} remarks`;
      out.push(`    ${e.id}  ${who}  [${e.sources.join(', ')}]${e.variants.length > 0 ? `  ${e.variants.length} variant(s)` : ''}`);
      for (const v of e.variants) out.push(`        ${v.field}: «${v.canonical}» / ${v.source}: «${v.text}»`);
    }
    out.push('');
  }
  out.push('Removed from the sources (never part of an exchange):');
  const bySource = new Map<string, Map<RemovalReason, number>>();
  for (const r of corpus.removed) {
    const m = bySource.get(r.source) ?? new Map<RemovalReason, number>();
    m.set(r.reason, (m.get(r.reason) ?? 0) + 1);
    bySource.set(r.source, m);
  }
  for (const [source, counts] of [...bySource].sort()) {
    out.push(`  ${source}: ${[...counts].map(([reason, n]) => `${n} ${reasonLabel[reason]}`).join(', ')}`);
  }
  out.push('  (npm run --silent corpus -- --json lists every removed line with its reason)');
  return out.join('\n');
}
