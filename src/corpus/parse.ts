/**
 * Parsing one raw copy into its conference and exchanges: a pipeline of the cleaning passes in
 * `clean.ts`, then speaker turns (`speakers.ts`), then exchanges. A file is a copy only if its
 * header says that the foreign minister answers the press (or `sources.json` states the
 * conference); anything else is refused with a typed reason. Knows the shapes of transcripts,
 * never file names.
 */
import {
  RemovalLog,
  cutUnrelatedArticles,
  joinPageBreaks,
  removeCaptions,
  removeContinuationMarkers,
  removeReportLines,
  removeTimestamps,
  stripMarkup,
  type Para,
} from './clean.js';
import { detectConference, ministerOf, type ConferenceInfo } from './conference.js';
import { linesOf, type Line } from './lines.js';
import type { ExchangeKind, RejectionReason, Removal, SourceInfo, Warning } from './model.js';
import { fold } from './script.js';
import { opensQuestion, readLabel, type Speaker } from './speakers.js';

/** An exchange as one copy prints it, before copies are merged. */
export interface SourceExchange {
  readonly kind: ExchangeKind;
  readonly questioner: string | null;
  readonly question: string | null;
  readonly paragraphs: readonly Para[];
  /** The copy starts inside this answer (its question and first words are on a page it lacks). */
  readonly partialStart: boolean;
  /** The copy stops inside this answer (cut by a continuation marker or another article). */
  readonly partialEnd: boolean;
  /** Line of the first word of this exchange in the file. */
  readonly line: number;
}

/** One copy, parsed. */
export interface ParsedSource {
  readonly file: string;
  readonly conference: ConferenceInfo;
  /** The minister named by the header (or by `sources.json`, or by the other copies of a stated conference). */
  readonly minister: string;
  readonly exchanges: readonly SourceExchange[];
  readonly removed: readonly Removal[];
  readonly warnings: readonly Warning[];
}

/** A copy, or why the file is not one. */
export type ParseOutcome = { readonly ok: true; readonly parsed: ParsedSource } | { readonly ok: false; readonly reason: RejectionReason };

interface Turn {
  speaker: Speaker;
  paras: Para[];
  line: number;
}

/** Longer questions are reported: a question that long has usually swallowed an unlabelled answer. */
export const longQuestion = 400;

const sentencePunct = /[。！？；]\s*$/u;
/** Lines of a header that belong to the header itself (title, lede, dateline), not to an answer. */
const headerWords = /记者会|记者提问|记者问|全国人大|外交部长|新华社|中新社|本报|来源|编辑|电$/u;

const joinFolded = (lines: readonly Line[]) => fold(lines.map((l) => l.text).join('\n'));

/**
 * Parses one copy.
 * @param file - file name, used as the source id
 * @param text - the file's decoded text, untouched
 * @param info - the file's entry in `corpus/sources.json`, if any
 * @param ministerOfYear - the minister named by other copies of a year, for a copy whose header is
 *   on a page it lacks (a continuation page, whose conference `sources.json` states)
 */
