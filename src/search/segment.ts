/**
 * Chinese word segmentation with nodejieba, and the token filter shared by indexing and queries.
 *
 * nodejieba's full dictionary costs about 1.7 s and 250 MB when loaded, and it can be loaded once
 * per process. So the corpus is segmented once, in a separate build process with the full
 * dictionary (`segmentForIndex`); the bot and the tools segment queries with a dictionary made of
 * the index's own vocabulary (`loadQuerySegmenter`), which loads in tens of milliseconds. A word that
 * is not in the corpus cannot match anything, so the small dictionary loses nothing.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as NodeJieba from 'nodejieba';

const require = createRequire(import.meta.url);
type Jieba = typeof NodeJieba;
let jieba: Jieba | undefined;
/** `full` for nodejieba's own dictionary, else the folder of the query dictionary. */
let loadedWith: string | undefined;

function nodejieba(): Jieba {
  jieba ??= require('nodejieba') as Jieba;
  return jieba;
}

/** Words that carry no topic: pronouns, question words, connectives. */
export const stopWords: ReadonlySet<string> = new Set(
  '我们 你们 他们 她们 它们 自己 这个 那个 这些 那些 一个 一些 以及 如果 但是 因为 所以 已经 还是 就是 也是 不是 没有 什么 怎么 怎样 如何 是否 哪些 对此 有何 看待 怎么看 您 进行 方面 问题 可以 需要 应该 这样 那样 其中 同时 并且 而且 还有 以来 之间 有关 关于 对于 目前 当前 今天 今年 去年 明年 一年 各位 大家 记者 朋友 表示 认为 指出 强调 the of and on in to a an for about what did say said with is are was his her china chinese position stance view views'.split(
    ' ',
  ),
);

/**
 * Keeps the tokens that can carry meaning: Chinese words of two or more characters, and Latin or
 * digit words of two or more characters, lower-cased; drops stop words and punctuation.
 */
export function keepToken(token: string): string | null {
  const t = token.trim().toLowerCase();
  if (t.length < 2 || stopWords.has(t)) return null;
  if (/^[\p{Script=Han}]+$/u.test(t)) return t;
  if (/^[\p{L}\p{N}][\p{L}\p{N}+\-.]*$/u.test(t)) return t;
  return null;
}

/**
 * Segments corpus text with the full dictionary. `extraWords` (the topic terms: 一带一路,
 * 人类命运共同体) are added to it on first use so that they stay whole. `onWords` is given the
 * text's words in order (what `cut` gives), when they can be told from the same pass.
 */
export function segmentForIndex(text: string, extraWords: readonly string[] = [], onWords?: (words: string[]) => void): string[] {
  const j = nodejieba();
  if (loadedWith === undefined) {
    j.load();
    loadedWith = 'full';
    for (const w of extraWords) j.insertWord(w);
  } else if (loadedWith !== 'full') {
    throw new Error(`segment: nodejieba was loaded with the query dictionary ${loadedWith}; index segmentation needs its own process`);
  }
  const tokens = j.cutForSearch(text);
  // The words in order, for the keywords, from the same pass: no second cut of the corpus.
  if (onWords) {
    const words = wordsOfSearchCut(text, tokens);
    if (words) onWords(words);
  }
  return tokens.flatMap((t) => keepToken(t) ?? []);
}

/**
 * Corpus text cut into words in order, with the full dictionary (for keywords and their two-word
 * phrases). Index-build time, after `segmentForIndex`.
 */
export function cutWords(text: string): string[] {
  if (loadedWith !== 'full') throw new Error('segment: cutWords needs the full dictionary (call segmentForIndex first)');
  return nodejieba().cut(text);
}

/**
 * The words of nodejieba's `cut` recovered from the output of its `cutForSearch`, which lists each
 * word after the dictionary words of two or three characters inside it: a token is a word when it
 * starts where the words so far end and no longer token starting there follows among the next ones.
 * Null when the words found do not make up the text (then cut it again with `cutWords`).
 */
