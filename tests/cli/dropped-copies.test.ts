/**
 * What a maintainer does: drop new files into a corpus folder and start the bot. Copies in other
 * layouts join their conferences without changing an id; a file that is not the conference is
 * left out by name, and the bot still answers.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { defaultCorpusDir } from '../../src/corpus/load.js';
import { rawContaining } from '../helpers/corpus.js';
import { asLiveBlog, encode, premierConference, toTraditional } from '../helpers/layouts.js';

let dir = '';

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'position-dropped-'));
  for (const f of readdirSync(defaultCorpusDir)) copyFileSync(join(defaultCorpusDir, f), join(dir, f));
  writeFileSync(join(dir, '100_hk.txt'), encode(toTraditional(rawContaining('**王毅：**').text), 'gb18030'));
  writeFileSync(join(dir, '101_live.txt'), asLiveBlog(rawContaining('据新华社北京3月7日电').text));
  writeFileSync(join(dir, '102_premier.txt'), premierConference(rawContaining('据新华社北京3月7日电').text));
});

const env = () => ({ ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: dir });

describe('new files dropped into the corpus folder', () => {
  it('npm run corpus lists the new copies and leaves out the premier’s conference by name', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/corpus.ts', '--json'], { encoding: 'utf8', env: env(), timeout: 60_000 });
    expect(run.status).toBe(0);
    const model = JSON.parse(run.stdout);
    expect(model.rejected).toEqual([
      { source: '102_premier.txt', kind: 'not-a-conference', reason: expect.stringContaining('not the foreign minister’s press conference') },
    ]);
    const byYear = (y: number) => model.conferences.find((c: { year: number }) => c.year === y);
    expect(byYear(2022).sources).toContain('100_hk.txt');
    expect(byYear(2024).sources).toContain('101_live.txt');
    expect(model.conferences.map((c: { exchanges: { kind: string }[] }) => c.exchanges.filter((e) => e.kind === 'answer').length)).toEqual([27, 16, 17]);
  });

  it('npm start says once what it left out, and answers', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      input: '/position taiwan 2024\n',
      encoding: 'utf8',
      env: env(),
      timeout: 90_000,
    });
    expect(run.status).toBe(0);
    expect(run.stderr.match(/corpus: left out 102_premier\.txt/gu)).toHaveLength(1);
    // The new copies sources.json does not list: named once each, with the defaults they got.
    for (const file of ['100_hk.txt', '101_live.txt'])
      expect(run.stderr.split(`corpus: warning: ${file}: not listed in sources.json: publisher unknown, priority 0`)).toHaveLength(2);
    expect(run.stderr).not.toContain('warning: 000_');
    expect(run.stdout).toContain('┌ 王毅 (Wang Yi) · Taiwan · 2024');
    expect(run.stdout).toContain('101_live.txt');
    expect(run.stdout).not.toContain('李强');
  });
});

describe('a corpus folder in which no file is the conference', () => {
  it('stops the bot and the site with each file’s reason, not a stack trace', () => {
    const only = mkdtempSync(join(tmpdir(), 'position-only-premier-'));
    writeFileSync(join(only, 'premier.txt'), premierConference(rawContaining('据新华社北京3月7日电').text));
    const onlyEnv = { ...process.env, DISCORD_TOKEN: '', CORPUS_DIR: only };
    const expected = `corpus: no file in ${only} is a copy of the foreign minister's press conference (premier.txt: not the foreign minister’s press conference`;
    const start = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], { input: '/help\n', encoding: 'utf8', env: onlyEnv, timeout: 60_000 });
    expect(start.status).toBe(1);
    expect(start.stderr).toContain(expected);
    expect(start.stderr).not.toMatch(/\n\s+at /u);
    const site = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/site.ts', '--out', join(only, '..', 'only-premier-site')], {
      encoding: 'utf8',
      env: onlyEnv,
      timeout: 60_000,
    });
    expect(site.status).toBe(1);
    expect(site.stderr).toContain(expected);
  });
});
