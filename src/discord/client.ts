/** The discord.js client factory, so tests can point the real client at a local server. */
import { Client, DefaultRestOptions, GatewayIntentBits, Options, Partials } from 'discord.js';
import type { Logger } from '../log.js';
import { noMentions } from './interactions.js';
import { retryOnReset } from './retry.js';

/** Options of `createClient`. */
export interface ClientOptions {
  /** REST base URL without the version (e.g. `http://127.0.0.1:8080/api`); Discord's when null. The gateway URL comes from its `GET /gateway/bot`. */
  readonly apiUrl?: string | null;
  /** Where a request sent again after a dropped connection is logged. */
  readonly log?: Logger;
}

/**
 * A client with only the Guilds intent (slash commands need no privileged intents) and no pings by
 * default. Partial channels let an interaction's own channel (id and type, as the interaction
 * carries it) be known without the guild's channels in the cache: /compare needs its type.
 */
/** discord.js's bucket route of interaction callbacks. */
const callbackRoute = '/interactions/:id/:token/callback';
/** The longest rate-limit wait worth sitting out before an interaction's first answer (it must arrive within 3 s). */
export const callbackWaitMs = 1_500;

/** How long Discord accepts an interaction's follow-ups and edits. */
export const tokenLifetimeMs = 15 * 60_000;

/** Users and members kept in memory: each interaction brings its user, and a bot answers many. */
export const userCacheSize = 1000;

export function createClient(options: ClientOptions = {}): Client {
  // discord.js caches every user and member it sees unless told otherwise (a soak with 151,000
  // users grew RSS by 164 MB); the bot never looks them up again, so keep a few, and itself.
  const self = { keepOverLimit: (x: { id: string; client: Client }) => x.id === x.client.user?.id };
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    allowedMentions: noMentions,
    makeCache: Options.cacheWithLimits({
      ...Options.DefaultMakeCacheSettings,
      UserManager: { maxSize: userCacheSize, ...self },
      GuildMemberManager: { maxSize: userCacheSize, ...self },
      MessageManager: 0,
    }),
    rest: {
      ...(options.apiUrl ? { api: options.apiUrl } : {}),
      // discord.js keeps a request queue per route, and a webhook route per interaction token, for an
      // hour after last use (bucket hashes for a day). A token is valid for 15 minutes: keep nothing
      // of it longer, or a bot answering 100,000 interactions an hour holds 100,000 queues.
      handlerSweepInterval: tokenLifetimeMs,
      hashSweepInterval: tokenLifetimeMs,
      hashLifetime: tokenLifetimeMs,
      // A wait longer than an interaction lives cannot deliver its first answer: fail at once, and say so (interactions.ts).
      rejectOnRateLimit: (limit) => limit.route === callbackRoute && Math.max(limit.retryAfter, limit.timeToReset) > callbackWaitMs,
      makeRequest: retryOnReset(DefaultRestOptions.makeRequest, (method, path) =>
        options.log?.warn({ method, path: path.replace(/\/interactions\/(\d+)\/[^/]+/u, '/interactions/$1/…') }, 'connection dropped; sent again'),
      ),
    },
  });
}
