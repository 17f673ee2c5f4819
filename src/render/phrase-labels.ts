/**
 * Labels of `/phrase` and `/keywords` in the user's language (see `src/discord/i18n.ts`), for Discord, the console and the command line alike. The phrases, the
 * context lines and the keywords are never translated; only these labels are.
 */
import type { PhraseProblem } from '../formulations/input.js';
import type { Scope } from '../formulations/text.js';
import type { Lang } from './lang.js';

const en = {
  title: (counted: string) => `Formulations: ${counted}`,
  scope: {
    answers: "the minister's words (opening, answers, closing)",
    questions: "the journalists' questions",
    both: "the minister's words and the journalists' questions",
  } as Readonly<Record<Scope, string>>,
  method: (scope: string) =>
    `Counted once per conference on the reading (one count however many copies print it), in ${scope}; script, spacing and full-width forms do not matter. Rate: per 10,000 characters of that text.`,
  cell: (year: number, count: number, per10k: number) => `${year}: **${count}** (${per10k}/10k)`,
  via: {
    dictionary: (typed: string, counted: string) => `${typed} → ${counted} (dictionary)`,
    topic: (typed: string, counted: string) => `${typed} → ${counted} (a term of the topic)`,
    concept: (typed: string, counted: string) => `${typed} → ${counted} (dictionary; not in the corpus)`,
  },
  readAs: (from: string, to: string) => `Read as: ${from} → ${to}`,
  omitted: (typed: string, terms: string) => `${typed} also maps to ${terms}: not counted (at most five terms per phrase).`,
  neverSaid: (counted: string) => `${counted} is never said in this text, in any year.`,
  conferences: 'Conferences',
  conferenceLine: (year: number, label: string, minister: string, copies: number) =>
    `${year} · ${label} · ${minister} · ${copies} ${copies === 1 ? 'copy' : 'copies'}`,
  lines: 'Lines',
  linesOf: (from: number, to: number, n: number) => `Lines ${from}–${to} of ${n}`,
  linesYear: (year: number) => `Lines from ${year} only; the counts are of every year.`,
  noLines: 'No lines.',
  capped: (shown: number, n: number) => `A one-character phrase: the first ${shown} of ${n} lines are listed; the counts are exact.`,
  notIn: (copies: string) => `not in ${copies}`,
  onlyIn: (copies: string) => `only in ${copies}, not counted`,
  copies: 'Copies',
  moreLines: 'More lines',
  noPager: 'The phrases are too long to page here; ask for fewer, or a year.',
  chartSubtitle: (scope: string) => `Occurrences per year · ${scope}`,
  chartNote: (minister: string) => `Foreign minister's NPC press conference · ${minister}`,
  chartAlt: (rows: string, scope: string) => `Bar chart of occurrences per year in ${scope}: ${rows}.`,
  chartMore: (n: number) => `${n} more in the table only.`,
  keywordsTitle: (year: number, vs: readonly number[]) => `Keywords of ${year} against ${vs.length > 0 ? vs.join(', ') : 'the other years'}`,
  keywordsMethod:
    "Words and two-word phrases the minister says distinctively often that year, by log-likelihood (G²) on the counts of /phrase, in the minister's words. Stop words, numbers and punctuation are left out.",
  keywordLine: (term: string, count: number, other: number, ll: number) => `**${term}** · ${count} vs ${other} · G² ${ll}`,
  keywordsNone: (year: number) => `No word is distinctively frequent in ${year} against those years.`,
  keywordsUnavailable: 'Keywords need the built index; restart the bot to build it.',
  openPhrase: 'Open in /phrase…',
  formulations: 'Formulations',
  formulationsLine: (terms: string) => `How often each is said, per year: ${terms} (buttons below: /phrase).`,
  help: [
    '**/phrase** `text` `year` `scope` — every occurrence of a phrase (up to five, separated by commas), counted per year and per 10,000 characters, with a chart and the lines in context. Example: `/phrase 多边主义, 人类命运共同体`',
    '**/keywords** `year` `vs` — the words that year says distinctively often. Example: `/keywords 2024`',
  ],
  errors: {
    empty: 'Please give a phrase, e.g. 多边主义, or up to five separated by commas.',
    tooLong: (length: number, max: number) => `That phrase is ${length} characters long; the limit is ${max}.`,
    tooMany: (count: number, max: number) => `That is ${count} phrases; compare at most ${max} at once.`,
    noChinese: (phrase: string) => `No Chinese is known for “${phrase}”: type the Chinese phrase, or an English word of the dictionary.`,
    badScope: (value: string) => `Unknown scope “${value}”: use answers, questions or both.`,
    sameYear: (year: number) => `Compare ${year} with another year, or leave vs empty for all the others.`,
  },
};

