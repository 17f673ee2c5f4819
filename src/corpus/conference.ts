/**
 * Telling which conference a copy is from, using only its own text: the printed date and the
 * NPC session, whose year follows from the session arithmetic (not from a table of known files).
 */
import { chineseNumber } from './text.js';

/** An error about the corpus folder itself (its metadata files); the message names the file and the value at fault. */
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
/** `2021年3月7日` or `3月7日`: the year is optional. */
const datePattern = /(?:(\d{4})年)?(\d{1,2})月(\d{1,2})日/gu;

function isoDate(year: number, month: number, day: number): string {
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Why a copy's conference cannot be told, as data. */
export type ConferenceProblem =
  | { readonly kind: 'session-out-of-range'; readonly session: string }
  | { readonly kind: 'date-contradicts-session'; readonly date: string; readonly session: string; readonly sessionYear: number }
  | { readonly kind: 'unknown-year' }
  | { readonly kind: 'stated-year-contradicts'; readonly stated: number; readonly printed: number }
  | { readonly kind: 'unknown-session' };

/** What `corpus/sources.json` may state about a copy's conference. */
export interface StatedConference {
  readonly year: number;
  readonly date?: string;
  readonly session?: string;
  readonly minister?: string;
}

/**
 * Reads the conference from a copy's header text (title and lede), which must be folded (`fold`).
 * The date is the one printed in the lede (the line naming the session or the press conference),
 * not a newspaper's page date.
 * @param header - the lines before the first speaker turn
 * @param stated - what `corpus/sources.json` states, used where the text is silent
 */
export function detectConference(header: string, stated?: StatedConference): { ok: true; info: ConferenceInfo } | { ok: false; problem: ConferenceProblem } {
  const s = sessionPattern.exec(header);
  const term = s ? chineseNumber(s[1]!) : Number.NaN;
  const session = s ? chineseNumber(s[2]!) : Number.NaN;
  const yearOfSession = s ? sessionYear(term, session) : Number.NaN;
  if (s && Number.isNaN(yearOfSession)) return { ok: false, problem: { kind: 'session-out-of-range', session: s[0] } };
  const ledes = header.split('\n').filter((l) => sessionPattern.test(l) || /记者会|记者提问|记者问/u.test(l));
  const lede = ledes.find((l) => /\d月\d{1,2}日/u.test(l)) ?? '';
  // The event's date, not a wire dateline's (`新华社北京3月7日电 3月7日，十四届…`): the last date before the session.
  const sessionAt = sessionPattern.exec(lede)?.index ?? lede.length;
  const dates = [...lede.matchAll(datePattern)];
  const event = dates.filter((m) => m.index < sessionAt).at(-1) ?? dates[0];
  const yearOfDate = event?.[1] ? Number(event[1]) : Number.NaN;

  if (s && event?.[1] && yearOfDate !== yearOfSession) {
    return { ok: false, problem: { kind: 'date-contradicts-session', date: event[0], session: s[0], sessionYear: yearOfSession } };
  }
  const year = !Number.isNaN(yearOfSession) ? yearOfSession : !Number.isNaN(yearOfDate) ? yearOfDate : stated?.year;
  if (year === undefined) return { ok: false, problem: { kind: 'unknown-year' } };
  if (stated && stated.year !== year) return { ok: false, problem: { kind: 'stated-year-contradicts', stated: stated.year, printed: year } };
  const date = event ? isoDate(year, Number(event[2]), Number(event[3])) : (stated?.date ?? null);

  const sessionText = s ? s[0].replace(/^第/u, '') : stated?.session;
  const parsed = sessionText === undefined ? null : sessionPattern.exec(sessionText);
  if (!sessionText || !parsed) return { ok: false, problem: { kind: 'unknown-session' } };
  return { ok: true, info: { year, date, session: sessionText, npc: { term: chineseNumber(parsed[1]!), session: chineseNumber(parsed[2]!) } } };
}

/**
 * The foreign minister's statement in a header: `外交部长王毅就中国外交政策和对外关系回答中外记者提问`,
 * `外交部长秦刚答中外记者问`. The name comes from here, never from the most frequent label.
 */
const ministerStatement = /(?:外交部长|外交部部长|外长)\s*(\p{Script=Han}{2,3}?)\s*(?:就|答|在|出席|回答|举行|同|与|接受)/u;
/** What makes the statement a press conference rather than a meeting or a speech. */
const pressConference = /(?:回答|答)中外记者(?:提问|问)|记者会|新闻发布会/u;

/**
 * The minister named by a header (folded text), and whether the header says that this minister
 * answers the press; null when it does not.
 */
export function ministerOf(header: string): string | null {
  const m = ministerStatement.exec(header);
  return m && pressConference.test(header) ? m[1]! : null;
}
