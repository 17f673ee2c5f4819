import { describe, expect, it } from 'vitest';
import { closestWords, editDistance, typoBudget } from '../../src/search/edit-distance.js';

describe('edit distance', () => {
  it('counts a swap of two neighbouring letters as one typo', () => {
    expect(editDistance('tawian', 'taiwan')).toBe(1);
    expect(editDistance('ukriane', 'ukraine')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('is zero only for the same word, the same both ways, and stops at the bound', () => {
    const words = ['taiwan', 'tawian', 'ukraine', 'russia', 'asean', 'gaza', 'sanctions', ''];
    for (const a of words) {
      for (const b of words) {
        expect(editDistance(a, b) === 0).toBe(a === b);
        expect(editDistance(a, b)).toBe(editDistance(b, a));
        expect(editDistance(a, b, 1)).toBe(Math.min(editDistance(a, b), 2));
      }
    }
  });

  it('allows no typo in short words, one in words of four to seven letters, two in longer ones', () => {
    expect([typoBudget('us'), typoBudget('gaza'), typoBudget('ukraine'), typoBudget('unilateralism')]).toEqual([0, 1, 1, 2]);
  });

  it('corrects to one word when it is clear, offers several when it is not, and none when nothing is close', () => {
    expect(closestWords('tawian', ['taiwan', 'tibet', 'iran'])).toEqual(['taiwan']);
    expect(closestWords('bast', ['bust', 'best'])).toEqual(['best', 'bust']);
    expect(closestWords('qwerty', ['taiwan', 'tibet'])).toEqual([]);
    expect(closestWords('us', ['is', 'as'])).toEqual([]);
  });
});
