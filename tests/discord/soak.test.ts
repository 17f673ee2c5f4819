import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

describe('npm run soak', () => {
  it('drives interactions from distinct users through the fake Discord and prints its figures as JSON', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/soak.ts', '--interactions', '300', '--json'], { encoding: 'utf8', timeout: 120_000 });
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    const figures = JSON.parse(run.stdout) as Record<string, number>;
    expect(figures).toMatchObject({ interactions: 300, expired: 0, refused: 0, errorLines: 0 });
    for (const key of ['throughputPerS', 'p50Ms', 'p99Ms', 'rssStartMB', 'rssEndMB', 'rssMaxMB', 'rssGrowthMB', 'heapStartMB', 'heapEndMB'])
      expect(Number.isFinite(figures[key]), key).toBe(true);
    expect(figures['p50Ms']).toBeLessThanOrEqual(figures['p99Ms']!);
    expect(figures['rssStartMB']).toBeGreaterThan(50);
  }, 130_000);

  it('refuses a count that is not a whole number', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/soak.ts', '--interactions', 'many'], { encoding: 'utf8', timeout: 30_000 });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('soak: --interactions must be a whole number of 1 or more, not many');
  });
});
