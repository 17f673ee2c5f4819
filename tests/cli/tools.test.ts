import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inviteUrl } from '../../src/discord/invite.js';
import { projectRoot } from '../../src/search/index-store.js';
import { runTool } from '../helpers/cli.js';

describe('npm run ask', () => {
  it('prints exactly one JSON object with the quote and its sources', () => {
    const run = runTool('ask', ['taiwan', '--year', '2021', '--json']);
    expect(run.status).toBe(0);
    const lines = run.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const res = JSON.parse(lines[0]!);
    expect(res).toMatchObject({ query: 'taiwan', year: 2021 });
    expect(res.terms).toContain('台湾');
    expect(res.results[0]).toMatchObject({ id: '2021-17', year: 2021, date: '2021-03-07', conference: '十三届全国人大四次会议', questioner: '凤凰卫视记者' });
    expect(res.results[0].quote.startsWith('对于台湾问题，我想强调三点')).toBe(true);
    expect(res.results[0].sources).toHaveLength(1);
  });

  it('says plainly when a known topic has no statement that year', () => {
    const run = runTool('ask', ['gaza', '--year', '2021']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('No statement found for "gaza" in 2021.');
  });

  it('refuses an unknown topic with the reason and a non-zero exit', () => {
    const run = runTool('ask', ['qxzvbn']);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('search: unknown topic "qxzvbn": no topic is named and "qxzvbn" is not in the corpus');
    const never = runTool('ask', ['煤矿安全', '--json']);
    expect(never.status).toBe(0);
    expect(JSON.parse(never.stdout)).toMatchObject({ outcome: 'not-mentioned', terms: expect.arrayContaining(['煤矿']), results: [] });
  });

  it('answers a year outside the corpus with an error object and a non-zero exit', () => {
    const run = runTool('ask', ['taiwan', '--year', '2023', '--json']);
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)).toEqual({ error: 'search: no conference in 2023; the corpus has 2021, 2022, 2024' });
    const bad = runTool('ask', ['taiwan', '--year', 'last']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('--year: expected a year like 2024, got "last"');
  });

  it('answers a batch line by line, in order, and keeps going after a bad line', () => {
    const run = runTool('ask', ['--batch'], '{"q": "taiwan", "year": 2021}\nnot json\n{"q": "gaza"}\n{"q": "taiwan", "year": 1999}\n');
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(4);
    expect(lines[0].results[0].id).toBe('2021-17');
    expect(lines[1].error).toMatch(/JSON/u);
    expect(lines[2].results[0].id).toBe('2024-06');
    expect(lines[3].error).toContain('no conference in 1999');
  });

  it('names what is wrong with each malformed batch line, and answers the lines after them', () => {
    const bad = ['null', '[]', '{}', '{"q": 5}', 'not json', '{"q": "taiwan", "year": "2024"}', '{"q": "taiwan", "limit": 0}'];
    const run = runTool('ask', ['--batch'], `${bad.join('\n')}\n{"q": "taiwan", "year": 2024}\n`);
    expect(run.status).toBe(0);
    const lines = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error?: string; results?: { id: string }[] });
    expect(lines.map((l) => l.error)).toEqual([
      'batch: the line is null, not an object like {"q": "taiwan", "year": 2021}',
      'batch: the line is a list, not an object like {"q": "taiwan", "year": 2021}',
      'batch: "q" must be a string (the topic), not missing',
      'batch: "q" must be a string (the topic), not 5',
      'batch: the line is not JSON; each line is one object like {"q": "taiwan", "year": 2021}',
      'batch: "year" must be a whole number like 2021, not "2024"',
      'batch: "limit" must be a whole number of 1 or more, not 0',
      undefined,
    ]);
    expect(lines.at(-1)?.results?.[0]?.id).toMatch(/^2024-/u);
  });
});

