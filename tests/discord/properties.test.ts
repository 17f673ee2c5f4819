/**
 * Property tests (fast-check): whatever a user types or a button carries, the answer is a valid
 * Discord message or a user-facing error, never an exception; and over the real client, nothing
 * the bot sends could ping anyone or be refused by Discord.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CommandContext, Reply } from '../../src/discord/command.js';
import { loadCommands, type LoadedCommand } from '../../src/discord/commands.js';
import { decodeButton, encodeButton, type ButtonState } from '../../src/discord/custom-id.js';
import { isUserError, userMessage } from '../../src/discord/errors.js';
import type { Lang } from '../../src/discord/i18n.js';
import { limits } from '../../src/discord/limits.js';
import type { MessagePayload } from '../../src/discord/render.js';
import { buttonReply } from '../../src/discord/results.js';
import { UserBudget } from '../../src/discord/rate-limit.js';
import { startBot, type RunningBot } from '../helpers/bot.js';
import { violation } from '../helpers/fake-discord.js';
import { realEngine } from '../helpers/search.js';

const engine = realEngine();
const ctx: CommandContext = { engine };
let commands: Map<string, LoadedCommand>;
beforeAll(async () => {
  commands = await loadCommands(undefined, engine.years);
});

const ids = engine.conferences.flatMap((c) => c.exchanges.map((e) => e.id));
/** Words a user may type: topic names, corpus words, English, typos, markup, mentions, control and astral characters. */
const word = fc.oneof(
  fc.constantFrom(
    'taiwan',
    'tawian',
    '台湾',
    '臺灣',
    'south china sea',
    'ukraine',
    'gaza',
    'philippines',
    'visa free',
    '多边主义',
    '人工智慧',
    '2021',
    '2024年',
  ),
  fc.constantFrom('@everyone', '@here', '<@100000000000000005>', '<#1>', '```', '> quote', '||spoiler||', '**', '\u200b', '\u0000', '😀', '𠀀', '\n'),
  fc.string({ maxLength: 12 }),
  fc.string({ unit: 'grapheme', maxLength: 12 }),
  fc.string({ unit: 'binary', maxLength: 12 }),
);
const topic = fc.array(word, { minLength: 0, maxLength: 6 }).map((words) => words.join(' '));
const year = fc.option(fc.oneof(fc.constantFrom(...engine.years, 2023, 1949, 0, -1), fc.integer()), { nil: undefined });
const lang = fc.constantFrom<Lang>('en', 'zh-CN', 'zh-TW');

/** Every message of a reply. */
function payloads(reply: Reply): MessagePayload[] {
  if (reply.type === 'thread') return [reply.intro, ...reply.messages];
  if (reply.type === 'message') return [reply.message, ...(reply.followUps ?? [])];
  return [reply.message];
}

/** A reply Discord would take: within its limits, every button's state decodes to what it encodes. */
function expectValid(reply: Reply): void {
  if (reply.type === 'thread') expect(reply.name.length).toBeGreaterThan(0);
  if (reply.type === 'thread') expect(reply.name.length).toBeLessThanOrEqual(limits.threadName);
  for (const p of payloads(reply)) {
    expect(violation(p)).toBeNull();
    expect(Boolean(p.content) || (p.embeds?.length ?? 0) > 0).toBe(true);
    expect(p.components?.length ?? 0).toBeLessThanOrEqual(5);
    const customIds = (p.components ?? []).flatMap((row) => row.components.flatMap((b) => ('custom_id' in b ? [b.custom_id] : [])));
    expect(new Set(customIds).size, 'Discord refuses a message with two equal custom ids').toBe(customIds.length);
    for (const row of p.components ?? [])
      for (const b of row.components) {
        if (!('custom_id' in b)) continue;
        const state = decodeButton(b.custom_id);
        expect(state, b.custom_id).not.toBeNull();
        expect(encodeButton(state!)).toBe(b.custom_id);
      }
  }
}

/** Runs something a user did: a valid reply, or an error that is theirs (answered as such), never a fault. */
function expectAnswered(run: () => Reply, l: Lang): void {
  let reply: Reply;
  try {
    reply = run();
  } catch (error) {
    expect(isUserError(error), String(error instanceof Error ? error.stack : error)).toBe(true);
    const message = userMessage(error, l, engine.years);
    expect(message.length).toBeGreaterThan(0);
    expect(message.length).toBeLessThanOrEqual(limits.content);
    return;
  }
  expectValid(reply);
}

