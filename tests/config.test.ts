import { describe, expect, it } from 'vitest';
import { readConfig } from '../src/config.js';

/** Shaped like a bot token, made up for the test. */
const fakeToken = `${'MTIzNDU2Nzg5MDEyMzQ1Njc4'}.${'GaBcDe'}.${'x'.repeat(38)}`;

describe('config', () => {
  it('reads an empty environment as console mode with Discord defaults', () => {
    expect(readConfig({})).toEqual({
      token: null,
      clientId: null,
      guildId: null,
      apiUrl: null,
      corpusDir: null,
      logLevel: 'info',
      logFormat: null,
      shardCount: null,
      shardList: null,
      healthFile: null,
      publicUrl: null,
    });
  });

  it('reads every variable and freezes the result', () => {
    const c = readConfig({
      DISCORD_TOKEN: 'abc.def',
      DISCORD_CLIENT_ID: '123456789012345678',
      DISCORD_GUILD_ID: '223456789012345678',
      DISCORD_API_URL: 'http://localhost:8080/api/',
      LOG_LEVEL: 'DEBUG',
      LOG_FORMAT: 'json',
      DISCORD_SHARD_COUNT: '2',
      DISCORD_SHARD_LIST: '1, 0,1',
      HEALTH_FILE: '/run/position/health',
      PUBLIC_URL: 'https://example.org/position',
    });
    expect(c).toEqual({
      token: 'abc.def',
      clientId: '123456789012345678',
      guildId: '223456789012345678',
      apiUrl: 'http://localhost:8080/api',
      corpusDir: null,
      logLevel: 'debug',
      logFormat: 'json',
      shardCount: 2,
      shardList: [0, 1],
      healthFile: '/run/position/health',
      publicUrl: 'https://example.org/position/',
    });
    expect(Object.isFrozen(c)).toBe(true);
  });

  it('names the variable at fault, never printing the token', () => {
    expect(() => readConfig({ DISCORD_CLIENT_ID: 'abc' })).toThrow('config: DISCORD_CLIENT_ID must be an application id (17–20 digits) (3 characters given)');
    expect(() => readConfig({ DISCORD_API_URL: 'localhost' })).toThrow(/DISCORD_API_URL/u);
    expect(() => readConfig({ DISCORD_TOKEN: 'secret token' })).toThrow('config: DISCORD_TOKEN contains white space');
    expect(() => readConfig({ CORPUS_DIR: '/no/such/folder' })).toThrow('config: CORPUS_DIR is not a folder');
    expect(() => readConfig({ LOG_LEVEL: 'loud' })).toThrow(
      'config: LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent (4 characters given)',
    );
    expect(() => readConfig({ DISCORD_SHARD_COUNT: '0' })).toThrow('config: DISCORD_SHARD_COUNT must be a whole number of 1 or more (1 character given)');
    expect(() => readConfig({ DISCORD_SHARD_LIST: '0,1' })).toThrow('config: DISCORD_SHARD_LIST needs DISCORD_SHARD_COUNT');
    expect(() => readConfig({ DISCORD_SHARD_LIST: '2', DISCORD_SHARD_COUNT: '2' })).toThrow('names a shard beyond DISCORD_SHARD_COUNT');
    expect(() => readConfig({ DISCORD_SHARD_LIST: '0-3', DISCORD_SHARD_COUNT: '4' })).toThrow('must be shard ids separated by commas');
    expect(() => readConfig({ LOG_FORMAT: 'xml' })).toThrow('config: LOG_FORMAT must be json or pretty (3 characters given)');
    expect(() => readConfig({ PUBLIC_URL: 'example.org' })).toThrow('config: PUBLIC_URL is not a URL');
    expect(() => readConfig({ PUBLIC_URL: 'ftp://example.org/' })).toThrow('config: PUBLIC_URL must be an http(s) URL');
    expect(() => readConfig({ PUBLIC_URL: 'https://example.org/?utm=x' })).toThrow('config: PUBLIC_URL must be the address of the site, without ? or #');
  });

  it('never prints a value, and calls out a token pasted into the wrong variable', () => {
    for (const name of [
      'DISCORD_CLIENT_ID',
      'DISCORD_GUILD_ID',
      'DISCORD_API_URL',
      'CORPUS_DIR',
      'LOG_LEVEL',
      'LOG_FORMAT',
      'DISCORD_SHARD_COUNT',
      'HEALTH_FILE',
      'PUBLIC_URL',
    ]) {
      let message = '';
      try {
        readConfig({ [name]: fakeToken });
      } catch (error) {
        message = (error as Error).message;
      }
      expect(message, name).toBe(
        `config: ${name} holds what looks like a bot token; the token belongs in DISCORD_TOKEN (and should be reset if it was shared)`,
      );
      expect(message).not.toContain(fakeToken.slice(0, 10));
    }
    expect(() => readConfig({ DISCORD_API_URL: 'ftp://example.org/x' })).toThrow('config: DISCORD_API_URL must be an http(s) URL (19 characters given)');
  });
});
