/** The discord.js client factory, so tests can point the real client at a local server. */
import { Client, GatewayIntentBits, Partials } from 'discord.js';
import { noMentions } from './interactions.js';

/** Options of `createClient`. */
export interface ClientOptions {
  /** REST base URL without the version (e.g. `http://127.0.0.1:8080/api`); Discord's when null. The gateway URL comes from its `GET /gateway/bot`. */
  readonly apiUrl?: string | null;
}

/**
 * A client with only the Guilds intent (slash commands need no privileged intents) and no pings by
 * default. Partial channels let an interaction's own channel (id and type, as the interaction
 * carries it) be known without the guild's channels in the cache: /compare needs its type.
 */
export function createClient(options: ClientOptions = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    partials: [Partials.Channel],
    allowedMentions: noMentions,
    ...(options.apiUrl ? { rest: { api: options.apiUrl } } : {}),
  });
}
