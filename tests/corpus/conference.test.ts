import { describe, expect, it } from 'vitest';
import { detectConference, ministerOf, sessionYear } from '../../src/corpus/conference.js';

describe('session arithmetic', () => {
  it('dates every session of the regular NPC terms', () => {
    expect(sessionYear(13, 4)).toBe(2021);
    expect(sessionYear(13, 5)).toBe(2022);
    expect(sessionYear(14, 1)).toBe(2023);
    expect(sessionYear(14, 2)).toBe(2024);
    expect(sessionYear(10, 3)).toBe(2005);
    expect(sessionYear(6, 1)).toBe(1983);
  });

  it('refuses terms before the 6th NPC, whose sessions were irregular', () => {
    expect(sessionYear(5, 1)).toBeNaN();
    expect(sessionYear(13, 6)).toBeNaN();
  });
});

describe('detectConference', () => {
  const info = (header: string, stated?: Parameters<typeof detectConference>[1]) => {
    const c = detectConference(header, stated);
    if (!c.ok) throw new Error(c.problem.kind);
    return c.info;
  };

  it('derives the year from the session when the date has no year', () => {
    expect(info('3月7日，十三届全国人大五次会议在北京人民大会堂举行视频记者会')).toMatchObject({ year: 2022, date: '2022-03-07', session: '十三届全国人大五次会议', npc: { term: 13, session: 5 } });
  });

  it('reads the long form of the session name', () => {
    expect(info('2019年3月8日，第十三届全国人民代表大会第二次会议举行记者会')).toMatchObject({ year: 2019, date: '2019-03-08', npc: { term: 13, session: 2 } });
  });

  it('takes the date of the lede, not the date a newspaper prints on its page', () => {
    expect(info('2024年3月8日 星期五 第3版\n3月7日，十四届全国人大二次会议举行记者会')).toMatchObject({ year: 2024, date: '2024-03-07' });
  });

  it('says why when neither date nor session can be found', () => {
    expect(detectConference('外交部长就中国外交政策回答中外记者提问')).toEqual({ ok: false, problem: { kind: 'unknown-year' } });
  });

  it('refuses a copy whose printed year contradicts its session', () => {
    expect(detectConference('2020年3月7日，十三届全国人大五次会议举行记者会')).toEqual({
      ok: false,
      problem: { kind: 'date-contradicts-session', date: '2020年3月7日', session: '十三届全国人大五次会议', sessionYear: 2022 },
    });
  });

  it('uses what sources.json states when the text is silent, and refuses a statement the text contradicts', () => {
    expect(info('记者会', { year: 2022, date: '2022-03-07', session: '十三届全国人大五次会议' })).toMatchObject({ year: 2022, date: '2022-03-07', npc: { term: 13, session: 5 } });
    expect(detectConference('3月7日，十三届全国人大五次会议举行记者会', { year: 2024 })).toEqual({ ok: false, problem: { kind: 'stated-year-contradicts', stated: 2024, printed: 2022 } });
  });
});

describe('ministerOf', () => {
  it('takes the minister from the header statement, whoever he is', () => {
    expect(ministerOf('外交部长秦刚就中国外交政策和对外关系回答中外记者提问')).toBe('秦刚');
    expect(ministerOf('国务委员兼外交部长王毅就中国外交政策和对外关系回答中外记者提问')).toBe('王毅');
    expect(ministerOf('外交部长李肇星在记者会上答中外记者问')).toBe('李肇星');
  });

  it('finds no minister in the header of another official’s press conference or a meeting', () => {
    expect(ministerOf('国务院总理李强出席记者会并回答中外记者提问')).toBeNull();
    expect(ministerOf('外交部长王毅会见巴基斯坦外长')).toBeNull();
  });
});
