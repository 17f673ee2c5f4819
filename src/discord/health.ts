/**
 * A health file for supervisors (a container HEALTHCHECK, a systemd timer): while its gateway
 * connection is ready, the bot rewrites HEALTH_FILE every `healthIntervalMs` with when, its ping and
 * what it is doing; under `start:sharded` each shard writes `HEALTH_FILE-<shard>` and the manager
 * writes HEALTH_FILE with the ids of the shards it runs. `npm run health` reads them: healthy when every file is
 * fresh and ready. A process that runs but has lost Discord for longer than `healthMaxAgeMs`
 * (discord.js keeps reconnecting) is unhealthy, and the supervisor restarts it.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { Events, Status, type Client } from 'discord.js';

export const healthIntervalMs = 15_000;
/** Four missed writes. */
export const healthMaxAgeMs = 60_000;

/** What one process writes. */
export interface HealthRecord {
  /** Milliseconds since the epoch. */
  readonly at: number;
  readonly ready: boolean;
  /** The manager's record: the shards this machine runs, whose files to read. */
  readonly shards?: readonly number[];
  readonly pingMs?: number;
  readonly guilds?: number;
  readonly inFlight?: number;
}

/** Why a health check fails, as data. */
export type Unhealthy =
  | { readonly reason: 'missing'; readonly file: string }
  | { readonly reason: 'unreadable'; readonly file: string }
  | { readonly reason: 'stale'; readonly file: string; readonly ageS: number }
  | { readonly reason: 'not-ready'; readonly file: string };

/** Writes a record atomically (a reader never sees half a file). */
export function writeHealth(file: string, record: HealthRecord): void {
  writeFileSync(`${file}.tmp`, JSON.stringify(record));
  renameSync(`${file}.tmp`, file);
}

/** Rewrites the file every interval while the client's gateway is ready; returns a stop function. */
export function keepHealthFile(client: Client, file: string, inFlight: () => number): () => void {
  const write = () => {
    if (client.ws.status !== Status.Ready) return;
    writeHealth(file, { at: Date.now(), ready: true, pingMs: client.ws.ping, guilds: client.guilds.cache.size, inFlight: inFlight() });
  };
  const timer = setInterval(write, healthIntervalMs);
  timer.unref();
  client.on(Events.ClientReady, write);
  return () => clearInterval(timer);
}

function read(file: string): HealthRecord | Unhealthy {
  if (!existsSync(file)) return { reason: 'missing', file };
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as HealthRecord;
    if (typeof record.at !== 'number') return { reason: 'unreadable', file };
    return record;
  } catch {
    return { reason: 'unreadable', file };
  }
}

/** Checks the health file (and, for a sharded bot, each shard's); null when healthy. */
export function checkHealth(file: string, now: number = Date.now(), maxAgeMs: number = healthMaxAgeMs): Unhealthy | null {
  const main = read(file);
  if ('reason' in main) return main;
  const files = main.shards === undefined ? [file] : main.shards.map((id) => `${file}-${id}`);
  for (const f of files) {
    const r = f === file ? main : read(f);
    if ('reason' in r) return r;
    if (now - r.at > maxAgeMs) return { reason: 'stale', file: f, ageS: Math.round((now - r.at) / 1000) };
    if (!r.ready) return { reason: 'not-ready', file: f };
  }
  return null;
}

/** A health failure in words, for the supervisor's log. */
export function unhealthyMessage(u: Unhealthy): string {
  switch (u.reason) {
    case 'missing':
      return `health: ${u.file} does not exist (the bot has not connected to Discord yet, or HEALTH_FILE differs)`;
    case 'unreadable':
      return `health: ${u.file} is not a health record`;
    case 'stale':
      return `health: ${u.file} was last written ${u.ageS} s ago: the bot has been without Discord since`;
    case 'not-ready':
      return `health: ${u.file} says the bot is not ready`;
  }
}
