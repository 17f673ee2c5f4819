/**
 * Labels in the user's language: Chinese for zh-CN and zh-TW, English otherwise. Quotes are
 * never translated; only labels and metadata are.
 */

/** The languages labels exist in. */
export type Lang = 'en' | 'zh-CN' | 'zh-TW';

/** Picks the label language for a Discord locale. */
export function langOf(locale: string | null | undefined): Lang {
  if (locale === 'zh-CN') return 'zh-CN';
  if (locale === 'zh-TW') return 'zh-TW';
  return 'en';
}

const enReasons: Readonly<Record<string, string>> = {
  negation: 'a negation',
  number: 'a number',
  latin: 'Latin script',
  words: 'other words',
  punctuation: 'punctuation',
  spacing: 'spacing',
  doubled: 'a doubled character',
  misprint: 'one character',
};
const zhCNReasons: Readonly<Record<string, string>> = {
  negation: '否定词',
  number: '数字',
  latin: '外文',
  words: '措辞',
  punctuation: '标点',
  spacing: '空格',
  doubled: '重字',
  misprint: '一字之差',
};
const zhTWReasons: Readonly<Record<string, string>> = {
  ...zhCNReasons,
  negation: '否定詞',
  number: '數字',
  words: '措辭',
  punctuation: '標點',
  doubled: '重字',
  misprint: '一字之差',
};

const en = {
  question: (who: string) => `Question from ${who}`,
  remarks: (kind: string): string => (kind === 'opening' ? 'Opening remarks (no question)' : 'Closing remarks (no question)'),
  questionerUnknown: 'the questioner (not printed in this copy)',
  conference: 'Conference',
  sources: 'Sources',
  exchange: 'Exchange id',
  searched: 'Chinese terms searched',
  notSearched: 'Not recognised, not searched',
  readAs: 'Read as (typo?)',
  byYear: 'Matching exchanges by year',
  inYear: (year: number, n: number) => `${year} (${n})`,
  passing: 'Mentioned in passing: the question was about something else.',
  disagree: 'Copies differ in form here',
  disagreeMeaning: (mark: string) => `⚠ Copies disagree on the words${mark ? ` ${mark}` : ''}`,
  moreVariants: (n: number) => `…and ${n} more difference(s): press Variants.`,
  impact: (impact: 'meaning' | 'form', reason: string) => `${impact === 'meaning' ? 'changes the meaning' : 'form only'} (${enReasons[reason] ?? reason})`,
  citeWarning: (n: number) =>
    `⚠ The copies disagree inside this passage (${n} place${n === 1 ? '' : 's'}). The citation quotes the reading; the other wording:`,
  next: 'Next result',
  full: 'Full answer',
  cite: 'Cite',
  variants: 'Variants',
  prev: 'Previous page',
  nextPage: 'Next page',
  quoteOf: (a: number, b: number, n: number) =>
    a === 1 && b === n ? `Whole answer (${n} paragraph${n === 1 ? '' : 's'})` : `Quoted: paragraphs ${a}–${b} of ${n} · Full answer for the rest`,
  verbatim: 'Quoted verbatim from the sources; labels are ours.',
  resultOf: (rank: number) => `Result ${rank}`,
  page: (p: number, n: number) => `Page ${p} of ${n}`,
  noStatement: (topic: string, year: number | null) => `No statement on ${topic}${year ? ` in ${year}` : ''} in the corpus.`,
  noMore: (topic: string) => `No more results for ${topic}.`,
  notMentioned: (what: readonly string[], years: readonly number[]) =>
    `${what.join(' and ')} ${what.length > 1 ? 'are' : 'is'} not mentioned at the ${years.length > 1 ? `${years.slice(0, -1).join(', ')} or ${years.at(-1)} conferences` : `${years[0]} conference`}.`,
  compareIntro: (topic: string, years: string) => `Comparing what the minister said on ${topic}: ${years}.`,
  compareThread: 'One message per year in the thread below.',
  compareInPlace: (why: string) => `I couldn't start a thread here (${why}), so the years follow in this channel.`,
  whyDm: 'threads need a server channel',
  whyPermission:
    'I lack one of the permissions a thread needs here (View Channel, Send Messages, Embed Links, Create Public Threads, Send Messages in Threads)',
  whyChannel: 'threads cannot be started in this kind of channel',
  whyFailed: 'Discord refused the thread',
  whyPostFailed: (posted: number, total: number) => `Discord refused a post in the thread after ${posted} of ${total}; the rest follow here`,
  year: 'Year',
  variantsTitle: (id: string) => `Where the copies of ${id} disagree`,
  canonical: 'reading',
  errors: {
    restarting: 'The bot is restarting; try again in a moment.',
    cooldown: (seconds: number) => `You are asking faster than the bot answers everyone; try again in ${seconds} s.`,
    unknownYear: (year: number, years: readonly number[]) => `There is no conference from ${year} in the corpus; it has ${years.join(', ')}.`,
    notAYear: (value: string) => `"${value}" is not a year; years look like 2024.`,
    severalYears: (years: readonly number[]) => `The topic names several years (${years.join(', ')}): give one, or compare them with /compare.`,
    conflictingYears: (typed: number, option: number) => `The topic says ${typed} but the year option says ${option}.`,
    empty: 'Please give a topic, e.g. taiwan, south china sea, 一带一路.',
    tooLong: (length: number, max: number) => `That topic is too long (${length} characters; the limit is ${max}).`,
    unknownTopic: (words: readonly string[], suggestions: readonly string[]) =>
      `Unknown topic: "${words.join(', ')}" names no topic and is not in the corpus. Pick a topic from the autocomplete list, or see /help.${suggestions.length > 0 ? ` Did you mean ${suggestions.join(', ')}?` : ''}`,
    unknownId: 'No exchange has that id; ids look like 2024-09 (shown under every answer).',
    apology: 'Something went wrong on our side; it has been logged. Please try again.',
  },
  foundVerbatim: (id: string, files: string) => `✅ Verbatim: these words are in exchange ${id}. Matches ${files}.`,
  foundDiffers: (file: string) => `⚠ Differs from ${file} here (these words → that copy):`,
  foundNoChinese: 'This message has no Chinese text long enough to look up (5 characters or more).',
  foundNone: 'No source found: these words are not in any conference of the corpus.',
  foundNearMiss: (id: string) => `⚠️ Not verbatim. Closest source: exchange ${id}. Where the words differ (quoted → source, differing characters underlined):`,
  errorTitle: 'Sorry',
};

