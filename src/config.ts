/**
 * Configuration, read once from the environment (and `.env`, see `.env.example`) into a frozen
 * object. A malformed value fails fast and names the variable; the token is never printed.
 */
import { existsSync, statSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';
import { logLevels, type LogFormat, type LogLevel } from './log.js';

/** The bot's configuration. */
export interface Config {
  /** Bot token; without it `npm start` runs the console mode. */
  readonly token: string | null;
  /** Application (client) id; needed by `npm run deploy-commands`. */
  readonly clientId: string | null;
  /** Guild to deploy commands to; null deploys them globally. */
  readonly guildId: string | null;
  /** REST base URL (without the version), e.g. a shared `@discordjs/proxy`; null for Discord's. */
  readonly apiUrl: string | null;
  /** The corpus folder to load instead of the project's `corpus/`; null for the project's. */
  readonly corpusDir: string | null;
  /** The least severe level logged (`LOG_LEVEL`, default info). */
  readonly logLevel: LogLevel;
  /** `LOG_FORMAT`: json or pretty; null picks pretty at a terminal and JSON elsewhere. */
  readonly logFormat: LogFormat | null;
  /** `DISCORD_SHARD_COUNT` for `npm run start:sharded`; null takes the count Discord recommends. */
  readonly shardCount: number | null;
  /** `DISCORD_SHARD_LIST`: the shards this machine runs (with DISCORD_SHARD_COUNT); null for all. */
  readonly shardList: readonly number[] | null;
  /** `HEALTH_FILE`: where the bot writes its health record (`npm run health` reads it); null for none. */
  readonly healthFile: string | null;
  /** `PUBLIC_URL`: where the web edition (`npm run site`) is published; replies then link each exchange's page. */
  readonly publicUrl: string | null;
}

/** A configuration error; the message names the variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const snowflake = /^\d{17,20}$/u;
/** A Discord bot token's shape: three dot-separated base64url parts. */
const tokenShape = /^[\w-]{20,}\.[\w-]{4,}\.[\w-]{20,}$/u;

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? null : v;
}

/**
 * Fails with the variable's name and what is wrong, never its value: a value in the wrong variable
 * may be the token, and error output ends up in logs. A token pasted into another variable is
 * called out as such.
 */
function refuse(name: string, what: string, value: string): never {
  if (tokenShape.test(value))
    throw new ConfigError(`config: ${name} holds what looks like a bot token; the token belongs in DISCORD_TOKEN (and should be reset if it was shared)`);
  const length = [...value].length;
  throw new ConfigError(`config: ${name} ${what} (${length} character${length === 1 ? '' : 's'} given)`);
}

/** An optional http(s) address; `check` adds a rule of the variable's own, `what` saying it. */
function httpUrl(env: NodeJS.ProcessEnv, name: string, check: (url: URL) => boolean = () => true, what = ''): string | null {
  const value = optional(env, name);
  if (value === null) return null;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    refuse(name, 'is not a URL', value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') refuse(name, 'must be an http(s) URL', value);
  if (!check(url)) refuse(name, what, value);
  return value;
}

/** Reads the configuration from an environment (pure, for tests). */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const token = optional(env, 'DISCORD_TOKEN');
  if (token !== null && /\s/u.test(token)) throw new ConfigError('config: DISCORD_TOKEN contains white space');
  const clientId = optional(env, 'DISCORD_CLIENT_ID');
  if (clientId !== null && !snowflake.test(clientId)) refuse('DISCORD_CLIENT_ID', 'must be an application id (17–20 digits)', clientId);
  const guildId = optional(env, 'DISCORD_GUILD_ID');
  if (guildId !== null && !snowflake.test(guildId)) refuse('DISCORD_GUILD_ID', 'must be a server id (17–20 digits)', guildId);
  const apiUrl = httpUrl(env, 'DISCORD_API_URL');
  const corpusDir = optional(env, 'CORPUS_DIR');
  if (corpusDir !== null && tokenShape.test(corpusDir)) refuse('CORPUS_DIR', 'is not a folder', corpusDir);
  if (corpusDir !== null && !(existsSync(corpusDir) && statSync(corpusDir).isDirectory())) throw new ConfigError('config: CORPUS_DIR is not a folder');
  const level = optional(env, 'LOG_LEVEL')?.toLowerCase() ?? 'info';
  if (!isOneOf(level, logLevels)) refuse('LOG_LEVEL', `must be one of ${logLevels.join(', ')}`, level);
  const format = optional(env, 'LOG_FORMAT')?.toLowerCase() ?? null;
  if (format !== null && !isOneOf(format, ['json', 'pretty'] as const)) refuse('LOG_FORMAT', 'must be json or pretty', format);
  const shards = optional(env, 'DISCORD_SHARD_COUNT');
  if (shards !== null && !/^[1-9]\d{0,4}$/u.test(shards)) refuse('DISCORD_SHARD_COUNT', 'must be a whole number of 1 or more', shards);
  const list = optional(env, 'DISCORD_SHARD_LIST');
  let shardList: number[] | null = null;
  if (list !== null) {
    if (!/^\d{1,5}(?:\s*,\s*\d{1,5})*$/u.test(list)) refuse('DISCORD_SHARD_LIST', 'must be shard ids separated by commas, like 0,1,2', list);
    if (shards === null) throw new ConfigError('config: DISCORD_SHARD_LIST needs DISCORD_SHARD_COUNT (the shards of every machine together)');
    shardList = [...new Set(list.split(',').map((x) => Number(x.trim())))].sort((a, b) => a - b);
    if (shardList.some((id) => id >= Number(shards)))
      throw new ConfigError('config: DISCORD_SHARD_LIST names a shard beyond DISCORD_SHARD_COUNT (ids start at 0)');
  }
  const publicUrl = httpUrl(env, 'PUBLIC_URL', (url) => url.search === '' && url.hash === '', 'must be the address of the site, without ? or #');
  const healthFile = optional(env, 'HEALTH_FILE');
  if (healthFile !== null && tokenShape.test(healthFile)) refuse('HEALTH_FILE', 'is not a file path', healthFile);
  return Object.freeze({
    token,
    clientId,
    guildId,
    apiUrl: apiUrl?.replace(/\/+$/u, '') ?? null,
    corpusDir,
    logLevel: level,
    logFormat: format,
    shardCount: shards === null ? null : Number(shards),
    shardList,
    healthFile,
    publicUrl: publicUrl === null ? null : `${publicUrl.replace(/\/+$/u, '')}/`,
  });
}

function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}

/** Loads `.env` (if any) into the environment and reads the configuration. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return readConfig(process.env);
}
