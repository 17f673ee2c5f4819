import { describe, expect, it } from 'vitest';
import { classifyImpact } from '../../src/corpus/impact.js';
import type { Impact, ImpactReason } from '../../src/corpus/impact.js';
import words from '../../src/corpus/impact-words.json' with { type: 'json' };

interface Case {
  readonly reading: string;
  readonly other: string;
  readonly impact: Impact;
  readonly reason: ImpactReason;
}

/** Variants met in the real copies, with the class a reader would give them. */
const realVariants: readonly Case[] = [
  { reading: '您是否担心美中关系会持续恶化？', other: '您是否担心中美关系会持续恶化？', impact: 'meaning', reason: 'words' },
  { reading: '推动人类进步的两大文明。', other: '推动人类进步的两大大文明。', impact: 'form', reason: 'doubled' },
  { reading: '为推动国际抗疫合作，确保产业链', other: '为推动国际抗疫合作、确保产业链', impact: 'form', reason: 'punctuation' },
  { reading: '中欧双方对此都应当高度警惕。', other: '中欧双方对此都保持高度警惕。', impact: 'meaning', reason: 'words' },
  { reading: '中国的对欧政策保持稳定坚韧，', other: '中国的对外政策保持稳定坚韧，', impact: 'meaning', reason: 'words' },
  { reading: '中美关系', other: '中俄关系', impact: 'meaning', reason: 'words' },
  { reading: '美方应当', other: '中方应当', impact: 'meaning', reason: 'words' },
  { reading: '更多', other: '更少', impact: 'meaning', reason: 'words' },
  { reading: '越来越大', other: '越来越小', impact: 'meaning', reason: 'words' },
  { reading: '必然', other: '偶然', impact: 'meaning', reason: 'words' },
  { reading: '西方', other: '东方', impact: 'meaning', reason: 'words' },
  { reading: '部分。', other: '部分吗。', impact: 'meaning', reason: 'words' },
  { reading: '在世界制造分裂，', other: '在世界上制造分裂，', impact: 'form', reason: 'misprint' },
  { reading: '中央广播电视总台国际广记者', other: '中央广播电视总台国广记者', impact: 'form', reason: 'misprint' },
  { reading: '过去一年来，', other: '过去一年，', impact: 'form', reason: 'misprint' },
  { reading: '亚太地区是大国博弈的“棋盘”，', other: '亚太地区不是大国博弈的“棋盘”，', impact: 'meaning', reason: 'negation' },
  { reading: '合作共赢的互利共赢大道，', other: '合作共赢的光明大道，', impact: 'meaning', reason: 'words' },
  { reading: '推动《区域全面经济伙伴关系协定》全面有效实施，', other: '推动区域全面经济伙伴关系协定全面有效实施，', impact: 'form', reason: 'punctuation' },
  { reading: '哈萨克斯塔24KZ电视台记者', other: '哈萨克斯坦24KZ电视台记者', impact: 'form', reason: 'misprint' },
  { reading: '中国同中亚五国关系正处于三十而立立的黄金岁月，', other: '中国同中亚五国关系正处于三十而立的黄金岁月，', impact: 'form', reason: 'doubled' },
  { reading: '斡旋俄乌达成停火协议，', other: '斡旋缅北达成停火协议，', impact: 'meaning', reason: 'words' },
  { reading: '今年是俄中建交75周年。这些年来，', other: '今年是俄中建交70周年，这些年来，', impact: 'meaning', reason: 'number' },
  { reading: '美国面临的挑战在自身，', other: '美国面对的 challenge 在自身，', impact: 'meaning', reason: 'latin' },
  { reading: '共同建设一个持久和平、', other: '共同建设一个持久和、', impact: 'form', reason: 'misprint' },
  { reading: '没有种族、', other: '不能以种族、', impact: 'meaning', reason: 'negation' },
  { reading: '这场国灾灾难竟然无法被制止，', other: '这场人道灾难竟然无法被制止，', impact: 'meaning', reason: 'words' },
  { reading: '这场国灾灾难竟然无法被制止，', other: '这场国际灾难竟然无法被制止，', impact: 'form', reason: 'doubled' },
  { reading: '坚守中国外交的追求。坚定走团结合作的人间正道，', other: '坚守中国外交的底线，坚定团结合作作的人间正道，', impact: 'meaning', reason: 'words' },
  { reading: '中方认为未来这一趋势是否会有所转变？', other: '中方认为未来这一趋势是否会否有转变？', impact: 'meaning', reason: 'negation' },
  { reading: '巴勒斯坦人民遭受的历史不公更不能世代延续，', other: '巴勒斯坦人民遭受的历史不公不能世代延续，', impact: 'form', reason: 'misprint' },
  { reading: 'a b', other: 'a  b', impact: 'form', reason: 'spacing' },
];