type Labels = typeof en;

const zhCN: Labels = {
  question: (who) => `${who}提问`,
  remarks: (kind) => (kind === 'opening' ? '开场白（无提问）' : '结束语（无提问）'),
  questionerUnknown: '提问者（此副本未印出）',
  conference: '记者会',
  sources: '来源',
  exchange: '问答编号',
  searched: '检索的中文词',
  notSearched: '未识别，未检索',
  readAs: '按此理解（拼写有误？）',
  byYear: '各年份相关问答数',
  inYear: (year, n) => `${year} 年（${n}）`,
  passing: '仅顺带提及：该提问关于其他话题。',
  disagree: '各副本此处仅形式不同',
  disagreeMeaning: (mark) => `⚠ 各副本此处措辞不一${mark ? ` ${mark}` : ''}`,
  moreVariants: (n) => `……另有 ${n} 处不同：请按“异文”。`,
  impact: (impact, reason) => `${impact === 'meaning' ? '影响文意' : '仅形式'}（${zhCNReasons[reason] ?? reason}）`,
  citeWarning: (n) => `⚠ 各副本在这段引文中有 ${n} 处文字不一。引文采用的是所选读法；另一副本作：`,
  next: '下一条结果',
  full: '完整回答',
  cite: '引用',
  variants: '异文',
  prev: '上一页',
  nextPage: '下一页',
  quoteOf: (a, b, n) => (a === 1 && b === n ? `完整回答（共 ${n} 段）` : `引文：第 ${a}–${b} 段，共 ${n} 段 · 其余见“完整回答”`),
  verbatim: '引文逐字出自来源文件；标签为本工具所加。',
  resultOf: (rank) => `第 ${rank} 条结果`,
  page: (p, n) => `第 ${p} 页，共 ${n} 页`,
  noStatement: (topic, year) => `语料中${year ? ` ${year} 年` : ''}没有关于“${topic}”的表态。`,
  noMore: (topic) => `“${topic}”没有更多结果。`,
  notMentioned: (what, years) => `${years.join('、')} 年的记者会都没有提到${what.join('、')}。`,
  compareIntro: (topic, years) => `比较外长关于“${topic}”的表态：${years}。`,
  compareThread: '各年份的表态见下方子区。',
  compareInPlace: (why) => `无法在此创建子区（${why}），各年份结果直接发在本频道。`,
  whyDm: '子区只能在服务器频道中创建',
  whyPermission: '缺少在此创建子区所需的权限（查看频道、发送消息、嵌入链接、创建公开子区、在子区中发言）',
  whyChannel: '这类频道中无法创建子区',
  whyFailed: 'Discord 拒绝创建子区',
  whyPostFailed: (posted, total) => `子区中已发 ${posted}/${total} 条后 Discord 拒绝继续发帖；其余在此发出`,
  year: '年份',
  variantsTitle: (id) => `${id} 各副本的异文`,
  canonical: '采用的读法',
  errors: {
    restarting: '机器人正在重启，请稍后再试。',
    cooldown: (seconds) => `您的请求过于频繁，请 ${seconds} 秒后再试。`,
    unknownYear: (year, years) => `语料中没有 ${year} 年的记者会；现有年份：${years.join('、')}。`,
    notAYear: (value) => `“${value}”不是年份；年份写作 2024。`,
    severalYears: (years) => `话题中有多个年份（${years.join('、')}）：请只写一个，或用 /compare 比较。`,
    conflictingYears: (typed, option) => `话题写的是 ${typed} 年，年份选项却是 ${option} 年。`,
    empty: '请输入话题，例如：台湾、南海、一带一路。',
    tooLong: (length, max) => `话题太长（${length} 个字符，上限 ${max}）。`,
    unknownTopic: (words, suggestions) =>
      `没有识别出话题：“${words.join('、')}”不在语料中。请从自动补全中选择话题，或见 /help。${suggestions.length > 0 ? ` 您是否想找：${suggestions.join('、')}？` : ''}`,
    unknownId: '没有这个问答编号；编号形如 2024-09（见每个回答下方）。',
    apology: '出错了，已记录。请稍后再试。',
  },
  foundVerbatim: (id, files) => `✅ 逐字相符：出自问答 ${id}。与 ${files} 相符。`,
  foundDiffers: (file) => `⚠ 与 ${file} 此处不同（引文 → 该副本）：`,
  foundNoChinese: '该消息没有足够长的中文（至少 5 个字）可供查找。',
  foundNone: '未找到出处：语料中的记者会没有这些文字。',
  foundNearMiss: (id) => `⚠️ 并非逐字引用。最接近的出处：问答 ${id}。不同之处（引文 → 原文，不同的字加下划线）：`,
  errorTitle: '抱歉',
};

