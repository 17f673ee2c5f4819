/**
 * Citations of a span of an answer in the styles people use: Chicago author-date (17th ed.),
 * APA 7, GB/T 7714-2015 and BibTeX. Pure: everything comes from the exchange, its conference and
 * `sources.json` (publisher, URL). The quote itself is never in these references; the Cite reply
 * prints it once, verbatim, with `…` where it is an excerpt.
 */
import { ministerName, ordinal, outletName, outletOf } from './names.js';

/** What a citation is made of. */
export interface CiteInput {
  /** The minister as printed (`王毅`). */
  readonly minister: string;
  readonly year: number;
  /** `YYYY-MM-DD`, or null when no copy prints the day. */
  readonly date: string | null;
  /** The NPC session as printed, e.g. `十三届全国人大四次会议`. */
  readonly session: string;
  readonly npc: { readonly term: number; readonly session: number } | null;
  readonly exchangeId: string;
  /** As printed, e.g. `凤凰卫视记者`; null for the opening and closing remarks. */
  readonly questioner: string | null;
  /** The copies that carry the cited span, highest priority first: publisher and URL from `sources.json`. */
  readonly copies: readonly { readonly publisher: string; readonly url?: string }[];
  /** The day the citation is made (`YYYY-MM-DD`), for the access date of an online copy. */
  readonly today: string;
  /** The exchange's page in the web edition, when it is published (`PUBLIC_URL`). */
  readonly permalink?: string;
}

export type CiteStyle = 'chicago' | 'apa' | 'gbt' | 'bibtex';

/** One style's reference, and its in-text form where the style has one. */
export interface Citation {
  readonly style: CiteStyle;
  readonly name: string;
  readonly reference: string;
  readonly inText?: string;
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

/** The conference's title, as every copy's header prints it. */
export function conferenceTitle(minister: string): string {
  return `外交部长${minister}就中国外交政策和对外关系回答中外记者提问`;
}

/** Excerpt marks: `…` before a span that does not start the answer, and after one that does not end it. */
export function excerpt(paragraphs: readonly string[], first: number, last: number, total: number): string {
  return `${first > 0 ? '…' : ''}${paragraphs.join('\n')}${last < total - 1 ? '…' : ''}`;
}

function englishDate(date: string | null, year: number): string {
  const m = date ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(date) : null;
  return m ? `${months[Number(m[2]) - 1]} ${Number(m[3])}, ${m[1]}` : String(year);
}

/** All four styles for one span. */
export function citations(c: CiteInput): Citation[] {
  const person = ministerName(c.minister);
  const title = conferenceTitle(c.minister);
  const english = `${person ? `Foreign Minister ${person.en}` : 'The foreign minister'} answers questions from Chinese and foreign journalists on China's foreign policy and external relations`;
  const session = c.npc ? `${ordinal(c.npc.session)} Session of the ${ordinal(c.npc.term)} National People's Congress` : c.session;
  const outlet = c.questioner ? outletName(c.questioner) : null;
  const answerTo = c.questioner ? `answer to ${c.questioner}${outlet ? ` (${outlet})` : ''}` : 'remarks';
  const publishers = [...new Set(c.copies.map((x) => x.publisher))];
  const url = c.copies.find((x) => x.url)?.url;
  const day = englishDate(c.date, c.year);
  const transcript = publishers.length > 0 ? `${publishers.length === 1 ? 'Copy' : 'Copies'}: ${publishers.join('; ')}.` : '';
  const urlPart = url ? ` ${url}.` : '';
  // The web edition's page shows every copy's wording: cited beside the copy's own address.
  const web = c.permalink;
  const webPart = web ? ` Web edition: ${web}.` : '';

  // Chicago author-date: Family, Given (中文). Year. "Title" [English]. Press conference, session, Beijing, date. …
  const chicagoAuthor = person ? `${person.family}, ${person.given} (${c.minister})` : c.minister;
  const chicago: Citation = {
    style: 'chicago',
    name: 'Chicago (author-date)',
    reference:
      `${chicagoAuthor}. ${c.year}. “${title}” [${english}]. Press conference, ${session}, Beijing, ${day}. ${capitalise(answerTo)}, exchange ${c.exchangeId}. ${transcript}${urlPart}${webPart}`.trim(),
    inText: `(${person?.family ?? c.minister} ${c.year})`,
  };

  // APA 7: Family, G. (Year, Month Day). Title [Description]. Publisher. URL
  const apaAuthor = person ? `${person.family}, ${person.given.charAt(0)}.` : c.minister;
  const apaDate = c.date ? `${c.year}, ${day.replace(/, \d{4}$/u, '')}` : String(c.year);
  const apa: Citation = {
    style: 'apa',
    name: 'APA 7',
    reference: `${apaAuthor} (${apaDate}). ${title} [${english}; press conference, ${session}; ${answerTo}, exchange ${c.exchangeId}] [Transcript]. ${publishers.join('; ')}.${url ? ` ${url}` : ''}${web ? `${url ? '.' : ''} Web edition: ${web}` : ''}`,
    inText: `(${person?.family ?? c.minister}, ${c.year})`,
  };

  // GB/T 7714-2015: 主要责任者. 题名: 其他题名信息[文献类型标识/载体]. 出版者, 日期[引用日期]. 获取路径.
  const gbtQuestion = c.questioner ? `答${outletOf(c.questioner)}记者问` : '开场讲话';
  // 获取路径: the copy's own address, else the web edition's page (either makes it an online text).
  const online = url ?? web;
  const gbt: Citation = {
    style: 'gbt',
    name: 'GB/T 7714-2015',
    reference: `${c.minister}. ${title}: ${gbtQuestion}(问答编号 ${c.exchangeId})[${online ? 'N/OL' : 'N'}]. ${publishers.join('; ')}, ${c.date ?? c.year}${online ? `[${c.today}]. ${online}` : ''}${url && web ? `. 网络版: ${web}` : ''}.`,
  };

  // BibTeX (biblatex fields where they help): one @misc entry.
  const key = `${(person?.family ?? 'minister').toLowerCase()}${c.exchangeId.replace('-', '_')}`;
  const fields: [string, string][] = [
    ['author', person ? `${person.family}, ${person.given}` : `{${c.minister}}`],
    ['title', `{${title}}`],
    ['titleaddon', english],
    ['howpublished', `Press conference, ${session}, Beijing`],
    ['year', String(c.year)],
    ...(c.date ? ([['date', c.date]] as [string, string][]) : []),
    ['note', `${capitalise(answerTo)}, exchange ${c.exchangeId}.${transcript ? ` ${transcript}` : ''}`],
    ...(url || web ? ([['url', (url ?? web)!]] as [string, string][]) : []),
    ...(url && web ? ([['addendum', `Web edition: ${web}`]] as [string, string][]) : []),
    ...(web ? ([['urldate', c.today]] as [string, string][]) : []),
    ['langid', 'chinese'],
  ];
  const bibtex: Citation = {
    style: 'bibtex',
    name: 'BibTeX',
    reference: `@misc{${key},\n${fields.map(([k, v]) => `  ${k.padEnd(12)} = {${v}},`).join('\n')}\n}`,
  };
  return [chicago, apa, gbt, bibtex];
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}
