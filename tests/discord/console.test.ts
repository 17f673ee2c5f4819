import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { session } from '../helpers/console.js';

describe('console mode', () => {
  it('prints the /position reply a Discord user would see, buttons listed', async () => {
    const { out, code } = await session(['/position taiwan 2021']);
    expect(code).toBe(0);
    expect(out).toContain('┌ 王毅 (Wang Yi) · Taiwan · 2021');
    expect(out).toContain('│ > 对于台湾问题，我想强调三点：');
    expect(out).toContain('Question from 凤凰卫视记者 (Phoenix TV)');
    expect(out).toContain('2021-03-07 · 十三届全国人大四次会议 (13th NPC, 4th session)');
    expect(out).toContain('003_c9fbacde6bcfd7ce.txt');
    expect(out).toContain('Buttons: [!1 !prev] Previous result (disabled)  [!2 !next] Next result  [!3 !full] Full answer  [!4 !cite] Cite\n');
    // Without a year, a button per year, named by it.
    expect((await session(['/position taiwan'])).out).toMatch(/\[!5 !2021\] 2021 \(\d+\) {2}\[!6 !2022\] 2022/u);
    expect(out).toMatch(/Result 1 of \d+/u);
  });

  it('presses buttons by number and by name', async () => {
    const { out, err } = await session(['/position taiwan 2021', '!4', '/position belt and road', '!next', '!prev', '!2', '!full', '!next', '!nope']);
    expect(out).toContain('(only you can see this)');
    expect(out).toContain('Wang, Yi (王毅). 2021. “外交部长王毅就中国外交政策和对外关系回答中外记者提问”');
    expect(out).toContain('(message updated)');
    expect(out).toMatch(/Result 2 of \d+[^]*Result 1 of \d+[^]*Result 2 of \d+/u);
    expect(err).toMatch(/no button !nope on the last reply \(it has !1 !prev, !2 !next/u);
  });

  it('speaks the language given with npm start -- --lang, and names a bad one', () => {
    const run = (lang: string) =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts', '--lang', lang], {
        input: '/help\n/position taiwan 2021\n',
        encoding: 'utf8',
        env: { ...process.env, DISCORD_TOKEN: '' },
        timeout: 60_000,
      });
    const tw = run('zh-TW');
    expect(tw.status).toBe(0);
    expect(tw.stdout).toContain('position —— 說明');
    expect(tw.stdout).toContain('/查找出處');
    expect(tw.stdout).toMatch(/第 1 (條|筆)結果，共 \d+ (條|筆)/u);
    const bad = run('fr');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--lang: expected en, zh-CN or zh-TW, got "fr"');
  });

  it('lists a conference with /conference, pages it with !next, and says how to open an exchange', async () => {
    const { out, code } = await session(['/conference 2024', '!next']);
    expect(code).toBe(0);
    expect(out).toContain('┌ 王毅 (Wang Yi) · 2024 press conference:');
    expect(out).toContain('Open an exchange… /quote 2024-00 | 2024-01');
    expect(out).toMatch(/Page 1 of \d+[^]*\(message updated\)[^]*Page 2 of \d+/u);
  });

  it('prints its own labels in the language asked for', async () => {
    const { out } = await session(['/position taiwan 2021', '!cite'], 'zh-CN');
    expect(out).toContain('按钮： [!1 !prev] 上一条结果（不可用）  [!2 !next] 下一条结果');
    expect(out).toContain('（仅你可见）');
  });

  it('finds the source of words typed after /find', async () => {
    const { out } = await session(['/find 王毅說：「中國政府在臺灣問題上沒有妥協餘地，沒有退讓空間。」']);
    expect(out).toContain('Verbatim: these words are in exchange 2021-17.');
  });

  it('prints a /compare thread with one message per year', async () => {
    const { out } = await session(['/compare gaza 2021,2024']);
    expect(out).toContain('── thread "Palestine and Gaza · 2021, 2024" ──');
    expect(out).toContain('No statement on Palestine and Gaza in 2021 in the corpus.');
    expect(out).toContain('`2024-06`');
  });

  it('answers each bad line with its reason on stderr, keeps going, and exits non-zero at the end', async () => {
    const { out, err, code } = await session([
      '/position taiwan 2023',
      '/frobnicate',
      'hello',
      '/position ' + 'x'.repeat(90),
      '/position qxzvbn',
      '/position taiwan year:twenty',
      '/position taiwan year:0',
      '/position taiwan 2021 year:2024',
      '/quote 2024-09',
    ]);
    expect(code).toBe(1);
    expect(err).toContain('error: There is no conference from 2023 in the corpus; it has 2021, 2022, 2024.');
    expect(err).toContain('error: unknown command /frobnicate');
    expect(err).toContain('error: type a command such as /position taiwan 2021');
    expect(err).toContain('error: That topic is 90 characters long; the limit is 80.');
    expect(err).toContain('error: Unknown topic: "qxzvbn" names no topic and is not in the corpus.');
    expect(err).toContain('error: "twenty" is not a year; years look like 2024.');
    expect(err).toContain('error: "0" is not a year; years look like 2024.');
    expect(err).toContain('error: The topic says 2021 but the year option says 2024.');
    expect(out).toContain('`2024-09`');
  });

  it('reads a year typed in the topic, and compares the years typed after it', async () => {
    const { out, code } = await session(['/position 2024年台湾', '/compare taiwan 2021, 2024']);
    expect(code).toBe(0);
    expect(out).toContain('┌ 王毅 (Wang Yi) · Taiwan · 2024');
    expect(out).toContain('── thread "Taiwan · 2021, 2024" ──');
  });

  it('answers a known topic without a statement that year as a normal reply', async () => {
    const { out, code } = await session(['/position gaza 2021']);
    expect(code).toBe(0);
    expect(out).toContain('No statement on Palestine and Gaza in 2021 in the corpus.');
  });

  it('labels in Chinese for a Chinese locale', async () => {
    const { out } = await session(['/position 南海 2024'], 'zh-CN');
    expect(out).toContain('印尼安塔拉通讯社记者提问');
    expect(out).toContain('2024年3月7日 · 十四届全国人大二次会议');
  });

  it('runs from npm start without a token and ends cleanly at end of input', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
      input: '/position taiwan 2021\n/sources\n',
      encoding: 'utf8',
      env: { ...process.env, DISCORD_TOKEN: '', PUBLIC_URL: 'https://example.org/position' },
      timeout: 60_000,
    });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('│ > 对于台湾问题，我想强调三点：');
    // PUBLIC_URL links the title to the exchange's page in the web edition.
    expect(run.stdout).toContain('┌ 王毅 (Wang Yi) · Taiwan · 2021 <https://example.org/position/2021/17/>');
    expect(run.stdout).toContain('Conferences in the corpus');
  });
});
