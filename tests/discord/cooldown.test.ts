import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandBudget, compareBudget, UserBudget } from '../../src/discord/rate-limit.js';
import { userCacheSize } from '../../src/discord/client.js';
import { startBot, type RunningBot } from '../helpers/bot.js';

const EPHEMERAL = 64;
let bot: RunningBot;
beforeAll(async () => {
  bot = await startBot();
});
afterAll(async () => {
  await bot?.stop();
});

const callbackOf = (token: string) => bot.fake.waitFor(() => bot.fake.callsFor(token).find((c) => c.path.endsWith('/callback')), 20_000);

describe('per-user budgets, on the real client and the fake Discord', () => {
  it('lets one user burst, then tells them when to try again, while another user is answered at once', async () => {
    const flood = Array.from({ length: 200 }, () => bot.fake.command('position', { topic: 'taiwan', year: 2024 }, { user: '300000000000000001' }));
    const other = bot.fake.command('position', { topic: 'gaza', year: 2024 }, { user: '300000000000000002' });
    const replies = await Promise.all(flood.map(callbackOf));
    const answered = replies.filter((c) => c.body.data.embeds?.length > 0);
    const cooled = replies.filter((c) => /try again in \d+ s/u.test(c.body.data.content ?? ''));
    // Figures: of 200 commands at once, the burst is answered, the rest told to wait, none left to expire.
    expect(answered).toHaveLength(commandBudget.burst);
    expect(cooled).toHaveLength(200 - commandBudget.burst);
    expect(cooled.every((c) => c.body.data.flags === EPHEMERAL && c.status === 204)).toBe(true);
    const theirs = await callbackOf(other);
    expect(theirs.body.data.embeds[0].title).toBeTruthy();
    expect(theirs.at - Math.min(...replies.map((c) => c.at))).toBeLessThan(3000);
  });

  it('gives /compare a smaller budget of its own', async () => {
    const user = '300000000000000003';
    const tokens = Array.from({ length: compareBudget.burst + 2 }, () => bot.fake.command('compare', { topic: 'gaza' }, { user }));
    const replies = await Promise.all(tokens.map(callbackOf));
    expect(replies.filter((c) => /try again in \d+ s/u.test(c.body.data.content ?? ''))).toHaveLength(2);
  });
});

describe('memory per user', () => {
  it('keeps at most userCacheSize users and members, and itself, however many users it answers', async () => {
    const n = userCacheSize + 200;
    const tokens = new Set(Array.from({ length: n }, (_, i) => bot.fake.command('help', {}, { user: String(400000000000000000n + BigInt(i)) })));
    const answered = () => bot.fake.calls.filter((c) => c.path.endsWith('/callback') && tokens.has(c.path.split('/')[3]!));
    await bot.fake.waitFor(() => answered().length >= n, 50_000);
    expect(answered().every((c) => c.status === 204)).toBe(true);
    expect(bot.client.users.cache.size).toBeLessThanOrEqual(userCacheSize + 1);
    expect(bot.client.users.cache.has(bot.client.user!.id)).toBe(true);
    const guild = bot.client.guilds.cache.first()!;
    expect(guild.members.cache.size).toBeLessThanOrEqual(userCacheSize + 1);
  }, 60_000);
});

describe('UserBudget', () => {
  it('refills one unit per period, says how long to wait in whole seconds, and forgets users who are full again', () => {
    let now = 0;
    const budget = new UserBudget({ burst: 2, refillMs: 2_000 }, () => now);
    expect(budget.take('a')).toEqual({ ok: true });
    expect(budget.take('a')).toEqual({ ok: true });
    expect(budget.take('a')).toEqual({ ok: false, retryAfterS: 2 });
    now = 1_500;
    expect(budget.take('a')).toEqual({ ok: false, retryAfterS: 1 });
    now = 2_000;
    expect(budget.take('a')).toEqual({ ok: true });
    expect(budget.take('b')).toEqual({ ok: true });
    for (let i = 0; i < 10_000; i++) budget.take(`user${i}`);
    now = 60_000;
    budget.take('late');
    expect(budget.size).toBeLessThan(10);
  });
});
