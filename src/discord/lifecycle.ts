/**
 * The process around the client: what the gateway says (disconnects, reconnects, resumes,
 * errors), which closes are fatal, and the in-flight work a shutdown waits for. The decisions are
 * plain data and functions; `main.ts` wires them to the process.
 */
import { Events, type Client } from 'discord.js';
import type { Logger } from '../log.js';

/**
 * Gateway close codes after which reconnecting cannot help (Discord's "reconnect: false"), with
 * what to do about each. The process must exit non-zero so that a supervisor notices.
 */
export const fatalCloseCodes: ReadonlyMap<number, string> = new Map([
  [4004, 'authentication failed: Discord refused the token (reset it in the Developer Portal, then set DISCORD_TOKEN)'],
  [4010, 'invalid shard sent when identifying'],
  [4011, 'sharding required: the bot is in too many guilds for one connection'],
  [4012, 'invalid gateway API version'],
  [4013, 'invalid intents'],
  [4014, 'disallowed intents: an intent the bot asks for is not enabled for it in the Developer Portal'],
]);

/** Listens to the gateway: logs what happens, and calls `fatal` with the cause on a close that cannot be resumed. */
export function watchGateway(client: Client, log: Logger, fatal: (cause: string) => void): void {
  client.on(Events.ShardDisconnect, (event, shard) => {
    const cause = fatalCloseCodes.get(event.code);
    if (cause) fatal(`gateway: shard ${shard} closed with ${event.code}, ${cause}`);
    else log.warn({ shard, code: event.code }, `gateway: shard ${shard} disconnected (close ${event.code}); discord.js reconnects`);
  });
  client.on(Events.ShardReconnecting, (shard) => log.info({ shard }, `gateway: shard ${shard} reconnecting`));
  client.on(Events.ShardResume, (shard, replayed) => log.info({ shard, replayed }, `gateway: shard ${shard} resumed (${replayed} events replayed)`));
  client.on(Events.ShardError, (error, shard) => log.error({ shard, err: error }, `gateway: shard ${shard} error`));
  client.on(Events.Invalidated, () => fatal('gateway: the session was invalidated and cannot be resumed'));
  client.on(Events.Error, (error) => log.error({ err: error }, 'discord.js: error'));
  client.on(Events.Warn, (message) => log.warn(`discord.js: ${message}`));
}

/** Work in progress (replies, `/compare` posts) that a shutdown lets finish. */
export class InFlight {
  private readonly running = new Set<Promise<unknown>>();
  private closed = false;

  /** Whether new work is still taken. */
  get accepting(): boolean {
    return !this.closed;
  }

  get size(): number {
    return this.running.size;
  }

  /** Tracks a piece of work until it settles. */
  track<T>(work: Promise<T>): Promise<T> {
    this.running.add(work);
    const done = () => this.running.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * Stops taking new work and waits for what runs, at most `timeoutMs`.
   * @returns whether everything finished in time
   */
  async drain(timeoutMs: number): Promise<boolean> {
    this.closed = true;
    let timer: NodeJS.Timeout | undefined;
    let late = false;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(() => ((late = true), resolve()), timeoutMs)));
    // Work may still arrive while this waits (a "try again" reply is work too): wait until none is left.
    while (this.running.size > 0 && !late) await Promise.race([Promise.allSettled([...this.running]), timeout]);
    clearTimeout(timer);
    return this.running.size === 0;
  }
}
