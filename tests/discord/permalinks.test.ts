import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBot, type RunningBot } from '../helpers/bot.js';
import { UserBudget } from '../../src/discord/rate-limit.js';

let bot: RunningBot;
const site = 'https://example.org/position/';
beforeAll(async () => {
  bot = await startBot({ commands: new UserBudget({ burst: 100, refillMs: 1 }), compare: new UserBudget({ burst: 100, refillMs: 1 }) }, { publicUrl: site });
});
afterAll(async () => {
  await bot?.stop();
});
const callback = (token: string) => bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.path.endsWith('/callback')));

describe('permalinks into the web edition, with PUBLIC_URL set', () => {
  it('links the title of an answer to its exchange page, the same path `npm run site` writes', async () => {
    const cb = await callback(bot.fake.command('position', { topic: 'taiwan', year: 2024 }));
    expect(cb.status).toBe(204);
    const embed = cb.body.data.embeds[0];
    const id = /`(\d{4}-\d{2})`/u.exec(embed.fields.find((f: { name: string }) => f.name === 'Exchange id').value)![1]!;
    expect(id.startsWith('2024-')).toBe(true);
    expect(embed.url).toBe(`${site}2024/${id.slice(5)}/`);
  });

  it('links the full answer too, and cites the address (cite.test.ts checks each style)', async () => {
    const page = await callback(bot.fake.button('page|2021-17|0'));
    expect(page.body.data.embeds[0].url).toBe(`${site}2021/17/`);
    const cite = await callback(bot.fake.button('cite|2021-17|0|6'));
    const text: string = cite.body.data.content;
    expect(text).toContain(`Web edition: ${site}2021/17/.`);
    expect(text).toContain(`[N/OL]. `);
  });

  it("links the variants to the exchange page's apparatus, a conference's list to its page, and /sources to the home page", async () => {
    const variants = await callback(bot.fake.button('var|2022-11|0'));
    expect(variants.body.data.embeds[0].url).toBe(`${site}2022/11/#apparatus`);
    const list = await callback(bot.fake.command('conference', { year: 2024 }));
    expect(list.body.data.embeds[0].url).toBe(`${site}2024/`);
    const sources = await callback(bot.fake.command('sources', {}));
    expect(sources.body.data.embeds[0].url).toBe(site);
  });

  it('links the main terms at the end of a /compare thread to their pages in the web edition', async () => {
    bot.fake.command('compare', { topic: 'multilateralism' });
    const post = await bot.fake.waitFor(() =>
      bot.fake.calls.find((c) => c.method === 'POST' && /^\/channels\/\d+\/messages$/u.test(c.path) && String(c.body?.content ?? '').includes('Formulations')),
    );
    expect(post.body.content).toContain(`[多边主义](<${site}phrases/${encodeURIComponent('多边主义')}/>)`);
  });
});
