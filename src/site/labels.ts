/**
 * How the site names conferences, questioners and copies, in both interface languages. Names are
 * shown as printed; English beside them comes from the reviewed table (`render/names.json`). Pure.
 */
import type { LoadedConference } from '../corpus/load.js';
import type { SourceInfo } from '../corpus/model.js';
import { toMainland } from '../corpus/script.js';
import { ministerName, ordinal, outletName } from '../render/names.js';
import { esc, ui, zh } from './html.js';

/** The minister as printed, with his English name for English readers: `王毅 (Wang Yi)`. */
export function ministerHtml(minister: string): string {
  const en = ministerName(minister)?.en;
  return `${zh(minister)}${en ? `<span class="ui" lang="en"> (${esc(en)})</span>` : ''}`;
}

/** Who asked, as printed, with the outlet in English where the table knows it. */
export function questionerHtml(questioner: string | null, kind: 'opening' | 'answer' | 'closing'): string {
  if (questioner === null)
    return kind === 'closing'
      ? ui('Closing remarks', '结束语')
      : kind === 'opening'
        ? ui('Opening remarks', '开场讲话')
        : ui('Questioner not printed', '提问者未载');
  const en = outletName(questioner);
  return `${zh(questioner)}${en ? `<span class="ui" lang="en"> (${esc(en)})</span>` : ''}`;
}

/** `2024-03-07 · 十四届全国人大二次会议 (14th NPC, 2nd session)`. */
export function conferenceHtml(c: Pick<LoadedConference, 'date' | 'session' | 'npc' | 'year'>): string {
  const date = c.date ?? String(c.year);
  const zhDate = c.date ? c.date.replace(/^(\d{4})-0?(\d+)-0?(\d+)$/u, '$1年$2月$3日') : `${c.year}年`;
  return `<span class="ui" lang="en">${esc(date)}</span><span class="ui" lang="zh-Hans">${esc(zhDate)}</span> · ${zh(c.session)}<span class="ui" lang="en"> (${ordinal(c.npc.term)} NPC, ${ordinal(c.npc.session)} session)</span>`;
}

/** The publisher of a copy, as `sources.json` describes it, linked to its URL when known. */
export function publisherHtml(info: SourceInfo | undefined): string {
  if (!info) return ui('Publisher not recorded (not in sources.json)', '出版者未记录（sources.json 未列）');
  const name = esc(info.publisher);
  return info.url ? `<a href="${esc(info.url)}" rel="external noreferrer">${name}</a>` : name;
}

/** Whether a copy is printed in traditional script: more than 2% of its Han characters change in conversion. */
export function scriptOf(text: string): 'zh-Hans' | 'zh-Hant' {
  const han = [...text].filter((c) => /\p{Script=Han}/u.test(c));
  if (han.length === 0) return 'zh-Hans';
  const mainland = [...toMainland(han.join(''))];
  const changed = han.filter((c, i) => mainland[i] !== c).length;
  return changed / han.length > 0.02 ? 'zh-Hant' : 'zh-Hans';
}