export function wordsOfSearchCut(text: string, tokens: readonly string[]): string[] | null {
  const words: string[] = [];
  let at = 0;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    if (!text.startsWith(t, at)) continue;
    let inner = false;
    if (t.length === 2 || t.length === 3) {
      for (let k = i + 1; k < tokens.length && k <= i + 16; k++) {
        const u = tokens[k]!;
        if (u.length > t.length && text.startsWith(u, at)) {
          inner = true;
          break;
        }
      }
    }
    if (inner) continue;
    words.push(t);
    at += t.length;
  }
  return at === text.length ? words : null;
}

/**
 * The runs of single characters the full dictionary leaves in corpus text (names it does not know:
 * 孟晚舟), as `queryTokens` finds them in queries. Index-build time, after `segmentForIndex`.
 */
export function unknownRuns(text: string): string[] {
  if (loadedWith !== 'full') throw new Error('segment: unknownRuns needs the full dictionary (call segmentForIndex first)');
  return queryTokens(nodejieba().cut(text), []).unknown;
}

/** Writes the query dictionary (the index vocabulary with its frequencies) in nodejieba's formats. */
export function writeQueryDictionary(dir: string, vocabulary: ReadonlyMap<string, number>): void {
  mkdirSync(dir, { recursive: true });
  const words = [...vocabulary].filter(([w]) => /\p{Script=Han}/u.test(w));
  writeFileSync(join(dir, 'dict.utf8'), words.map(([w, n]) => `${w} ${n} n`).join('\n') + '\n');
  writeFileSync(join(dir, 'idf.utf8'), words.map(([w]) => `${w} 1.0`).join('\n') + '\n');
  writeFileSync(join(dir, 'stop_words.utf8'), [...stopWords].join('\n') + '\n');
  writeFileSync(join(dir, 'user.dict.utf8'), '');
}

/** Single characters that carry no topic by themselves (particles, prepositions, measure words). */
export const functionChars: ReadonlySet<string> = new Set([
  ...'的了和与及在对是把被从向为于以而或也都就又并等之其这那有无不很更最将会能要吗呢吧啊么个些年月日中上下说问看谈请您你我他她它们怎何谁哪',
]);

/** Query tokens, and the words of the query that the corpus vocabulary does not know. */
export interface Segmented {
  readonly tokens: string[];
  readonly unknown: string[];
}

/** A function from query text to tokens. */
export type Segmenter = (text: string) => Segmented;

/**
 * Splits a query with a dictionary that only knows the corpus's words: what it cannot cover with
 * known words falls apart into single characters; runs of those (other than function characters)
 * are words the corpus never uses, reported instead of silently dropped.
 */
export function queryTokens(cut: readonly string[], forSearch: readonly string[]): Segmented {
  const unknown: string[] = [];
  let run = '';
  for (const piece of [...cut, ' ']) {
    if ([...piece].length === 1 && /\p{Script=Han}/u.test(piece) && !functionChars.has(piece)) {
      run += piece;
      continue;
    }
    if (run !== '') unknown.push(run);
    run = '';
  }
  return { tokens: [...new Set(forSearch.flatMap((t) => keepToken(t) ?? []))], unknown };
}

/**
 * Loads nodejieba with a query dictionary written by `writeQueryDictionary`.
 * @throws Error when this process already loaded another dictionary (nodejieba loads once)
 */
export function loadQuerySegmenter(dictDir: string): Segmenter {
  const j = nodejieba();
  if (loadedWith !== undefined && loadedWith !== dictDir) {
    throw new Error(`segment: nodejieba is already loaded (${loadedWith}); cannot load ${dictDir} in the same process`);
  }
  if (loadedWith === undefined) {
    const hmm = join(dirname(require.resolve('nodejieba/package.json')), 'submodules/cppjieba/dict/hmm_model.utf8');
    j.load({
      dict: join(dictDir, 'dict.utf8'),
      hmmDict: hmm,
      userDict: join(dictDir, 'user.dict.utf8'),
      idfDict: join(dictDir, 'idf.utf8'),
      stopWordDict: join(dictDir, 'stop_words.utf8'),
    });
    loadedWith = dictDir;
  }
  return (text) => queryTokens(j.cut(text), j.cutForSearch(text));
}