type PhraseLabels = typeof en;

const zhCN: PhraseLabels = {
  title: (counted) => `提法：${counted}`,
  scope: { answers: '外长的话（开场白、回答、结束语）', questions: '记者的提问', both: '外长的话和记者的提问' },
  method: (scope) => `以各次记者会的采用读法计数，每次记者会计一次（无论几个副本刊载），范围：${scope}；不计繁简、空格和全半角之别。频率：每万字出现次数。`,
  cell: (year, count, per10k) => `${year}：**${count}** 次（每万字 ${per10k}）`,
  via: {
    dictionary: (typed, counted) => `${typed} → ${counted}（词典）`,
    topic: (typed, counted) => `${typed} → ${counted}（话题词）`,
    concept: (typed, counted) => `${typed} → ${counted}（词典；语料中没有）`,
  },
  readAs: (from, to) => `按此理解：${from} → ${to}`,
  omitted: (typed, terms) => `${typed} 另对应 ${terms}：未计数（每个词组最多五个词）。`,
  neverSaid: (counted) => `这一范围内，各年份都没有说过“${counted}”。`,
  conferences: '记者会',
  conferenceLine: (year, label, minister, copies) => `${year} · ${label} · ${minister} · ${copies} 个副本`,
  lines: '语境',
  linesOf: (from, to, n) => `第 ${from}–${to} 条，共 ${n} 条`,
  linesYear: (year) => `只列 ${year} 年的语境；计数为各年份。`,
  noLines: '没有语境。',
  capped: (shown, n) => `单字词组：只列前 ${shown} 条（共 ${n} 条）；计数准确。`,
  notIn: (copies) => `${copies} 无`,
  onlyIn: (copies) => `仅见于 ${copies}，未计数`,
  copies: '副本',
  moreLines: '更多语境',
  noPager: '词组太长，无法在此翻页；请减少词组，或指定年份。',
  chartSubtitle: (scope) => `各年份出现次数 · ${scope}`,
  chartNote: (minister) => `外交部长全国人大记者会 · ${minister}`,
  chartAlt: (rows, scope) => `柱状图，${scope}中各年份出现次数：${rows}。`,
  chartMore: (n) => `另有 ${n} 项只见于表格。`,
  keywordsTitle: (year, vs) => `${year} 年的关键词（对比${vs.length > 0 ? ` ${vs.join('、')} 年` : '其他年份'}）`,
  keywordsMethod: '外长当年说得格外多的词和双词词组，按对数似然比（G²）排序，以 /phrase 的计数为准，范围为外长的话；不含虚词、数字和标点。',
  keywordLine: (term, count, other, ll) => `**${term}** · ${count} 对 ${other} · G² ${ll}`,
  keywordsNone: (year) => `与这些年份相比，${year} 年没有格外多的词。`,
  keywordsUnavailable: '关键词需要已建好的索引；请重启机器人以建立索引。',
  openPhrase: '在 /phrase 中打开……',
  formulations: '提法',
  formulationsLine: (terms) => `各年份说了几次：${terms}（下方按钮：/phrase）。`,
  help: [
    '**/phrase** `词组` `年份` `范围` —— 一个词组（最多五个，用逗号分隔）的每一处出现，按年份计数并按每万字折算，附图表和上下文。例如：`/phrase 多边主义, 人类命运共同体`',
    '**/keywords** `年份` `对比` —— 当年说得格外多的词。例如：`/keywords 2024`',
  ],
  errors: {
    empty: '请输入词组，例如：多边主义；最多五个，用逗号分隔。',
    tooLong: (length, max) => `词组长度为 ${length} 个字符，上限为 ${max}。`,
    tooMany: (count, max) => `共 ${count} 个词组；一次最多比较 ${max} 个。`,
    noChinese: (phrase) => `不知道“${phrase}”对应的中文：请输入中文词组，或词典中的英文词。`,
    badScope: (value) => `没有“${value}”这一范围：请用 answers（回答）、questions（提问）或 both（两者）。`,
    sameYear: (year) => `请把 ${year} 年与另一年份比较，或不填“对比”以比较其他所有年份。`,
  },
};

