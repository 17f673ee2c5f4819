/**
 * /phrase and /keywords in Discord: the real client against the fake, which checks uploads as
 * Discord does (files[n] parts, at most 10 files and 10 MiB, alt text of at most 1024 characters,
 * an embed image naming a file of the message).
 */
import { loadImage } from '@napi-rs/canvas';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UserBudget } from '../../src/discord/rate-limit.js';
import { startBot, type RunningBot } from '../helpers/bot.js';
import { attachmentViolation, type UploadedFile } from '../helpers/fake-discord.js';

let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot({ commands: new UserBudget({ burst: 100, refillMs: 1 }), compare: new UserBudget({ burst: 100, refillMs: 1 }) });
});
afterAll(async () => {
  await bot?.stop();
});
const callback = (token: string) => bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.path.endsWith('/callback') && c.status !== 0));
const buttons = (data: any): string[] => (data.components ?? []).flatMap((row: any) => row.components.map((c: any) => c.custom_id));

describe('/phrase in Discord', () => {
  it('answers with the counts per year, the conferences, the chart as an attached PNG with alt text, and the first lines', async () => {
    const cb = await callback(bot.fake.command('phrase', { text: '多边主义, 人类命运共同体' }));
    expect(cb.status).toBe(204);
    const data = cb.body.data;
    expect(data.flags ?? 0).toBe(0);
    const [counts, lines] = data.embeds;
    expect(counts.title).toBe('Formulations: 多边主义、人类命运共同体');
    expect(counts.description).toContain('2021: **13**');
    expect(counts.description).toContain('2022: **5**');
    expect(counts.description).toContain('2024: **7**');
    expect(counts.fields[0].value).toContain('2024 · 2024-03-07 · 十四届全国人大二次会议 (14th NPC, 2nd session) · 王毅 (Wang Yi) · 2 copies');
    expect(counts.image.url).toBe('attachment://phrase.png');
    // The chart is uploaded as files[0], announced with its alt text, and decodes.
    expect(cb.files).toHaveLength(1);
    const [file] = cb.files!;
    expect(file!.filename).toBe('phrase.png');
    expect(data.attachments).toEqual([
      { id: '0', description: expect.stringContaining('多边主义 2021 13, 2022 5, 2024 4; 人类命运共同体 2021 3, 2022 3, 2024 7') },
    ]);
    const image = await loadImage(file!.data);
    expect([image.width, image.height]).toEqual([1200, 675]);
    expect(lines.title).toBe('Lines 1–10 of 35');
    expect(lines.description.split('\n')).toHaveLength(10);
    expect(lines.description).toContain('`2021-11` · 【**多边主义**】是旗帜，而不是幌子；');
    expect(buttons(data)).toEqual(['quote', 'lines|1|-|a|多边主义, 人类命运共同体']);
  });

  it('pages the lines in the reader’s own ephemeral pager, and opens an exchange from the menu', async () => {
    const page = await callback(bot.fake.button('lines|1|-|a|多边主义, 人类命运共同体'));
    expect(page.body.data.flags).toBe(64);
    expect(page.body.data.embeds[0].title).toContain('Lines 11–20 of 35');
    expect(page.body.data.embeds[0].footer.text).toContain('Page 2 of 4');
    expect(page.files ?? []).toEqual([]);
    const next = await callback(bot.fake.button('lines|3|-|a|多边主义, 人类命运共同体', { ephemeral: true }));
    expect(next.body.type).toBe(7);
    expect(next.body.data.embeds[0].title).toContain('Lines 31–35 of 35');
    const opened = await callback(bot.fake.select('quote', ['2021-11']));
    expect(opened.body.data.flags).toBe(64);
    expect(opened.body.data.embeds[0].fields.find((f: { name: string }) => f.name === 'Exchange id').value).toBe('`2021-11`');
  });

  it('says which Chinese an English word was counted as, and lists a copy-only occurrence beside the counts', async () => {
    const english = await callback(bot.fake.command('phrase', { text: 'multilateralism', scope: 'questions' }));
    expect(english.body.data.embeds[0].description).toContain('multilateralism → 多边主义 (dictionary)');
    expect(english.body.data.embeds[0].description).toContain('2021: **2**');
    const variant = await callback(bot.fake.command('phrase', { text: '保持高度警惕' }));
    const [counts, lines] = variant.body.data.embeds;
    expect(counts.description).toContain('never said');
    expect(lines.description).toContain('only in 001, not counted');
    expect(lines.fields[0].value).toContain('001 = ');
  });

  it('answers bad input ephemerally with what is wrong, and keeps running', async () => {
    const cases: [Record<string, string | number>, string][] = [
      [{ text: '一,二,三,四,五,六' }, 'That is 6 phrases; compare at most 5 at once.'],
      [{ text: '多'.repeat(101) }, 'That phrase is 101 characters long; the limit is 100.'],
      [{ text: 'xyzzy' }, 'No Chinese is known for “xyzzy”'],
      [{ text: '多边主义', year: 2023 }, 'There is no conference from 2023 in the corpus'],
      [{ text: '多边主义', scope: 'everything' }, 'Unknown scope “everything”'],
    ];
    for (const [options, message] of cases) {
      const cb = await callback(bot.fake.command('phrase', options));
      expect(cb.body.data.flags, message).toBe(64);
      expect(cb.body.data.content, message).toContain(message);
    }
    const after = await callback(bot.fake.command('phrase', { text: '和平统一' }));
    expect(after.body.data.embeds[0].description).toContain('2024: **2**');
  });
});