describe('any input, any button', () => {
  it('answers any /position, /compare and /quote with a valid reply or the user’s own error', () => {
    fc.assert(
      fc.property(fc.constantFrom('position', 'compare'), topic, year, lang, fc.boolean(), (name, t, y, l, inGuild) => {
        const options = name === 'position' ? { topic: t, year: y } : { topic: t, years: y === undefined ? undefined : String(y) };
        expectAnswered(() => commands.get(name)!.run({ options, lang: l, inGuild }, ctx), l);
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.oneof(fc.constantFrom(...ids), fc.string({ maxLength: 12 }), topic), lang, (id, l) => {
        expectAnswered(() => commands.get('quote')!.run({ options: { id }, lang: l, inGuild: true }, ctx), l);
      }),
      { numRuns: 200 },
    );
  });

  it('answers any autocomplete with at most 25 choices Discord takes', () => {
    fc.assert(
      fc.property(topic, lang, (value, l) => {
        for (const c of commands.values()) {
          const choices = c.autocomplete?.({ name: 'topic', value }, l, ctx) ?? [];
          expect(violation({ choices })).toBeNull();
        }
      }),
      { numRuns: 200 },
    );
  });

  it('decodes any custom id without throwing, and answers every state it decodes', () => {
    const state = fc.oneof(
      fc.record({ kind: fc.constant('next' as const), rank: fc.integer({ min: 1, max: 40 }), year: fc.option(year.map((y) => y ?? 2021)), query: topic }),
      fc.record({ kind: fc.constantFrom('page' as const, 'var' as const), id: fc.oneof(fc.constantFrom(...ids), fc.string()), page: fc.nat(30) }),
      fc.record({ kind: fc.constant('cite' as const), id: fc.oneof(fc.constantFrom(...ids), fc.string()), first: fc.nat(30), last: fc.nat(30) }),
      fc.record({ kind: fc.constant('conf' as const), year: fc.oneof(fc.constantFrom(...engine.years, 2023), fc.nat(3000)), page: fc.nat(10) }),
    );
    const customId = fc.oneof(
      state.map((s) => encodeButton(s as ButtonState) ?? 'x'),
      fc.string({ maxLength: 100 }),
      fc
        .array(
          fc.oneof(fc.constantFrom('next', 'page', 'cite', 'var', 'conf', 'open', '-', '0', '1', '', '2024-06', '2021', '2023'), fc.string({ maxLength: 5 })),
          { maxLength: 6 },
        )
        .map((parts) => parts.join('|')),
    );
    fc.assert(
      fc.property(customId, lang, fc.boolean(), fc.boolean(), (id, l, ephemeral, own) => {
        const decoded = decodeButton(id);
        if (decoded) expectAnswered(() => buttonReply({ engine }, decoded, l, { ephemeral, own, values: [fc.sample(fc.constantFrom(...ids, 'x'), 1)[0]!] }), l);
      }),
      { numRuns: 500 },
    );
  });
});

describe('any input over the real client and the fake Discord', () => {
  let bot: RunningBot;
  beforeAll(async () => {
    bot = await startBot({ commands: new UserBudget({ burst: 1e6, refillMs: 1 }), compare: new UserBudget({ burst: 1e6, refillMs: 1 }) });
  });
  afterAll(async () => {
    await bot?.stop();
  });

  it('sends nothing Discord refuses and nothing that pings, whatever is typed', async () => {
    const inputs = fc.sample(fc.tuple(fc.constantFrom('position', 'compare', 'quote'), topic, year, fc.constantFrom('en-US', 'zh-CN', 'zh-TW', 'fr')), {
      numRuns: 100,
      seed: 42,
    });
    const tokens = inputs.map(([name, t, y, locale]) => {
      const options: Record<string, string | number> = name === 'quote' ? { id: t || ' ' } : { topic: t || ' ' };
      if (y !== undefined && name === 'position') options['year'] = y;
      if (y !== undefined && name === 'compare') options['years'] = String(y);
      return bot.fake.command(name, options, { locale });
    });
    await bot.fake.waitFor(() => tokens.every((t) => bot.fake.callsFor(t).some((c) => c.path.endsWith('/callback'))), 30_000);
    await bot.fake.waitFor(() => bot.log.filter((l) => l.message === 'answered').length >= tokens.length, 30_000);
    expect(bot.fake.rejections).toEqual([]);
    const messages = bot.fake.calls.filter((c) => c.body && (c.path.endsWith('/callback') || c.path.startsWith('/webhooks/') || c.path.endsWith('/messages')));
    expect(messages.length).toBeGreaterThanOrEqual(tokens.length);
    for (const c of messages) {
      const message = c.path.endsWith('/callback') ? c.body.data : c.body;
      expect(message.allowed_mentions, `${c.method} ${c.path}`).toEqual({ parse: [] });
    }
    expect(bot.log.filter((l) => l.level === 'error')).toEqual([]);
  }, 60_000);
});
