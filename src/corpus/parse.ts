/**
 * Parsing one raw copy into its conference and exchanges: a pipeline of the cleaning passes in
 * `clean.ts`, then speaker turns, then exchanges. Knows the shapes of transcripts, never file names.
 */
import {
  RemovalLog,
  cutUnrelatedArticles,
  findMinister,
  joinPageBreaks,
  removeCaptions,
  removeContinuationMarkers,
  removeReportLines,
  speakerOf,
  stripMarkup,
  toLines,
  type Line,
  type Para,
} from './clean.js';
import { CorpusError, detectConference, type ConferenceInfo } from './conference.js';
import type { ExchangeKind, Removal, SourceInfo } from './model.js';

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
  readonly minister: string;
  readonly exchanges: readonly SourceExchange[];
  readonly removed: readonly Removal[];
}

interface Turn {
  speaker: { kind: 'minister' } | { kind: 'questioner'; label: string };
  paras: Para[];
  line: number;
}

const sentencePunct = /[。！？!?；;]\s*$/u;

/**
 * Parses one copy.
 * @param file - file name, used in errors and as the source id
 * @param raw - the file's text, untouched
 * @param info - the file's entry in `corpus/sources.json`, if any
 * @throws CorpusError when the conference or the speakers cannot be told
 */
export function parseSource(file: string, raw: string, info?: SourceInfo): ParsedSource {
  const log = new RemovalLog(file);
  let lines = toLines(raw);
  const minister = findMinister(lines);
  if (!minister) throw new CorpusError(`corpus: cannot find the minister's name in ${file} (no "外交部长…就" and no repeated speaker label)`);

  const firstTurnOf = (ls: readonly Line[]) => ls.findIndex((l) => speakerOf(l.text, minister) !== null);
  if (firstTurnOf(lines) < 0) throw new CorpusError(`corpus: ${file} has no speaker turns ("${minister}：" or "…记者：")`);

  const cut = cutUnrelatedArticles(lines, firstTurnOf(lines), log);
  lines = removeCaptions(cut.lines, log);
  lines = removeContinuationMarkers(lines, log);

  const start = firstTurnOf(lines);
  const headerLines = lines.slice(0, start);
  const conference = detectConference(headerLines.map((l) => l.text).join('\n'), file, info?.conference);

  const fragment = readHeader(stripMarkup(headerLines, log), log);
  const turns = readTurns(stripMarkup(lines.slice(start), log), minister, log);

  const exchanges: SourceExchange[] = [];
  if (fragment.length > 0) {
    exchanges.push({ kind: 'answer', questioner: null, question: null, paragraphs: fragment, partialStart: true, partialEnd: false, line: fragment[0]!.lines[0]! });
  }
  let pending: Turn | null = null;
  turns.forEach((turn, i) => {
    if (turn.speaker.kind === 'questioner') {
      if (pending) exchanges.push(toExchange('answer', pending, [], turn.line));
      pending = turn;
      return;
    }
    const paras = removeReportLines(joinPageBreaks(turn.paras, log), log);
    if (pending) {
      exchanges.push(toExchange('answer', pending, paras, pending.line));
      pending = null;
    } else {
      const kind: ExchangeKind = exchanges.length === 0 ? 'opening' : i === turns.length - 1 ? 'closing' : 'answer';
      exchanges.push({ kind, questioner: null, question: null, paragraphs: paras, partialStart: false, partialEnd: false, line: turn.line });
    }
  });
  if (pending) exchanges.push(toExchange('answer', pending, [], (pending as Turn).line));

  if (cut.cut && exchanges.length > 0) {
    const last = exchanges.pop()!;
    exchanges.push({ ...last, partialEnd: true });
  }
  return { file, conference, minister, exchanges, removed: log.entries };
}

function toExchange(kind: ExchangeKind, question: Turn, paragraphs: Para[], line: number): SourceExchange {
  const label = question.speaker.kind === 'questioner' ? question.speaker.label : null;
  return {
    kind,
    questioner: label,
    question: question.paras.map((p) => p.text).join(''),
    paragraphs,
    partialStart: false,
    partialEnd: false,
    line,
  };
}

/**
 * The header is the title, headings and lede. Sentences after the lede that nobody introduces are
 * the tail of an answer whose start is on a page this copy lacks; they are returned as a fragment.
 */
function readHeader(lines: readonly Line[], log: RemovalLog): Para[] {
  const fragment: Para[] = [];
  let ledeSeen = false;
  for (const l of lines) {
    if (l.text === '') continue;
    if (!ledeSeen && /记者会|记者提问|答中外记者问/u.test(l.text) && sentencePunct.test(l.text)) {
      ledeSeen = true;
      log.add(l.n, l.text, 'lede');
    } else if (ledeSeen && sentencePunct.test(l.text)) {
      fragment.push({ text: l.text, lines: [l.n] });
    } else {
      log.add(l.n, l.text, 'heading');
    }
  }
  return fragment;
}

/** Splits the body into speaker turns; lines without a label continue the current turn. */
function readTurns(lines: readonly Line[], minister: string, log: RemovalLog): Turn[] {
  const turns: Turn[] = [];
  for (const l of lines) {
    if (l.text === '') continue;
    const s = speakerOf(l.text, minister);
    if (s) {
      turns.push({ speaker: s.speaker, paras: s.rest.trim() === '' ? [] : [{ text: s.rest.trim(), lines: [l.n] }], line: l.n });
    } else if (turns.length > 0) {
      turns.at(-1)!.paras.push({ text: l.text, lines: [l.n] });
    } else {
      log.add(l.n, l.text, 'heading');
    }
  }
  return turns;
}