const zhTW: Labels = {
  ...zhCN,
  question: (who) => `${who}提問`,
  remarks: (kind) => (kind === 'opening' ? '開場白（無提問）' : '結束語（無提問）'),
  questionerUnknown: '提問者（此副本未印出）',
  conference: '記者會',
  sources: '來源',
  exchange: '問答編號',
  searched: '檢索的中文詞',
  notSearched: '未識別，未檢索',
  readAs: '按此理解（拼寫有誤？）',
  byYear: '各年份相關問答數',
  passing: '僅順帶提及：該提問關於其他話題。',
  disagree: '各副本此處僅形式不同',
  disagreeMeaning: (mark) => `⚠ 各副本此處措辭不一${mark ? ` ${mark}` : ''}`,
  moreVariants: (n) => `……另有 ${n} 處不同：請按「異文」。`,
  impact: (impact, reason) => `${impact === 'meaning' ? '影響文意' : '僅形式'}（${zhTWReasons[reason] ?? reason}）`,
  citeWarning: (n) => `⚠ 各副本在這段引文中有 ${n} 處文字不一。引文採用的是所選讀法；另一副本作：`,
  next: '下一條結果',
  full: '完整回答',
  variants: '異文',
  prev: '上一頁',
  nextPage: '下一頁',
  quoteOf: (a, b, n) => (a === 1 && b === n ? `完整回答（共 ${n} 段）` : `引文：第 ${a}–${b} 段，共 ${n} 段 · 其餘見「完整回答」`),
  verbatim: '引文逐字出自來源檔案；標籤為本工具所加。',
  resultOf: (rank) => `第 ${rank} 條結果`,
  page: (p, n) => `第 ${p} 頁，共 ${n} 頁`,
  noStatement: (topic, year) => `語料中${year ? ` ${year} 年` : ''}沒有關於「${topic}」的表態。`,
  noMore: (topic) => `「${topic}」沒有更多結果。`,
  notMentioned: (what, years) => `${years.join('、')} 年的記者會都沒有提到${what.join('、')}。`,
  compareIntro: (topic, years) => `比較外長關於「${topic}」的表態：${years}。`,
  compareThread: '各年份的表態見下方討論串。',
  compareInPlace: (why) => `無法在此建立討論串（${why}），各年份結果直接發在本頻道。`,
  whyDm: '討論串只能在伺服器頻道中建立',
  whyPermission: '缺少在此建立討論串所需的權限（檢視頻道、傳送訊息、嵌入連結、建立公開討論串、在討論串中傳送訊息）',
  whyChannel: '這類頻道中無法建立討論串',
  whyFailed: 'Discord 拒絕建立討論串',
  whyPostFailed: (posted, total) => `討論串中已發 ${posted}/${total} 則後 Discord 拒絕繼續發文；其餘在此發出`,
  year: '年份',
  variantsTitle: (id) => `${id} 各副本的異文`,
  canonical: '採用的讀法',
  errors: {
    restarting: '機器人正在重新啟動，請稍後再試。',
    cooldown: (seconds) => `您的請求過於頻繁，請 ${seconds} 秒後再試。`,
    unknownYear: (year, years) => `語料中沒有 ${year} 年的記者會；現有年份：${years.join('、')}。`,
    notAYear: (value) => `「${value}」不是年份；年份寫作 2024。`,
    severalYears: (years) => `話題中有多個年份（${years.join('、')}）：請只寫一個，或用 /compare 比較。`,
    conflictingYears: (typed, option) => `話題寫的是 ${typed} 年，年份選項卻是 ${option} 年。`,
    empty: '請輸入話題，例如：台灣、南海、一帶一路。',
    tooLong: (length, max) => `話題太長（${length} 個字元，上限 ${max}）。`,
    unknownTopic: (words, suggestions) =>
      `沒有識別出話題：「${words.join('、')}」不在語料中。請從自動完成中選擇話題，或見 /help。${suggestions.length > 0 ? ` 您是否想找：${suggestions.join('、')}？` : ''}`,
    unknownId: '沒有這個問答編號；編號形如 2024-09（見每個回答下方）。',
    apology: '出錯了，已記錄。請稍後再試。',
  },
  foundVerbatim: (id, files) => `✅ 逐字相符：出自問答 ${id}。與 ${files} 相符。`,
  foundDiffers: (file) => `⚠ 與 ${file} 此處不同（引文 → 該副本）：`,
  foundNoChinese: '該訊息沒有足夠長的中文（至少 5 個字）可供查找。',
  foundNone: '未找到出處：語料中的記者會沒有這些文字。',
  foundNearMiss: (id) => `⚠️ 並非逐字引用。最接近的出處：問答 ${id}。不同之處（引文 → 原文，不同的字加底線）：`,
};

/** The labels of a language. */
export function labels(lang: Lang): Labels {
  return lang === 'zh-CN' ? zhCN : lang === 'zh-TW' ? zhTW : en;
}

export type { Labels };
