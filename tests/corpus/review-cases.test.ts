/**
 * Copies that an adversarial review of the corpus layer tried by hand, each derived from a real
 * file: what the model did wrong then, and must not do again.
 */
import { describe, expect, it } from 'vitest';
import { buildCorpus, type LoadedCorpus } from '../../src/corpus/load.js';
import { answerText, type SourceInfo } from '../../src/corpus/model.js';
import { corpusInputs, parsed, rawContaining } from '../helpers/corpus.js';
import { assignIds } from '../../src/corpus/ids.js';
import { fold } from '../../src/corpus/script.js';
import { asWebPage, toTraditional } from '../helpers/layouts.js';

const { raws, infos, registry } = corpusInputs();
const today = buildCorpus(raws, infos, registry);
const full2024 = rawContaining('据新华社北京3月7日电');
const copy2021 = rawContaining('十三届全国人大四次会议');
/** The title and lede of the 2024 copy: everything before its first turn. */
const header2024 = full2024.text.slice(0, full2024.text.indexOf('王毅：'));

/** The model with extra files, or with a real file's text replaced. */
function build(extra: { file: string; text: string; info?: Partial<SourceInfo> }[], replace: Record<string, string> = {}): LoadedCorpus {
  return buildCorpus(
    [...raws.map((r) => ({ file: r.file, text: replace[r.file] ?? r.text })), ...extra.map(({ file, text }) => ({ file, text }))],
    [...infos, ...extra.map(({ file, info }) => ({ file, publisher: 'test', priority: 0, ...info }))],
    registry,
  );
}
const ids = (c: LoadedCorpus) => c.conferences.map((k) => k.exchanges.map((e) => `${e.id}:${e.kind}`));
const exchange = (c: LoadedCorpus, id: string) => c.conferences.flatMap((k) => k.exchanges).find((e) => e.id === id)!;
const allText = (c: LoadedCorpus) =>
  c.conferences
    .flatMap((k) => k.exchanges)
    .map((e) => `${e.question ?? ''}${answerText(e)}${e.variants.map((v) => v.text).join('')}`)
    .join('\n');

describe('files about the conference are not copies of it', () => {
  it('rejects an interview about the conference with someone else', () => {
    const text = `${header2024}\n\n本报记者就此专访了外交学院教授徐坤。\n\n记者：如何看待王毅外长的回答？\n\n徐坤：回答体现了中国外交的定力。\n\n记者：有何新意？\n\n徐坤：强调了和平力量。\n`;
    const c = build([{ file: 'interview.txt', text }]);
    expect(c.rejected).toEqual([{ source: 'interview.txt', reason: { kind: 'no-turns', minister: '王毅' } }]);
    expect(ids(c)).toEqual(ids(today));
  });

  it('rejects a round-up of the minister’s sayings, which has no questions', () => {
    const text = `${header2024}\n\n谈中美关系\n\n王毅：美国如果总是说一套、做一套，大国的信誉何在？\n\n谈加沙局势\n\n王毅：生命没有贵贱之分。\n`;
    const c = build([{ file: 'sayings.txt', text }]);
    expect(c.rejected.map((r) => r.reason.kind)).toEqual(['no-turns']);
    expect(ids(c)).toEqual(ids(today));
  });

  it('rejects a header with nothing under it but empty labels', () => {
    const c = build([{ file: 'stub.txt', text: `${header2024}\n\n王毅：\n\n问：\n\n答：\n` }]);
    expect(c.rejected.map((r) => r.source)).toEqual(['stub.txt']);
    expect(ids(c)).toEqual(ids(today));
  });
});