describe('classifyImpact on variants from the real copies', () => {
  it.each(realVariants)('classes «$reading» against «$other» as $impact ($reason)', ({ reading, other, impact, reason }) => {
    expect(classifyImpact(reading, other)).toEqual({ impact, reason });
  });

  it.each(realVariants)('gives «$other» against «$reading» the same class', ({ reading, other, impact, reason }) => {
    expect(classifyImpact(other, reading)).toEqual({ impact, reason });
  });
});

describe('classifyImpact on the edges of its rules', () => {
  it('calls identical texts a difference of spacing, since nothing but (no) whitespace differs', () => {
    expect(classifyImpact('', '')).toEqual({ impact: 'form', reason: 'spacing' });
    expect(classifyImpact('中美关系', '中美关系')).toEqual({ impact: 'form', reason: 'spacing' });
  });

  it('counts ideographic and zero-width spaces as whitespace', () => {
    expect(classifyImpact('中美\u3000关系', '中美关\u200b系')).toEqual({ impact: 'form', reason: 'spacing' });
  });

  it('sees a negation changed into another negation', () => {
    expect(classifyImpact('我们没去', '我们未去')).toEqual({ impact: 'meaning', reason: 'negation' });
  });

  it('lets a negation printed in both copies be, and judges the rest of the change', () => {
    expect(classifyImpact('不能接受', '不会接受')).toEqual({ impact: 'form', reason: 'misprint' });
    expect(classifyImpact('绝不能接受', '决不会接受')).toEqual({ impact: 'meaning', reason: 'words' });
  });

  it('sees a negation that moved', () => {
    expect(classifyImpact('我不认为他会来', '我认为他不会来')).toEqual({ impact: 'meaning', reason: 'negation' });
  });

  it('does not read the 非 of 非洲, the 未 of 未来 or the 别 of 特别 as a negation', () => {
    // 非洲 and 欧洲 are two places: a change of words (impact-words.json), not of negation.
    expect(classifyImpact('同非洲国家合作', '同欧洲国家合作')).toEqual({ impact: 'meaning', reason: 'words' });
    expect(classifyImpact('同非洲国家合作', '同非州国家合作')).toEqual({ impact: 'form', reason: 'misprint' });
    expect(classifyImpact('共创美好未来', '共创美好将来')).toEqual({ impact: 'form', reason: 'misprint' });
    expect(classifyImpact('特别是发展中国家', '特殊是发展中国家')).toEqual({ impact: 'form', reason: 'misprint' });
  });

  it('still reads 未 as a negation outside 未来', () => {
    expect(classifyImpact('尚未解决', '尚待解决')).toEqual({ impact: 'meaning', reason: 'negation' });
  });

  it('sees numbers in Chinese numerals, full-width digits, percentages and decimals', () => {
    expect(classifyImpact('两国建交五十周年', '两国建交六十周年')).toEqual({ impact: 'meaning', reason: 'number' });
    expect(classifyImpact('增长５％', '增长６％')).toEqual({ impact: 'meaning', reason: 'number' });
    expect(classifyImpact('增长5%', '增长5')).toEqual({ impact: 'meaning', reason: 'number' });
    expect(classifyImpact('增长3.5', '增长35')).toEqual({ impact: 'meaning', reason: 'number' });
  });

  it('takes a full stop after a number, or a thousands comma, for punctuation', () => {
    expect(classifyImpact('建交75周年。', '建交75周年')).toEqual({ impact: 'form', reason: 'punctuation' });
    expect(classifyImpact('援助1,000万剂疫苗', '援助1000万剂疫苗')).toEqual({ impact: 'form', reason: 'punctuation' });
  });

  it('does not count the 一 of words like 一定 or 进一步 as a number', () => {
    expect(classifyImpact('一定会成功', '肯定会成功')).toEqual({ impact: 'form', reason: 'misprint' });
    expect(classifyImpact('一些国家', '一个国家')).toEqual({ impact: 'form', reason: 'misprint' });
    expect(classifyImpact('进一步加强', '进步加强')).toEqual({ impact: 'form', reason: 'misprint' });
  });

  it('prefers a negation to a number, and a number to Latin script', () => {
    expect(classifyImpact('有3个', '没有4个')).toEqual({ impact: 'meaning', reason: 'negation' });
    expect(classifyImpact('第3个G', '第4个K')).toEqual({ impact: 'meaning', reason: 'number' });
  });

  it('sees Latin words differ even in letter case, but not their spacing or full stops', () => {
    expect(classifyImpact('加入WTO', '加入wto')).toEqual({ impact: 'meaning', reason: 'latin' });
    expect(classifyImpact('加入 WTO 以来', '加入WTO以来')).toEqual({ impact: 'form', reason: 'spacing' });
    expect(classifyImpact('U.S.政府', 'US政府')).toEqual({ impact: 'form', reason: 'punctuation' });
  });

  it('calls two separate one-character changes a change of wording', () => {
    expect(classifyImpact('美国面临的挑战在自身', '美国面对的挑战在自己')).toEqual({ impact: 'meaning', reason: 'words' });
  });

  it('calls a character doubled across punctuation a doubling', () => {
    expect(classifyImpact('合作，共赢', '合作作，共赢')).toEqual({ impact: 'form', reason: 'doubled' });
  });
});

