/**
 * Telling which conference a copy is from, using only its own text: the printed date and the
 * NPC session, whose year follows from the session arithmetic (not from a table of known files).
 */
import { chineseNumber } from './text.js';

/** An error about the corpus; the message names the file and the value at fault. */
export class CorpusError extends Error {
  override name = 'CorpusError';
}

/** What a copy says about its conference. */
export interface ConferenceInfo {
  readonly year: number;
  readonly date: string | null;
  readonly session: string;
  readonly npc: { readonly term: number; readonly session: number };
}

/**
 * From the 6th NPC (1983) on, every term lasts five years and holds one plenary session a year,
 * so the n-th session of the t-th NPC meets in 1953 + 5t + (n - 1). Earlier terms were irregular.
 */
export const firstRegularTerm = 6;

/** The year of the `session`-th session of the `term`-th NPC, or NaN outside the regular range. */
export function sessionYear(term: number, session: number): number {
  if (!Number.isInteger(term) || term < firstRegularTerm) return Number.NaN;
  if (!Number.isInteger(session) || session < 1 || session > 5) return Number.NaN;
  return 1953 + 5 * term + (session - 1);
}

const sessionPattern = /(?:第)?([一二三四五六七八九十]{1,3})届全国人(?:民代表)?大(?:会)?(?:第)?([一二三四五])次会议/u;
const fullDatePattern = /(\d{4})年(\d{1,2})月(\d{1,2})日/u;
const dayPattern = /(\d{1,2})月(\d{1,2})日/u;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/**
 * Reads the conference from a copy's header text (title and lede).
 * @param header - the text before the first speaker turn
 * @param file - the file name, for error messages
 * @param stated - what `corpus/sources.json` states, used where the text is silent
 * @throws CorpusError when the year cannot be told, or the date and the session disagree
 */
export function detectConference(
  header: string,
  file: string,
  stated?: { year: number; date?: string; session?: string },
): ConferenceInfo {
  const s = sessionPattern.exec(header);
  const term = s ? chineseNumber(s[1]!) : Number.NaN;
  const session = s ? chineseNumber(s[2]!) : Number.NaN;
  const yearOfSession = s ? sessionYear(term, session) : Number.NaN;
  if (s && Number.isNaN(yearOfSession)) {
    throw new CorpusError(`corpus: cannot tell the year of ${file} (NPC session "${s[0]}" is outside the regular terms from the ${firstRegularTerm}th NPC on)`);
  }
  const full = fullDatePattern.exec(header);
  const day = full ? null : dayPattern.exec(header);
  const yearOfDate = full ? Number(full[1]) : Number.NaN;

  if (s && full && yearOfDate !== yearOfSession) {
    throw new CorpusError(`corpus: ${file} prints the date ${full[0]} but the session "${s[0]}" met in ${yearOfSession}`);
  }
  const year = !Number.isNaN(yearOfSession) ? yearOfSession : !Number.isNaN(yearOfDate) ? yearOfDate : stated?.year;
  if (year === undefined) {
    throw new CorpusError(`corpus: cannot tell the year of ${file} (no date and no NPC session found; state it in corpus/sources.json)`);
  }
  if (stated && stated.year !== year) {
    throw new CorpusError(`corpus: corpus/sources.json states ${stated.year} for ${file} but its text says ${year}`);
  }
  let date: string | null = stated?.date ?? null;
  if (full) date = isoDate(year, Number(full[2]), Number(full[3]));
  else if (day) date = isoDate(year, Number(day[1]), Number(day[2]));

  const sessionText = s ? s[0].replace(/^第/u, '') : stated?.session;
  const parsed = sessionText === undefined ? null : sessionPattern.exec(sessionText);
  if (!sessionText || !parsed) {
    throw new CorpusError(`corpus: cannot tell the NPC session of ${file} (no "…届全国人大…次会议" found; state it in corpus/sources.json)`);
  }
  return { year, date, session: sessionText, npc: { term: chineseNumber(parsed[1]!), session: chineseNumber(parsed[2]!) } };
}
