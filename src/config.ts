/**
 * Configuration, read once from the environment (and `.env`, see `.env.example`) into a frozen
 * object. A malformed value fails fast and names the variable; the token is never printed.
 */
import { existsSync, statSync } from 'node:fs';
import { config as loadDotenv } from 'dotenv';

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
}

/** A configuration error; the message names the variable at fault. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

const snowflake = /^\d{17,20}$/u;

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const v = env[name]?.trim();
  return v === undefined || v === '' ? null : v;
}

/** Reads the configuration from an environment (pure, for tests). */
export function readConfig(env: NodeJS.ProcessEnv): Config {
  const token = optional(env, 'DISCORD_TOKEN');
  if (token !== null && /\s/u.test(token)) throw new ConfigError('config: DISCORD_TOKEN contains white space');
  const clientId = optional(env, 'DISCORD_CLIENT_ID');
  if (clientId !== null && !snowflake.test(clientId))
    throw new ConfigError(`config: DISCORD_CLIENT_ID must be an application id (17–20 digits), got "${clientId}"`);
  const guildId = optional(env, 'DISCORD_GUILD_ID');
  if (guildId !== null && !snowflake.test(guildId)) throw new ConfigError(`config: DISCORD_GUILD_ID must be a server id (17–20 digits), got "${guildId}"`);
  const apiUrl = optional(env, 'DISCORD_API_URL');
  if (apiUrl !== null) {
    let url: URL;
    try {
      url = new URL(apiUrl);
    } catch {
      throw new ConfigError(`config: DISCORD_API_URL is not a URL: "${apiUrl}"`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ConfigError(`config: DISCORD_API_URL must be http(s), got "${apiUrl}"`);
  }
  const corpusDir = optional(env, 'CORPUS_DIR');
  if (corpusDir !== null && !(existsSync(corpusDir) && statSync(corpusDir).isDirectory())) throw new ConfigError('config: CORPUS_DIR is not a folder');
  return Object.freeze({ token, clientId, guildId, apiUrl: apiUrl?.replace(/\/+$/u, '') ?? null, corpusDir });
}

/** Loads `.env` (if any) into the environment and reads the configuration. */
export function loadConfig(): Config {
  loadDotenv({ quiet: true });
  return readConfig(process.env);
}