/** A small deterministic generator, so that a failing property names a reproducible text. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Han characters that are neither negations nor numerals. */
/** Characters with no sense of their own in impact-words.json (no referent, opposite or particle). */
const sensitive = new Set([...Array.from(words.referents), ...words.opposites.join(''), ...Array.from(words.particles)]);
const plainHan = Array.from('中国美欧亚太地区大博弈棋盘合作共赢发展世界和平外交政策关系人民历史文明推动进步坚持开放友好伙伴').filter((c) => !sensitive.has(c));
const someHan = [...plainHan, ...Array.from('不没无非未否一二三十')];
const chinesePunctuation = Array.from('，。、；：？！“”‘’《》（）【】—…·');
const mixed = [...someHan, ...chinesePunctuation, ...Array.from('0123456789ABCxyz '), '\u3000'];

function pick<T>(next: () => number, from: readonly T[]): T {
  return from[Math.floor(next() * from.length)]!;
}

function text(next: () => number, alphabet: readonly string[], length: number): string {
  return Array.from({ length }, () => pick(next, alphabet)).join('');
}

const samples = (alphabet: readonly string[], count: number, seed: number): string[] => {
  const next = random(seed);
  return Array.from({ length: count }, () => text(next, alphabet, 1 + Math.floor(next() * 24)));
};

const hanOnly = (s: string): string => Array.from(s).filter((c) => /\p{Script=Han}/u.test(c)).join('');

