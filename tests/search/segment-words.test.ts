/** The keywords' words come from the index's own segmentation pass: they must be what nodejieba's cut gives. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { wordsOfSearchCut } from '../../src/search/segment.js';

describe('words told from cutForSearch', () => {
  it('are nodejieba’s cut for every question and paragraph of the corpus (or untold, and cut again)', () => {
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'tests/helpers/search-cut-check.ts'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stderr).toBe('');
    const r = JSON.parse(run.stdout) as { texts: number; same: number; differ: number; untold: number };
    expect(r.differ).toBe(0);
    expect(r.same).toBeGreaterThan(0.99 * r.texts);
  });

  it('skips the shorter dictionary words listed before the word they are inside', () => {
    // cutForSearch lists 中国 and 中国人 inside 中国人民 before it.
    expect(wordsOfSearchCut('中国人民站起来了', ['中国', '国人', '人民', '中国人', '中国人民', '站', '起来', '了'])).toEqual(['中国人民', '站', '起来', '了']);
    expect(wordsOfSearchCut('中国中国人', ['中国', '中国', '国人', '中国人'])).toEqual(['中国', '中国人']);
    expect(wordsOfSearchCut('中国', ['美国'])).toBeNull();
  });
});