const zhTW: PhraseLabels = {
  ...zhCN,
  scope: { answers: '外長的話（開場白、回答、結束語）', questions: '記者的提問', both: '外長的話和記者的提問' },
  method: (scope) => `以各次記者會的採用讀法計數，每次記者會計一次（無論幾個副本刊載），範圍：${scope}；不計繁簡、空格和全半形之別。頻率：每萬字出現次數。`,
  cell: (year, count, per10k) => `${year}：**${count}** 次（每萬字 ${per10k}）`,
  via: {
    dictionary: (typed, counted) => `${typed} → ${counted}（詞典）`,
    topic: (typed, counted) => `${typed} → ${counted}（話題詞）`,
    concept: (typed, counted) => `${typed} → ${counted}（詞典；語料中沒有）`,
  },
  readAs: (from, to) => `按此理解：${from} → ${to}`,
  omitted: (typed, terms) => `${typed} 另對應 ${terms}：未計數（每個詞組最多五個詞）。`,
  neverSaid: (counted) => `這一範圍內，各年份都沒有說過「${counted}」。`,
  conferences: '記者會',
  conferenceLine: (year, label, minister, copies) => `${year} · ${label} · ${minister} · ${copies} 個副本`,
  lines: '語境',
  linesOf: (from, to, n) => `第 ${from}–${to} 條，共 ${n} 條`,
  linesYear: (year) => `只列 ${year} 年的語境；計數為各年份。`,
  noLines: '沒有語境。',
  capped: (shown, n) => `單字詞組：只列前 ${shown} 條（共 ${n} 條）；計數準確。`,
  notIn: (copies) => `${copies} 無`,
  onlyIn: (copies) => `僅見於 ${copies}，未計數`,
  moreLines: '更多語境',
  noPager: '詞組太長，無法在此翻頁；請減少詞組，或指定年份。',
  chartSubtitle: (scope) => `各年份出現次數 · ${scope}`,
  chartNote: (minister) => `外交部長全國人大記者會 · ${minister}`,
  chartAlt: (rows, scope) => `長條圖，${scope}中各年份出現次數：${rows}。`,
  chartMore: (n) => `另有 ${n} 項只見於表格。`,
  keywordsTitle: (year, vs) => `${year} 年的關鍵詞（對比${vs.length > 0 ? ` ${vs.join('、')} 年` : '其他年份'}）`,
  keywordsMethod: '外長當年說得格外多的詞和雙詞詞組，按對數似然比（G²）排序，以 /phrase 的計數為準，範圍為外長的話；不含虛詞、數字和標點。',
  keywordsNone: (year) => `與這些年份相比，${year} 年沒有格外多的詞。`,
  keywordsUnavailable: '關鍵詞需要已建好的索引；請重新啟動機器人以建立索引。',
  openPhrase: '在 /phrase 中打開……',
  formulationsLine: (terms) => `各年份說了幾次：${terms}（下方按鈕：/phrase）。`,
  help: [
    '**/phrase** `詞組` `年份` `範圍` —— 一個詞組（最多五個，用逗號分隔）的每一處出現，按年份計數並按每萬字折算，附圖表和上下文。例如：`/phrase 多边主义, 人类命运共同体`',
    '**/keywords** `年份` `對比` —— 當年說得格外多的詞。例如：`/keywords 2024`',
  ],
  errors: {
    empty: '請輸入詞組，例如：多邊主義；最多五個，用逗號分隔。',
    tooLong: (length, max) => `詞組長度為 ${length} 個字元，上限為 ${max}。`,
    tooMany: (count, max) => `共 ${count} 個詞組；一次最多比較 ${max} 個。`,
    noChinese: (phrase) => `不知道「${phrase}」對應的中文：請輸入中文詞組，或詞典中的英文詞。`,
    badScope: (value) => `沒有「${value}」這一範圍：請用 answers（回答）、questions（提問）或 both（兩者）。`,
    sameYear: (year) => `請把 ${year} 年與另一年份比較，或不填「對比」以比較其他所有年份。`,
  },
};

/** The `/phrase` and `/keywords` labels of a language. */
export function phraseLabels(lang: Lang): PhraseLabels {
  return lang === 'zh-CN' ? zhCN : lang === 'zh-TW' ? zhTW : en;
}

/** A phrase input problem in the user's language. */
export function phraseProblemText(p: PhraseProblem, lang: Lang): string {
  const E = phraseLabels(lang).errors;
  switch (p.kind) {
    case 'empty':
      return E.empty;
    case 'too-long':
      return E.tooLong(p.length, p.max);
    case 'too-many':
      return E.tooMany(p.count, p.max);
    case 'no-chinese':
      return E.noChinese(p.phrase);
    case 'bad-scope':
      return E.badScope(p.value);
    case 'same-year':
      return E.sameYear(p.year);
  }
}