export function parseSource(file: string, text: string, info?: SourceInfo, ministerOfYear?: (year: number) => string | undefined): ParseOutcome {
  const log = new RemovalLog(file);
  // Headings stay marked on their lines (`heading`), which every pass carries along.
  let lines: Line[] = removeTimestamps(stripMarkup(linesOf(text)), log);

  // The minister comes from the header: the lines before the first journalist's label.
  const firstQuestion = lines.findIndex((l) => opensQuestion(l.text));
  const stated = info?.conference;
  const named = ministerOf(joinFolded(firstQuestion < 0 ? lines : lines.slice(0, firstQuestion)));
  const minister = named ?? stated?.minister ?? (stated ? ministerOfYear?.(stated.year) : undefined);
  if (!minister) return { ok: false, reason: stated ? { kind: 'no-minister', year: stated.year } : { kind: 'not-a-conference' } };

  const firstTurnOf = (ls: readonly Line[]) => ls.findIndex((l) => readLabel(l.text, minister) !== null);
  if (firstTurnOf(lines) < 0) return { ok: false, reason: { kind: 'no-turns', minister } };
  // The statement must be the header's, not a mention inside the text of something else.
  if (!stated && ministerOf(joinFolded(lines.slice(0, firstTurnOf(lines)))) === null) return { ok: false, reason: { kind: 'not-a-conference' } };

  lines = removeReportLines(lines, minister, log);
  // Captions first: a caption may repeat the lede (`3月7日，…外交部长王毅就…回答中外记者提问。新华社记者 摄`).
  lines = removeCaptions(lines, firstTurnOf(lines), log);
  const cut = cutUnrelatedArticles(lines, firstTurnOf(lines), log);
  lines = removeContinuationMarkers(cut.lines, log);

  const start = firstTurnOf(lines);
  const headerLines = lines.slice(0, start);
  const detected = detectConference(joinFolded(headerLines), stated);
  if (!detected.ok) return { ok: false, reason: { kind: 'conference', problem: detected.problem } };

  const fragment = readHeader(headerLines, log);
  const body = lines.slice(start).filter((l) => {
    if (l.heading !== true) return true;
    log.add(l.n, l.text, 'heading');
    return false;
  });
  const warnings: Warning[] = [];
  const warn = (line: number, kind: Warning['kind'], length?: number) => warnings.push({ source: file, line, kind, ...(length === undefined ? {} : { length }) });
  const turns = readTurns(body, minister, log, (line) => warn(line, 'short-line-joined')).filter((t) => {
    // Someone else's words (a moderator's) are never the minister's, nor part of a question.
    if (t.speaker.kind !== 'other') return true;
    log.add(t.line, `${t.speaker.label}：${t.paras.map((p) => p.text).join('')}`, 'other-speaker');
    return false;
  });
  // A copy is an exchange of questions and the minister's answers; a page that only quotes him
  // (a round-up of his sayings, an interview with someone else) is not one.
  const spoken = (kind: Speaker['kind']) => turns.some((t) => t.speaker.kind === kind && t.paras.length > 0);
  if (!spoken('minister') || (!stated && !spoken('questioner'))) return { ok: false, reason: { kind: 'no-turns', minister } };

  const exchanges: SourceExchange[] = [];
  if (fragment.length > 0) {
    warn(fragment[0]!.lines[0]!, 'turn-without-speaker');
    exchanges.push({ kind: 'answer', questioner: null, question: null, paragraphs: fragment, partialStart: true, partialEnd: false, line: fragment[0]!.lines[0]! });
  }
  let pending: Turn | null = null;
  const ask = (question: Turn, paragraphs: Para[]): SourceExchange => {
    const q = joinPageBreaks(question.paras, log)
      .map((p) => p.text)
      .join('');
    if ([...q].length > longQuestion) warn(question.line, 'long-question', [...q].length);
    if (paragraphs.length === 0) warn(question.line, 'question-without-answer');
    const label = question.speaker.kind === 'questioner' ? question.speaker.label : null;
    return { kind: 'answer', questioner: label, question: q, paragraphs, partialStart: false, partialEnd: false, line: question.line };
  };
  turns.forEach((turn, i) => {
    if (turn.speaker.kind === 'questioner') {
      if (turn.paras.length === 0) return;
      if (pending) exchanges.push(ask(pending, []));
      pending = turn;
      return;
    }
    const paras = joinPageBreaks(turn.paras, log);
    if (paras.length === 0) return;
    if (pending) {
      exchanges.push(ask(pending, paras));
      pending = null;
      return;
    }
    // Without the conference's own header (a continuation page), a first answer is not the opening.
    const continues = exchanges.length === 0 && named === null;
    const kind: ExchangeKind = exchanges.length === 0 && !continues ? 'opening' : i === turns.length - 1 && exchanges.length > 0 ? 'closing' : 'answer';
    if (kind === 'answer') warn(turn.line, continues ? 'turn-without-speaker' : 'answer-without-question');
    exchanges.push({ kind, questioner: null, question: null, paragraphs: paras, partialStart: continues, partialEnd: false, line: turn.line });
  });
  if (pending) exchanges.push(ask(pending, []));

  if (cut.cut && exchanges.length > 0) {
    const last = exchanges.pop()!;
    exchanges.push({ ...last, partialEnd: true });
  }
  return { ok: true, parsed: { file, conference: detected.info, minister, exchanges, removed: log.entries, warnings } };
}

