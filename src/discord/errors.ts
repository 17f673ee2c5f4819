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
    const m = /no conference in (\d+)/u.exec(error.message);
    switch (error.code) {
      case 'unknown-year':
        return zh
          ? `语料中没有 ${m?.[1] ?? ''} 年的记者会；现有年份：${years.join('、')}。`
          : `There is no conference from ${m?.[1] ?? 'that year'} in the corpus; it has ${years.join(', ')}.`;
      case 'empty':
        return zh ? '请输入话题，例如：台湾、南海、一带一路。' : 'Please give a topic, e.g. taiwan, south china sea, 一带一路.';
      case 'too-long':
        return zh ? '话题太长。' : 'That topic is too long.';
      case 'unknown-topic': {
        const words = /is named and "(.*)" is not in the corpus/u.exec(error.message)?.[1] ?? '';
        return zh
          ? `没有识别出话题：“${words}”不在语料中。请从自动补全中选择话题，或见 /help。`
          : `Unknown topic: "${words}" names no topic and is not in the corpus. Pick a topic from the autocomplete list, or see /help.`;
      }
      case 'unknown-id':
        return zh ? `没有这个问答编号；编号形如 2024-09（见每个回答下方）。` : 'No exchange has that id; ids look like 2024-09 (shown under every answer).';
      default:
        return error.message;
    }
  }
  if (error instanceof UserError) return error.message;
  return zh ? '出错了，已记录。请稍后再试。' : 'Something went wrong on our side; it has been logged. Please try again.';
}
