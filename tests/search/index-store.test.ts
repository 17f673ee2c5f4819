import { describe, expect, it } from 'vitest';
import { buildCorpus } from '../../src/corpus/load.js';
import { indexKey, indexingCode } from '../../src/search/index-store.js';
import { corpusInputs } from '../helpers/corpus.js';

describe('the search index cache key', () => {
  const { raws, infos, registry } = corpusInputs();
  const model = buildCorpus(raws, infos, registry);

  it('is the same for the same built model, however it was read', () => {
    expect(indexKey(buildCorpus([...raws].reverse(), infos, registry))).toBe(indexKey(model));
  });

  it('changes when the built model changes, though no corpus file did (as a change of the parser would)', () => {
    const edited = {
      conferences: model.conferences.map((c, i) =>
        i === 0 ? { ...c, exchanges: c.exchanges.map((e, k) => (k === 1 ? { ...e, paragraphs: e.paragraphs.slice(1) } : e)) } : c,
      ),
    };
    expect(indexKey(edited)).not.toBe(indexKey(model));
    expect(indexKey(model, 100)).not.toBe(indexKey(model));
  });

  it('covers the topics and the code that builds and loads the index', () => {
    const names = indexingCode.map((f) => f.split('/').at(-1));
    expect(names).toEqual(expect.arrayContaining(['topics.json', 'documents.ts', 'segment.ts', 'build-index.ts', 'normalize.ts']));
  });
});