/**
 * The header is the title, headings and lede. Sentences after the last line of the header that
 * nobody introduces are the tail of an answer whose start is on a page this copy lacks; they are
 * returned as a fragment.
 */
function readHeader(lines: readonly Line[], log: RemovalLog): Para[] {
  const texts = lines.map((l) => fold(l.text).trim());
  // The header ends after its last line that names the conference or the outlet, and the
  // headings and decks (lines that are not sentences) right after it.
  const headerLine = (t: string) => headerWords.test(t) && (isTitleLike(t) || /记者会|记者提问|答中外记者问|电\s/u.test(t) || /电$/u.test(t));
  let from = texts.reduce((last, t, i) => (headerLine(t) ? i : last), -1) + 1;
  while (from < texts.length && (texts[from] === '' || isTitleLike(texts[from]!))) from++;
  const fragment: Para[] = [];
  lines.forEach((l, i) => {
    if (texts[i] === '') return;
    if (i >= from) fragment.push({ text: l.text.trim(), lines: [l.n] });
    else log.add(l.n, l.text, /记者会|记者提问|答中外记者问/u.test(texts[i]!) && sentencePunct.test(texts[i]!) ? 'lede' : 'heading');
  });
  return joinPageBreaks(fragment, log);
}

/** A short line with no punctuation at all: a headline, a deck, a page header, a subheading. */
function isTitleLike(folded: string): boolean {
  return [...folded].length <= 30 && !/[。！？；：，、…“”]/u.test(folded);
}

/**
 * Splits the body into speaker turns; lines without a label continue the current turn. A title-like
 * line just before a label is the newspaper's subheading over the next question, never the end of
 * an answer; one inside an answer may be a subheading or the start of a paragraph cut by a page
 * break (`我们` / `认为…`), so it is kept, joined, and reported through `onShortLine`.
 */
function readTurns(lines: readonly Line[], minister: string, log: RemovalLog, onShortLine: (line: number) => void): Turn[] {
  const turns: Turn[] = [];
  const texts = lines.map((l) => l.text.trim());
  const labels = lines.map((l) => readLabel(l.text, minister));
  const nextKept = (i: number) => {
    let k = i + 1;
    while (k < lines.length && texts[k] === '') k++;
    return k;
  };
  lines.forEach((l, i) => {
    if (texts[i] === '') return;
    const s = labels[i];
    if (s) {
      turns.push({ speaker: s.speaker, paras: s.rest.trim() === '' ? [] : [{ text: s.rest.trim(), lines: [l.n] }], line: l.n });
      return;
    }
    const turn = turns.at(-1);
    if (!turn) {
      log.add(l.n, l.text, 'heading');
      return;
    }
    if (isTitleLike(fold(texts[i]!))) {
      const next = nextKept(i);
      if (next >= lines.length || labels[next]) {
        log.add(l.n, l.text, 'heading');
        return;
      }
      if (turn.paras.length > 0 && /[。！？；]$/u.test(fold(turn.paras.at(-1)!.text))) onShortLine(l.n);
    }
    turn.paras.push({ text: texts[i]!, lines: [l.n] });
  });
  return turns;
}