describe('npm run compare', () => {
  it('gives the best exchange per year and an explicit null for a year without one', () => {
    const run = runTool('compare', ['gaza', '--years', '2021,2024', '--json']);
    expect(run.status).toBe(0);
    const res = JSON.parse(run.stdout);
    expect(res.years.map((y: { year: number }) => y.year)).toEqual([2021, 2024]);
    expect(res.years[0].result).toBeNull();
    expect(res.years[1].result.id).toBe('2024-06');
    expect(runTool('compare', ['gaza']).stdout).toContain('No statement on gaza in 2021.');
  });
});

describe('npm run corpus', () => {
  it('reports the conferences, the variants and no city news', () => {
    const run = runTool('corpus', []);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('exchanges: 27 answers, 1 opening, 1 closing');
    expect(run.stdout).toContain('exchanges: 16 answers, 1 opening, 0 closing');
    expect(run.stdout).toContain('exchanges: 17 answers, 1 opening, 0 closing');
    expect(run.stdout).toMatch(/缅北.*俄乌|俄乌.*缅北/u);
    expect(run.stdout).toMatch(/70周年.*75周年|75周年.*70周年/u);
    expect(run.stdout).not.toContain('本报讯');
  });

  it('prints the model as JSON', () => {
    const model = JSON.parse(runTool('corpus', ['--json']).stdout);
    expect(model.conferences).toHaveLength(3);
    const ex = model.conferences[2].exchanges[2];
    expect(Object.keys(ex)).toEqual(['id', 'kind', 'questioner', 'question', 'answer', 'sources', 'base', 'paragraphs', 'variants']);
    expect(Object.keys(ex.variants[0])).toEqual(['field', 'source', 'canonical', 'text', 'impact', 'reason', 'reading', 'rule']);
    expect(model.rejected).toEqual([]);
    expect(model.removed.some((r: { reason: string; text: string }) => r.reason === 'unrelated-article' && r.text.includes('本报讯'))).toBe(true);
  });
});

describe('npm run invite', () => {
  it('prints the invite link computed from the permissions the bot uses, the one the README shows', () => {
    const run = runTool('invite', [], undefined, { DISCORD_CLIENT_ID: '' });
    expect(run.status).toBe(0);
    const url = inviteUrl('<APPLICATION_ID>');
    expect(run.stdout.trim()).toBe(url);
    expect(readFileSync(join(projectRoot, 'README.md'), 'utf8')).toContain(url);
    // View Channel, Send Messages, Embed Links, Create Public Threads, Send Messages in Threads.
    expect(new URL(url).searchParams.get('permissions')).toBe(String((1n << 10n) | (1n << 11n) | (1n << 14n) | (1n << 35n) | (1n << 38n)));
  });

  it('answers any line of a batch on its own line: results or an error naming the problem', () => {
    // Arbitrary JSON values and strings (fast-check), one per line; blank lines are skipped.
    const lines = fc
      .sample(
        fc.oneof(
          fc.json({ maxDepth: 2 }),
          fc.string({ maxLength: 20 }),
          fc.record({ q: fc.string({ maxLength: 10 }), year: fc.option(fc.integer()) }).map((r) => JSON.stringify(r)),
        ),
        { numRuns: 80, seed: 7 },
      )
      .map((l) => l.replace(/[\r\n\u2028\u2029]/gu, ' '))
      .filter((l) => l.trim() !== '');
    const run = runTool('ask', ['--batch'], `${lines.join('\n')}\n{"q": "taiwan", "year": 2024}\n`);
    expect(run.status).toBe(0);
    const out = run.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { error?: string; results?: unknown[] });
    expect(out).toHaveLength(lines.length + 1);
    for (const [i, o] of out.entries()) expect(typeof o.error === 'string' ? o.error.length > 0 : Array.isArray(o.results), lines[i]).toBe(true);
    expect(out.filter((o) => o.error !== undefined).length).toBeGreaterThan(10);
    expect(out.at(-1)?.results?.length).toBeGreaterThan(0);
  });
});
