import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FakeDiscord, appId, guildId } from '../helpers/fake-discord.js';

let fake: FakeDiscord;
beforeAll(async () => {
  fake = await FakeDiscord.start();
});
afterAll(async () => {
  await fake.close();
});

function deploy(env: Record<string, string>): Promise<{ code: number | null; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/deploy-commands.ts'], {
      env: { ...process.env, DISCORD_TOKEN: '', DISCORD_CLIENT_ID: '', DISCORD_GUILD_ID: '', ...env },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c) => (out += String(c)));
    child.stderr.on('data', (c) => (err += String(c)));
    child.on('close', (code) => resolve({ code, out, err }));
  });
}

describe('npm run deploy-commands', () => {
  it('registers every command for one server, with the corpus years as choices and Chinese names', async () => {
    const run = await deploy({ DISCORD_TOKEN: 'fake-token', DISCORD_CLIENT_ID: appId, DISCORD_GUILD_ID: guildId, DISCORD_API_URL: fake.apiUrl });
    expect(run.err).toBe('');
    expect(run.code).toBe(0);
    expect(run.out).toContain(`registered 10 commands in server ${guildId}`);
    const put = fake.calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${appId}/guilds/${guildId}/commands`);
    const names = put.body.map((c: { name: string }) => c.name).sort();
    expect(names).toEqual(['Find source', 'compare', 'conference', 'find', 'help', 'keywords', 'phrase', 'position', 'quote', 'sources']);
    // Install and use contexts are explicit on every command; the deprecated dm_permission is gone.
    for (const c of put.body) {
      expect(c.integration_types, c.name).toEqual([0]);
      expect(c.contexts, c.name).toEqual([0, 1]);
      expect(c.dm_permission, c.name).toBeUndefined();
    }
    const position = put.body.find((c: { name: string }) => c.name === 'position');
    expect(position.name_localizations['zh-CN']).toBe('立场');
    const year = position.options.find((o: { name: string }) => o.name === 'year');
    expect(year.choices.map((c: { value: number }) => c.value)).toEqual([2021, 2022, 2024]);
  });

  it('names the missing variables instead of calling Discord', async () => {
    const run = await deploy({});
    expect(run.code).toBe(1);
    expect(run.err).toContain('deploy-commands: set DISCORD_TOKEN and DISCORD_CLIENT_ID');
  });
});
