import { existsSync, mkdirSync, mkdtempSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneCache, staleAfterMs, touch } from '../src/cache.js';
import { ensureIndex } from '../src/search/index-store.js';

const day = 24 * 60 * 60 * 1000;
const age = (path: string, ms: number) => utimesSync(path, new Date(Date.now() - ms), new Date(Date.now() - ms));

describe('the build caches', () => {
  it('remove entries unused for a month, and half-written ones after a day, keeping the one in use', () => {
    const dir = mkdtempSync(join(tmpdir(), 'position-cache-'));
    for (const name of ['old', 'fresh', 'kept', 'a.tmp-12', 'b.tmp-13']) mkdirSync(join(dir, name));
    writeFileSync(join(dir, 'old-model.json'), '{}');
    age(join(dir, 'old'), staleAfterMs + day);
    age(join(dir, 'old-model.json'), staleAfterMs + day);
    age(join(dir, 'kept'), staleAfterMs + day);
    age(join(dir, 'a.tmp-12'), 2 * day);
    age(join(dir, 'fresh'), staleAfterMs - day);
    expect(pruneCache(dir, ['kept']).sort()).toEqual(['a.tmp-12', 'old', 'old-model.json']);
    expect(['fresh', 'kept', 'b.tmp-13'].every((n) => existsSync(join(dir, n)))).toBe(true);
    expect(pruneCache(join(dir, 'missing'))).toEqual([]);
  });

  it('mark an entry used when it is opened, so that a running bot’s index is never the oldest', () => {
    const { dir } = ensureIndex();
    age(dir, staleAfterMs + day);
    ensureIndex();
    expect(Date.now() - statSync(dir).mtimeMs).toBeLessThan(60_000);
    const file = join(mkdtempSync(join(tmpdir(), 'position-touch-')), 'x');
    writeFileSync(file, '');
    age(file, 10 * day);
    touch(file);
    expect(Date.now() - statSync(file).mtimeMs).toBeLessThan(60_000);
    touch(join(file, 'missing'));
  });
});
