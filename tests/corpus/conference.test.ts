import { describe, expect, it } from 'vitest';
import { CorpusError, detectConference, sessionYear } from '../../src/corpus/conference.js';

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
  it('derives the year from the session when the date has no year', () => {
    const c = detectConference('3月7日，十三届全国人大五次会议在北京人民大会堂举行视频记者会', 'x.txt');
    expect(c).toMatchObject({ year: 2022, date: '2022-03-07', session: '十三届全国人大五次会议', npc: { term: 13, session: 5 } });
  });

  it('reads the long form of the session name', () => {
    const c = detectConference('2019年3月8日，第十三届全国人民代表大会第二次会议举行记者会', 'y.txt');
    expect(c).toMatchObject({ year: 2019, date: '2019-03-08', npc: { term: 13, session: 2 } });
  });

  it('names the file when neither date nor session can be found', () => {
    expect(() => detectConference('外交部长就中国外交政策回答中外记者提问', '005_x.txt')).toThrow(CorpusError);
    expect(() => detectConference('外交部长就中国外交政策回答中外记者提问', '005_x.txt')).toThrow(/cannot tell the year of 005_x\.txt/u);
  });

  it('refuses a copy whose printed year contradicts its session', () => {
    expect(() => detectConference('2020年3月7日，十三届全国人大五次会议', 'z.txt')).toThrow(/z\.txt prints the date 2020年3月7日/u);
  });

  it('uses what sources.json states when the text is silent', () => {
    const c = detectConference('记者会', 'w.txt', { year: 2022, date: '2022-03-07', session: '十三届全国人大五次会议' });
    expect(c).toMatchObject({ year: 2022, date: '2022-03-07', npc: { term: 13, session: 5 } });
  });
});