describe('/keywords in Discord', () => {
  it('lists a year’s keywords with both counts, and opens one in /phrase from the menu', async () => {
    const cb = await callback(bot.fake.command('keywords', { year: 2021 }));
    const embed = cb.body.data.embeds[0];
    expect(embed.title).toBe('Keywords of 2021 against the other years');
    expect(embed.description).toContain('1\\. **疫苗** · 36 vs 4 · G² 42.38');
    expect(buttons(cb.body.data)).toEqual(['phrases|a']);
    const opened = await callback(bot.fake.select('phrases|a', ['疫苗']));
    expect(opened.body.data.flags).toBe(64);
    expect(opened.body.data.embeds[0].description).toContain('2021: **36**');
    expect(opened.files).toHaveLength(1);
  });

  it('compares with one year, and refuses a year compared with itself or outside the corpus', async () => {
    const vs = await callback(bot.fake.command('keywords', { year: 2024, vs: '2021' }));
    expect(vs.body.data.embeds[0].title).toBe('Keywords of 2024 against 2021');
    const same = await callback(bot.fake.command('keywords', { year: 2024, vs: '2024' }));
    expect(same.body.data.content).toContain('Compare 2024 with another year');
    const outside = await callback(bot.fake.command('keywords', { year: 2024, vs: '2023' }));
    expect(outside.body.data.content).toContain('There is no conference from 2023');
  });
});

describe('/compare ends with the topic’s formulations', () => {
  it('posts a last message whose buttons open each main term in /phrase', async () => {
    const token = bot.fake.command('compare', { topic: 'multilateralism' });
    const posts = await bot.fake.waitFor(() => {
      const thread = bot.fake.calls.filter((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(c.path) && c.status === 200);
      return thread.some((c) => String(c.body?.content ?? '').includes('Formulations')) ? thread : undefined;
    });
    const last = posts.at(-1)!;
    expect(last.body.content).toContain('**Formulations**');
    expect(last.body.content).toContain('多边主义');
    expect(buttons(last.body)).toContain('phrase|a|多边主义');
    const opened = await callback(bot.fake.button('phrase|a|多边主义'));
    expect(opened.body.data.embeds[0].description).toContain('2021: **13**');
    expect(token).not.toBe('');
  });
});

describe('the fake’s upload rules, as Discord documents them', () => {
  const png = (field: string, filename = 'a.png', bytes = 10): UploadedFile => ({ field, filename, contentType: 'image/png', data: Buffer.alloc(bytes) });
  it('refuses alt text over 1024 characters, an attachment naming no upload, an embed image naming no file, and over 10 files or 10 MiB', () => {
    expect(attachmentViolation({ attachments: [{ id: 0, description: 'x'.repeat(1025) }] }, [png('files[0]')])).toContain('description');
    expect(attachmentViolation({ attachments: [{ id: 1 }] }, [png('files[0]')])).toContain('names no uploaded file');
    expect(attachmentViolation({ embeds: [{ image: { url: 'attachment://b.png' } }] }, [png('files[0]')])).toContain('names no file');
    expect(
      attachmentViolation(
        {},
        Array.from({ length: 11 }, (_, i) => png(`files[${i}]`)),
      ),
    ).toContain('more than 10 files');
    expect(attachmentViolation({}, [png('files[0]', 'a.png', 10 * 1024 * 1024 + 1)])).toContain('> 10485760');
    expect(
      attachmentViolation({ attachments: [{ id: 0, description: 'ok' }], embeds: [{ image: { url: 'attachment://a.png' } }] }, [png('files[0]')]),
    ).toBeNull();
  });
});
