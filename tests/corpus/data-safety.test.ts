import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CorpusError } from '../../src/corpus/conference.js';
import { defaultCorpusDir, loadCorpus } from '../../src/corpus/load.js';

let dir = '';
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** A copy of the project's corpus folder with `ids.json` edited. */
function withIds(edit: (ids: Record<string, { id: string; key: string }[]>) => unknown): string {
  dir = mkdtempSync(join(tmpdir(), 'position-ids-'));
  cpSync(defaultCorpusDir, dir, { recursive: true });
  const ids = JSON.parse(readFileSync(join(dir, 'ids.json'), 'utf8')) as Record<string, { id: string; key: string }[]>;
  writeFileSync(join(dir, 'ids.json'), JSON.stringify(edit(ids) ?? ids));
  return dir;
}

const refusal = (folder: string) => {
  try {
    loadCorpus(folder);
  } catch (error) {
    expect(error).toBeInstanceOf(CorpusError);
    return (error as Error).message;
  }
  throw new Error('loadCorpus accepted a broken ids.json');
};

describe('ids.json is checked before any id is given', () => {
  it('refuses an id recorded twice, naming it, instead of renumbering exchanges', () => {
    const folder = withIds((ids) => {
      ids['2021']![28] = { ...ids['2021']![28]!, id: '2021-02' };
    });
    expect(refusal(folder)).toContain('the id 2021-02 is recorded twice');
  });

  it('refuses an entry that is not an id of its conference, naming it', () => {
    expect(refusal(withIds((ids) => void ids['2022']!.push({ id: '2024-99', key: 'x' })))).toContain('"2024-99"');
    expect(refusal(withIds((ids) => void ids['2021']!.push({ id: '2021-40' } as never)))).toContain('needs an "id" like 2021-01 and a "key"');
    expect(refusal(withIds(() => ({ 2021: 'all of them' })))).toContain('"2021" must be a list');
    expect(refusal(withIds(() => [1, 2]))).toContain('must map conference ids to lists of ids');
  });

  it('loads the project’s own registry', () => {
    expect(loadCorpus().conferences.map((c) => c.exchanges.length)).toEqual([29, 17, 18]);
  });
});

describe('a cached search index that cannot be read', () => {
  it('is built again with a warning, and the answer is the same', async () => {
    const { spawnSync } = await import('node:child_process');
    const { ensureIndex } = await import('../../src/search/index-store.js');
    dir = mkdtempSync(join(tmpdir(), 'position-index-'));
    cpSync(defaultCorpusDir, dir, { recursive: true });
    // A corpus of its own (one word changed), so its index is not the one other tests use.
    const file = join(dir, '003_c9fbacde6bcfd7ce.txt');
    writeFileSync(file, readFileSync(file, 'utf8').replace('坚定', '坚决'));
    const ask = () =>
      spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/ask.ts', 'taiwan', '--year', '2024', '--json'], {
        encoding: 'utf8',
        env: { ...process.env, CORPUS_DIR: dir },
        timeout: 90_000,
      });
    const before = ask();
    expect(before.status).toBe(0);
    const { dir: index } = ensureIndex(dir);
    writeFileSync(join(index, 'index.json'), '{"documentCount": 5');
    const after = ask();
    expect(after.status).toBe(0);
    expect(after.stderr).toContain('cannot be read');
    expect(after.stderr).toContain('building it again');
    expect(JSON.parse(after.stdout)).toEqual(JSON.parse(before.stdout));
    expect(ask().stderr).not.toContain('cannot be read');
  }, 120_000);
});
