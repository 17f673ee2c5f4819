import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCorpus } from '../../src/corpus/load.js';
import { rejectionMessage } from '../../src/corpus/report.js';
import { parsed } from '../helpers/corpus.js';

/** A transcript of another year in yet another mix of the printed formats. */
const otherYear = [
  '# 外交部长王毅就中国外交政策和对外关系回答中外记者提问',
  '',
  '2019年3月8日，十三届全国人大二次会议举行记者会，国务委员兼外交部长王毅就中国外交政策和对外关系回答中外记者提问。',
  '',
  '**王毅**：各位记者朋友，大家好！',
  '',
  '**法新社记者**：中方如何看待',
  '中美贸易谈判？',
  '',
  '**王毅**：我们希望谈判取得成果。这不',
  '',
  '新华社记者 李学仁摄',
  '',
  '是一方的事情。',
  '',
  '（上接第一版）',
  '',
  '合作是唯一正确的选择。（下转第二版）',
  '',
  '## 本市新闻标题',
  '',
  '**本报讯** 本市召开会议。',
].join('\r\n');

describe('parseSource', () => {
  it('reads a transcript of another year and format by the same rules', () => {
    const p = parsed('x.txt', otherYear);
    expect(p.conference).toMatchObject({ year: 2019, date: '2019-03-08', session: '十三届全国人大二次会议' });
    expect(p.exchanges.map((e) => e.kind)).toEqual(['opening', 'answer']);
    const answer = p.exchanges[1]!;
    expect(answer.questioner).toBe('法新社记者');
    expect(answer.question).toBe('中方如何看待中美贸易谈判？');
    expect(answer.paragraphs.map((x) => x.text)).toEqual(['我们希望谈判取得成果。这不是一方的事情。', '合作是唯一正确的选择。']);
    expect(answer.partialEnd).toBe(true);
    const reasons = p.removed.map((r) => `${r.reason}:${r.text}`);
    expect(reasons).toEqual(
      expect.arrayContaining(['caption:新华社记者 李学仁摄', 'continuation-marker:（上接第一版）', 'continuation-marker:（下转第二版）', 'unrelated-article:本市新闻标题']),
    );
  });

  it('rejects a copy whose conference cannot be told, by name and with the reason', () => {
    const dir = mkdtempSync(join(tmpdir(), 'position-corpus-'));
    writeFileSync(join(dir, '005_x.txt'), '外交部长王毅答中外记者问\n\n王毅：大家好。\n\n路透社记者：问题？\n\n王毅：回答。\n');
    const c = loadCorpus(dir);
    expect(c.conferences).toEqual([]);
    expect(c.rejected).toEqual([{ source: '005_x.txt', reason: { kind: 'conference', problem: { kind: 'unknown-year' } } }]);
    expect(rejectionMessage(c.rejected[0]!)).toBe('cannot tell the year (no date and no NPC session found; state it in corpus/sources.json)');
  });

  it('accepts the conference stated in sources.json for such a copy', () => {
    const dir = mkdtempSync(join(tmpdir(), 'position-corpus-'));
    writeFileSync(join(dir, '005_x.txt'), '外交部长王毅答中外记者问\n\n王毅：大家好。\n\n路透社记者：问题？\n\n王毅：回答。\n');
    const stated = { year: 2023, date: '2023-03-07', session: '十四届全国人大一次会议' };
    writeFileSync(join(dir, 'sources.json'), JSON.stringify({ sources: [{ file: '005_x.txt', publisher: 'test', priority: 1, conference: stated }] }));
    const c = loadCorpus(dir);
    expect(c.conferences[0]).toMatchObject({ year: 2023, date: '2023-03-07' });
    expect(c.conferences[0]!.exchanges.map((e) => e.id)).toEqual(['2023-00', '2023-01']);
  });
});