describe('classifyImpact, property by property', () => {
  it('finds a text no different from itself, whatever it holds', () => {
    const texts = [...realVariants.flatMap((c) => [c.reading, c.other]), ...samples(mixed, 300, 1)];
    for (const x of texts) expect(classifyImpact(x, x), x).toEqual({ impact: 'form', reason: 'spacing' });
  });

  it('reads 不 added anywhere inside a Han text as a change of negation, both ways round', () => {
    const texts = [...realVariants.map((c) => hanOnly(c.reading)), ...samples(someHan, 60, 2)];
    for (const x of texts) {
      const chars = Array.from(x);
      for (let i = 0; i <= chars.length; i++) {
        const y = [...chars.slice(0, i), '不', ...chars.slice(i)].join('');
        expect(classifyImpact(x, y), y).toEqual({ impact: 'meaning', reason: 'negation' });
        expect(classifyImpact(y, x), y).toEqual({ impact: 'meaning', reason: 'negation' });
      }
    }
  });

  it('reads a change of punctuation alone as punctuation', () => {
    const next = random(3);
    const texts = [...realVariants.map((c) => c.reading), ...samples(mixed, 200, 4)];
    for (const x of texts) {
      const chars = Array.from(x);
      for (let n = 0; n < 5; n++) {
        const i = Math.floor(next() * (chars.length + 1));
        const mark = pick(next, chinesePunctuation);
        const y = [...chars.slice(0, i), mark, ...chars.slice(i)].join('');
        const punctuated = chars.map((c) => (chinesePunctuation.includes(c) ? pick(next, chinesePunctuation) : c)).join('');
        expect(classifyImpact(x, y), y).toEqual({ impact: 'form', reason: 'punctuation' });
        if (punctuated !== x) expect(classifyImpact(x, punctuated), punctuated).toEqual({ impact: 'form', reason: 'punctuation' });
      }
    }
  });

  it('reads added whitespace alone as spacing', () => {
    const next = random(5);
    for (const x of samples(mixed, 200, 6)) {
      const chars = Array.from(x);
      const i = Math.floor(next() * (chars.length + 1));
      const y = [...chars.slice(0, i), pick(next, [' ', '\u3000', '\t', '\n']), ...chars.slice(i)].join('');
      expect(classifyImpact(x, y), y).toEqual({ impact: 'form', reason: 'spacing' });
    }
  });

  it('reads any plain Han character doubled as a doubling', () => {
    for (const x of samples(plainHan, 60, 7)) {
      const chars = Array.from(x);
      chars.forEach((c, i) => {
        const y = [...chars.slice(0, i + 1), c, ...chars.slice(i + 1)].join('');
        expect(classifyImpact(x, y), y).toEqual({ impact: 'form', reason: 'doubled' });
      });
    }
  });

  it('reads one plain Han character dropped or replaced, away from its copies, as a misprint', () => {
    const next = random(8);
    for (const x of samples(plainHan, 100, 9)) {
      const chars = Array.from(x);
      chars.forEach((c, i) => {
        if (c === chars[i - 1] || c === chars[i + 1]) return;
        const dropped = [...chars.slice(0, i), ...chars.slice(i + 1)].join('');
        expect(classifyImpact(x, dropped), dropped).toEqual({ impact: 'form', reason: 'misprint' });
        const stranger = plainHan.filter((h) => h !== c && h !== chars[i - 1] && h !== chars[i + 1]);
        const replaced = [...chars.slice(0, i), pick(next, stranger), ...chars.slice(i + 1)].join('');
        expect(classifyImpact(x, replaced), replaced).toEqual({ impact: 'form', reason: 'misprint' });
      });
    }
  });
});

describe('a 别 that tells apart, not forbids', () => {
  it('reads 贵贱之别 / 贵贱之分 as a change of one character, not of negation', () => {
    expect(classifyImpact('生命没有贵贱之别，', '生命没有贵贱之分，')).toEqual({ impact: 'form', reason: 'misprint' });
  });
});
