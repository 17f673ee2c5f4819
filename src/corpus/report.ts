/** The corpus model as JSON and as a readable report (what `npm run corpus` prints). Pure. */
import { defaultPriority, type LoadedCorpus } from './load.js';
import { CorpusError } from './conference.js';
import type { ConferenceProblem } from './conference.js';
import type { Corpus, Rejection, RemovalReason, Warning } from './model.js';
import { answerText } from './model.js';

/**
 * The corpus, when at least one file is a copy of the conference; otherwise a CorpusError that
 * names each file and why it was left out. Nothing can be quoted from such a folder, so the bot and
 * the site stop with the reason rather than start empty.
 */
export function withConferences<C extends Pick<LoadedCorpus, 'conferences' | 'rejected' | 'duplicates'>>(corpus: C, dir: string): C {
  if (corpus.conferences.length > 0) return corpus;
  const why = [...corpus.rejected.map((r) => `${r.source}: ${rejectionMessage(r)}`), ...corpus.duplicates.map((d) => `${d.source}: the same text as ${d.of}`)];
  throw new CorpusError(`corpus: no file in ${dir} is a copy of the foreign minister's press conference${why.length > 0 ? ` (${why.join('; ')})` : ''}`);
}

/** A rejection in words, naming the value at fault. */
export function rejectionMessage(r: Rejection): string {
  const why = r.reason;
  switch (why.kind) {
    case 'undecodable':
      return why.detail === 'binary' ? 'not a text file (binary content)' : 'cannot be decoded as UTF-8, UTF-16 or GB18030 text';
    case 'not-a-conference':
      return 'not the foreign minister’s press conference: its header does not say that the foreign minister answers the press (外交部长…回答中外记者提问)';
    case 'no-minister':
      return `sources.json states the ${why.year} conference, but neither the file, sources.json ("minister") nor another copy of ${why.year} names the minister`;
    case 'no-turns':
      return `no exchange of a journalist's question ("…记者：") and the minister's answer ("${why.minister}：")`;
    case 'conference':
      return conferenceProblem(why.problem);
    case 'date-mismatch':
      return `prints the date ${why.date}, but the ${why.year} conference was on ${why.conferenceDate} (${why.by.join(', ') || 'sources.json'})`;
    case 'session-mismatch':
      return `prints the session ${why.session}, but the ${why.year} conference was at ${why.conferenceSession} (${why.by.join(', ')})`;
  }
}

function conferenceProblem(p: ConferenceProblem): string {
  switch (p.kind) {
    case 'session-out-of-range':
      return `cannot tell the year (NPC session "${p.session}" is outside the regular terms from the 6th NPC on)`;
    case 'date-contradicts-session':
      return `prints the date ${p.date} but the session "${p.session}" met in ${p.sessionYear}`;
    case 'unknown-year':
      return 'cannot tell the year (no date and no NPC session found; state it in corpus/sources.json)';
    case 'stated-year-contradicts':
      return `corpus/sources.json states ${p.stated} but its text says ${p.printed}`;
    case 'unknown-session':
      return 'cannot tell the NPC session (no "…届全国人大…次会议" found; state it in corpus/sources.json)';
  }
}

/** A structural warning in words. */
export function warningMessage(w: Warning): string {
  const what: Record<Warning['kind'], string> = {
    'answer-without-question': 'an answer with no question before it',
    'long-question': `a question of ${w.length ?? '?'} characters (has it swallowed an unlabelled answer?)`,
    'turn-without-speaker': 'text with no speaker label before the first turn (read as the tail of an answer on a page this copy lacks)',
    'question-without-answer': 'a question with no answer after it',
    'short-line-joined': 'a short line without punctuation inside an answer, joined to the next paragraph (a subheading, or a paragraph cut by a page break?)',
    'unlisted-source': `not listed in sources.json: publisher unknown, priority ${defaultPriority} (below every listed copy where copies disagree); add an entry`,
  };
  return w.line === 0 ? `${w.source}: ${what[w.kind]}` : `${w.source}:${w.line}: ${what[w.kind]}`;
}

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
        base: e.canonicalSource,
        paragraphs: e.paragraphs.map((p) => ({ text: p.text, sources: p.sources, reading: p.readingSources })),
        variants: e.variants.map((v) => ({ field: v.field, source: v.source, canonical: v.canonical, text: v.text, impact: v.impact, reason: v.impactReason, reading: v.readingSources, rule: v.rule })),
      })),
    })),
    rejected: corpus.rejected.map((r) => ({ source: r.source, reason: rejectionMessage(r), kind: r.reason.kind })),
    duplicates: corpus.duplicates,
    warnings: corpus.warnings.map((w) => ({ ...w, message: warningMessage(w) })),
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
  'wire-end': 'wire endings',
  footer: 'web footers (lines)',
  timestamp: 'live-blog time stamps',
  'other-speaker': 'turns of other speakers (a moderator)',
  'page-break-join': 'page-break joins',
};

/** A readable report: conferences, exchanges per conference, sources, variants, removed noise, rejected files. */
export function corpusReport(corpus: Corpus): string {
  const out: string[] = [];
  for (const c of corpus.conferences) {
    const kinds = (k: string) => c.exchanges.filter((e) => e.kind === k).length;
    const variants = c.exchanges.flatMap((e) => e.variants);
    const meaning = variants.filter((v) => v.impact === 'meaning').length;
    out.push(`${c.year}  ${c.date ?? 'date unknown'}  ${c.session}  minister ${c.minister}`);
    out.push(`  exchanges: ${kinds('answer')} answers, ${kinds('opening')} opening, ${kinds('closing')} closing`);
    out.push(`  sources (by priority): ${c.sources.join(', ')}`);
    out.push(`  variants: ${variants.length} (${meaning} change the meaning, ${variants.length - meaning} of form)`);
    for (const e of c.exchanges) {
      const who = e.kind === 'answer' ? (e.questioner ?? 'questioner not printed') : `${e.kind} remarks`;
      out.push(`    ${e.id}  ${who}  [${e.sources.join(', ')}]  reading from ${e.canonicalSource}${e.variants.length > 0 ? `  ${e.variants.length} variant(s)` : ''}`);
      const ordered = [...e.variants].sort((a, b) => Number(b.impact === 'meaning') - Number(a.impact === 'meaning'));
      for (const v of ordered) out.push(`        ${v.impact === 'meaning' ? 'MEANING' : 'form'} (${v.impactReason}) ${v.field}: «${v.canonical}» (${v.readingSources.join(', ')}) / ${v.source}: «${v.text}»`);
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
  out.push('', corpus.rejected.length === 0 ? 'Rejected files: none' : 'Rejected files (not loaded):');
  for (const r of corpus.rejected) out.push(`  ${r.source}: ${rejectionMessage(r)}`);
  for (const d of corpus.duplicates) out.push(`Duplicate: ${d.source} has the same text as ${d.of}; read once.`);
  if (corpus.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const w of corpus.warnings) out.push(`  ${warningMessage(w)}`);
  }
  return out.join('\n');
}