describe('labels and lines a real copy prints', () => {
  it('reads the minister under his titles (外长王毅：, 王毅外长：, 王毅（外交部长）：, 中共中央政治局委员、外交部长王毅：) and after any live-blog stamp', () => {
    let n = 0;
    const labels = ['外长王毅：', '王毅外长：', '中共中央政治局委员、外交部长王毅：', '【10时02分】王毅：', '王毅（外交部长）：', '▶10:02 王毅：', '（10:05）王毅：'];
    const text = full2024.text.replace(/^王毅：/gmu, () => labels[n++ % labels.length]!);
    const c = build([], { [full2024.file]: text });
    expect(ids(c)).toEqual(ids(today));
    expect(answerText(exchange(c, '2024-10'))).toBe(answerText(exchange(today, '2024-10')));
  });

  it('accepts a header that says 外长王毅 instead of 外交部长王毅', () => {
    const text = full2024.text.replace(/外交部长王毅/gu, '外长王毅');
    expect(build([], { [full2024.file]: text }).rejected).toEqual([]);
  });

  it('keeps 問 out of the outlet in a traditional copy labelled 記者問：/王毅答：', () => {
    const text = toTraditional(full2024.text)
      .replace(/^(.+記者)：/gmu, '$1問：')
      .replace(/^王毅：/gmu, '王毅答：');
    const p = parsed('hk.txt', text);
    expect(p.exchanges.filter((e) => e.questioner !== null).every((e) => !e.questioner!.endsWith('問'))).toBe(true);
    expect(build([{ file: 'hk.txt', text }]).conferences[2]!.exchanges.flatMap((e) => e.variants.filter((v) => v.field === 'questioner' && v.source === 'hk.txt'))).toEqual([]);
  });

  it('does not take a question that starts 中新社记者：中国电动汽车… for another article’s dateline', () => {
    const text = full2024.text.replace('中新社记者：', '中新社记者：中国电动汽车出口增长迅速。');
    const c = build([], { [full2024.file]: text });
    expect(ids(c)).toEqual(ids(today));
    expect(c.removed.filter((r) => r.source === full2024.file && r.reason === 'unrelated-article')).toEqual([]);
  });

  it('removes a moderator’s line, a subheading over a question and a bare live-blog time, keeping every answer whole', () => {
    const text = full2024.text
      .replace('《北京青年报》记者：', '10:32\n\n主持人：下面请《北京青年报》记者提问。\n\n斡旋之道\n\n《北京青年报》记者：')
      .replace('埃菲社记者：', '大国担当\n\n埃菲社记者：');
    const c = build([], { [full2024.file]: text });
    expect(ids(c)).toEqual(ids(today));
    for (const noise of ['主持人', '下面请', '斡旋之道', '大国担当', '10:32']) expect(allText(c), noise).not.toContain(noise);
    const removed = c.removed.filter((r) => r.source === full2024.file).map((r) => `${r.reason}:${r.text}`);
    expect(removed).toEqual(expect.arrayContaining(['other-speaker:主持人：下面请《北京青年报》记者提问。', 'heading:斡旋之道', 'heading:大国担当', 'timestamp:10:32']));
  });

  it('keeps a sentence of the minister that a photo credit follows', () => {
    const sentence = '这是中俄关系的里程碑，更是新起点。';
    expect(copy2021.text).toContain(sentence);
    const text = copy2021.text.replace(sentence, `${sentence}\n新华社记者 殷博古 摄`);
    const c = build([], { [copy2021.file]: text });
    expect(answerText(exchange(c, '2021-02'))).toContain(sentence);
    expect(c.removed.filter((r) => r.source === copy2021.file && r.reason === 'caption').map((r) => r.text)).toEqual(['新华社记者 殷博古 摄']);
  });
});

describe('merging', () => {
  it('keeps words a lower-priority copy adds at the very end of an answer, as a variant', () => {
    const end = '道路可能是曲折的，但前景一定是光明的。';
    const text = full2024.text.replace(end, `${end}中国绝不会放弃使用武力。`);
    const c = build([], { [full2024.file]: text });
    expect(exchange(c, '2024-03').variants.filter((v) => v.text.includes('放弃'))).toMatchObject([{ canonical: '', text: '中国绝不会放弃使用武力。', impact: 'meaning' }]);
  });

  it('counts reprints of one text once: a copy of 002 with other line endings, or as a web page, does not outvote 004', () => {
    const crlf = build([{ file: 'again.txt', text: full2024.text.replace(/\n/gu, '\r\n') }]);
    expect(crlf.duplicates).toEqual([{ source: 'again.txt', of: full2024.file }]);
    const page = build([{ file: 'page.html', text: asWebPage(full2024.text) }]);
    const gaza = exchange(page, '2024-06');
    expect(gaza.sources).toContain('page.html');
    expect(answerText(gaza)).toContain('这场人道灾难');
    expect(gaza.variants.find((v) => v.source === 'page.html' && v.text.includes('国灾灾难'))).toMatchObject({ rule: 'priority' });
  });

  it('cuts a second conference printed after the first, instead of merging it into the first one’s year', () => {
    const second = full2024.text.replace(/^.*据新华社北京3月7日电.*$/mu, '3月7日，十四届全国人大二次会议在梅地亚中心举行记者会。');
    const c = build([], { [copy2021.file]: `${copy2021.text}\n${second}` });
    expect(ids(c)).toEqual(ids(today));
    expect(answerText(exchange(c, '2021-28'))).toBe(answerText(exchange(today, '2021-28')));
  });

  it('keeps the first lines of a continuation page that starts mid-answer, even one ending in a colon', () => {
    const stated = { conference: { year: 2024, date: '2024-03-07', session: '十四届全国人大二次会议' }, priority: 3 };
    const lines = full2024.text.split('\n');
    const at = lines.findIndex((l) => l.includes('“四个坚持”至关重要：'));
    expect(at).toBeGreaterThan(0);
    const page = ['2024年3月8日 星期五  第3版  要闻', '', '（上接第一版）“四个坚持”至关重要：', '', ...lines.slice(at + 1)].join('\n');
    const p = parsed('page3.txt', page, { file: 'page3.txt', publisher: 'test', ...stated, conference: { ...stated.conference, minister: '王毅' } });
    expect(p.exchanges[0]!.paragraphs[0]!.text).toBe('“四个坚持”至关重要：');
    const c = build([{ file: 'page3.txt', text: page, info: stated }]);
    expect(ids(c)).toEqual(ids(today));
  });
});

