import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCorpus, corpusInputs, defaultCorpusDir, loadCorpus } from '../../src/corpus/load.js';

const dir = mkdtempSync(join(tmpdir(), 'position-model-'));
cpSync(defaultCorpusDir, dir, { recursive: true });
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The model built without the cache, from the folder's files. */
function uncached(folder: string) {
  const { raw, infos, registry } = corpusInputs(folder);
  return buildCorpus(raw, infos, registry);
}

const cacheFile = () => corpusInputs(dir).cached;

describe('the cached corpus model', () => {
  it('is the model buildCorpus makes, read back as built', () => {
    const first = loadCorpus(dir);
    expect(existsSync(cacheFile())).toBe(true);
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8'))).toEqual(first);
    expect(loadCorpus(dir)).toEqual(first);
    expect(first).toEqual(uncached(dir));
  });

  it('is built again when it cannot be read', () => {
    const model = loadCorpus(dir);
    writeFileSync(cacheFile(), '{"conferences": [');
    expect(loadCorpus(dir)).toEqual(model);
    expect(JSON.parse(readFileSync(cacheFile(), 'utf8'))).toEqual(model);
  });

  it('is never used for other files: one changed byte builds a new model', () => {
    const before = loadCorpus(dir);
    const old = cacheFile();
    const file = readdirSync(dir).find((f) => f.endsWith('.txt'))!;
    const text = readFileSync(join(dir, file), 'utf8');
    writeFileSync(join(dir, file), text.replace('坚定', '坚决'));
    const after = loadCorpus(dir);
    expect(after).toEqual(uncached(dir));
    expect(cacheFile()).not.toBe(old);
    expect(JSON.stringify(after)).not.toBe(JSON.stringify(before));
  });
});
