/** What an error tells the user: their input's fault in their language, else a short apology. */
import { SearchError } from '../search/engine.js';
import { UserError } from './command.js';
import type { Lang } from './i18n.js';

/** True for errors caused by what the user asked (shown as is), false for our faults. */
export function isUserError(error: unknown): error is UserError | SearchError {
  return error instanceof UserError || error instanceof SearchError;
}

/** The message shown to the user for an error. */
export function userMessage(error: unknown, lang: Lang, years: readonly number[]): string {
  const zh = lang !== 'en';
  if (error instanceof SearchError) {
    const p = error.problem;
    switch (p.code) {
      case 'unknown-year':
        return zh
          ? `语料中没有 ${p.year} 年的记者会；现有年份：${years.join('、')}。`
          : `There is no conference from ${p.year} in the corpus; it has ${years.join(', ')}.`;
      case 'not-a-year':
        return zh ? `“${p.value}”不是年份；年份写作 2024。` : `"${p.value}" is not a year; years look like 2024.`;
      case 'several-years':
        return zh
          ? `话题中有多个年份（${p.years.join('、')}）：请只写一个，或用 /compare 比较。`
          : `The topic names several years (${p.years.join(', ')}): give one, or compare them with /compare.`;
      case 'conflicting-years':
        return zh ? `话题写的是 ${p.typed} 年，年份选项却是 ${p.option} 年。` : `The topic says ${p.typed} but the year option says ${p.option}.`;
      case 'empty':
        return zh ? '请输入话题，例如：台湾、南海、一带一路。' : 'Please give a topic, e.g. taiwan, south china sea, 一带一路.';
      case 'too-long':
        return zh ? `话题太长（${p.length} 个字符，上限 ${p.max}）。` : `That topic is too long (${p.length} characters; the limit is ${p.max}).`;
      case 'unknown-topic': {
        const words = p.words.length > 0 ? p.words.join(zh ? '、' : ', ') : p.query;
        const hint = p.suggestions.length > 0 ? (zh ? ` 您是否想找：${p.suggestions.join('、')}？` : ` Did you mean ${p.suggestions.join(', ')}?`) : '';
        return zh
          ? `没有识别出话题：“${words}”不在语料中。请从自动补全中选择话题，或见 /help。${hint}`
          : `Unknown topic: "${words}" names no topic and is not in the corpus. Pick a topic from the autocomplete list, or see /help.${hint}`;
      }
      case 'unknown-id':
        return zh ? `没有这个问答编号；编号形如 2024-09（见每个回答下方）。` : 'No exchange has that id; ids look like 2024-09 (shown under every answer).';
    }
  }
  if (error instanceof UserError) return error.message;
  return zh ? '出错了，已记录。请稍后再试。' : 'Something went wrong on our side; it has been logged. Please try again.';
}