describe('cases a code review found', () => {
  it('reads a one-line web page with a heading, and never crashes on a heading before the first turn', () => {
    const body = full2024.text
      .split('\n')
      .filter((l) => l.trim() !== '')
      .map((l) => (/^\S*记者：|^王毅：/u.test(l) ? `<p>${l}</p>` : `<p>${l}</p>`))
      .join('');
    const page = `<html><body><h1>中共中央政治局委员、外交部长王毅就中国外交政策和对外关系回答中外记者提问</h1>${body}</body></html>`;
    const c = build([{ file: 'one-line.html', text: page }]);
    expect(c.rejected).toEqual([]);
    expect(ids(c)).toEqual(ids(today));
  });

  it('does not cut the copy at a question that mentions answering the press', () => {
    const text = full2024.text.replace('中央广播电视总台央视记者：', '中央广播电视总台央视记者：这是您第五次以外长身份回答中外记者提问。');
    const c = build([], { [full2024.file]: text });
    expect(c.rejected).toEqual([]);
    expect(ids(c)).toEqual(ids(today));
  });

  it('keeps the minister’s sentence that a photo credit is run on to', () => {
    const sentence = '这是中俄关系的里程碑，更是新起点。';
    const c = build([], { [copy2021.file]: copy2021.text.replace(sentence, `${sentence}新华社记者 陈钟昊摄`) });
    expect(answerText(exchange(c, '2021-02'))).toContain(sentence);
    expect(allText(c)).not.toContain('陈钟昊');
  });

  it('reads 有记者问： inside an answer as the minister’s words, not a new question', () => {
    const p = parsed('x.txt', full2024.text.replace('王毅：朝鲜半岛问题延宕多年', '王毅：\n有记者问：朝鲜半岛问题延宕多年'));
    expect(p.exchanges.length).toBe(parsed('y.txt', full2024.text).exchanges.length);
  });

  it('takes the long and the short name of one session for the same session', () => {
    const text = full2024.text.replace('十四届全国人大二次会议', '第十四届全国人民代表大会第二次会议');
    const c = build([{ file: 'long.txt', text }]);
    expect(c.rejected).toEqual([]);
  });

  it('loads, rejecting each copy by name, when sources.json states a date that no copy of the year prints', () => {
    const c = build([{ file: 'stated.txt', text: full2024.text.replace('据新华社北京3月7日电', ''), info: { conference: { year: 2024, date: '2024-03-09' } } }]);
    expect(c.conferences.map((k) => k.year)).toEqual([2021, 2022]);
    expect(c.rejected.map((r) => [r.source, r.reason.kind]).sort()).toEqual(
      [...raws.filter((r) => r.text.includes('十四届全国人大二次会议')).map((r) => [r.file, 'date-mismatch']), ['stated.txt', 'date-mismatch']].sort(),
    );
  });

  it('keeps the ids when a continuation page starts at an answer whose question is on the page it lacks', () => {
    const stated = { conference: { year: 2021, date: '2021-03-07', session: '十三届全国人大四次会议', minister: '王毅' }, priority: 0 };
    const lines = copy2021.text.split('\n');
    const at = lines.findIndex((l) => l.startsWith('香港中评社记者：'));
    const page = ['（上接第一版）', ...lines.slice(at + 1)].join('\n');
    const c = build([{ file: 'page.txt', text: page, info: stated }]);
    expect(ids(c)).toEqual(ids(today));
  });
});

describe('script folding', () => {
  it('keeps the length of the text, and converts a phrase even where another clause holds a character that would grow', () => {
    for (const s of ['經濟復甦，李勣', '經濟復甦', '「臺灣」問題', '𠀀𪟝，復甦']) expect(fold(s).length).toBe(s.length);
    expect(fold('經濟復甦，李勣').startsWith('经济复苏')).toBe(true);
  });
});

describe('stable ids by similarity', () => {
  it('gives each recorded id to the exchange that matches it best, not to the first one close enough', () => {
    const entry = (question: string) => ({ kind: 'answer' as const, questioner: '路透社记者', question, paragraphs: [{ text: '回答。', sources: [], readingSources: [] }] });
    const registry = { '2030': [{ id: '2030-01', key: 'answer|路透社记者|中美关系的前景如何？双方如何管控分歧？' }] };
    // The first exchange is close enough (≥ 0.5), the second is the recorded one with a word changed.
    const first = entry('中美关系的前景如何？');
    const second = entry('中美关系的前景如何？双方如何管控好分歧？');
    const { ids: given } = assignIds('2030', [first, second] as unknown as Parameters<typeof assignIds>[1], registry);
    expect(given).toEqual(['2030-02', '2030-01']);
  });
});
