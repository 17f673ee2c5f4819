/**
 * The search page's script (bundled into `assets/search.js`): reads the query from the address,
 * searches the bot's index in the browser and lists the exchanges found. Only search needs script.
 */
import { exchangePath } from '../../render/links.js';
import { to } from '../html.js';
import { searchDataGlobal, type SearchData } from '../search-data.js';
import { topics } from '../../search/topics.js';
import { openIndex, readQuery, search, type Hit } from './query.js';

const root = document.body.dataset['root'] ?? '';
const results = document.getElementById('results');
const status = document.getElementById('status');

/** Text both interface languages carry, in the same spans the pages use. */
function bilingual(en: string, zh: string): DocumentFragment {
  const f = document.createDocumentFragment();
  for (const [lang, text] of [
    ['en', en],
    ['zh-Hans', zh],
  ] as const) {
    const s = document.createElement('span');
    s.className = 'ui';
    s.lang = lang;
    s.textContent = text;
    f.append(s);
  }
  return f;
}

function runSearch(): void {
  if (!results || !status) return;
  const params = new URLSearchParams(location.search);
  const raw = (params.get('q') ?? '').trim();
  const input = document.getElementById('q') as HTMLInputElement | null;
  if (input) input.value = raw;
  if (raw === '') {
    status.replaceChildren(bilingual('Type a topic in English or Chinese, with a year if you like.', '请输入中文或英文话题，可加年份。'));
    return;
  }
  status.replaceChildren(bilingual('Searching…', '搜索中…'));
  // Set by assets/search-data.js, loaded before this script (a page opened from disk cannot fetch).
  const data = (window as unknown as Record<string, SearchData | undefined>)[searchDataGlobal];
  if (!data) throw new Error('the search data did not load');
  const index = openIndex(data);
  const vocab = new Set(data.vocab);
  const q = readQuery(raw, vocab, data.english);
  const { hits, perYear } = search(index, q, vocab);
  const topicName = (id: string, lang: 'en' | 'zh') => {
    const t = topics.find((x) => x.id === id);
    return t ? (lang === 'en' ? t.name : t.zh) : id;
  };
  const searched = (lang: 'en' | 'zh') =>
    [...q.topics.map((id) => topicName(id, lang)), ...q.terms, ...q.english.map((e) => `${e.word} → ${e.terms.join('、')}`)].join(lang === 'en' ? ', ' : '、');
  const years = [...perYear].sort((a, b) => a[0] - b[0]);
  const yearText = years.map(([y, n]) => `${y}: ${n}`).join(' · ');
  status.replaceChildren(
    hits.length === 0
      ? bilingual(
          `No exchange matches “${raw}”${q.unknown.length > 0 ? ` (not in the index: ${q.unknown.join(', ')})` : ''}.`,
          `没有与“${raw}”相符的问答${q.unknown.length > 0 ? `（索引中没有：${q.unknown.join('、')}）` : ''}。`,
        )
      : bilingual(
          `${hits.length} exchange${hits.length === 1 ? '' : 's'}${q.years.length > 0 ? ` in ${q.years.join(', ')}` : ` (${yearText})`}. Searched: ${searched('en')}.${q.corrected.length > 0 ? ` Read ${q.corrected.map((c) => `${c.from} as ${c.to}`).join(', ')}.` : ''}`,
          `共 ${hits.length} 个问答${q.years.length > 0 ? `（${q.years.join('、')}年）` : `（${yearText}）`}。检索：${searched('zh')}。`,
        ),
  );
  // Without a year: each year one click away, as the bot's year buttons are.
  if (q.years.length === 0 && years.length > 1) {
    const nav = document.createElement('p');
    nav.className = 'years';
    for (const [y, n] of years) {
      const a = document.createElement('a');
      a.href = `?${new URLSearchParams({ q: `${raw} ${y}` }).toString()}`;
      a.textContent = `${y} (${n})`;
      nav.append(a, ' ');
    }
    status.append(nav);
  }
  results.replaceChildren(...hits.slice(0, 50).map((h) => item(h, data)));
}

function item(h: Hit, data: SearchData): HTMLLIElement {
  const x = data.exchanges[h.id];
  const li = document.createElement('li');
  const a = document.createElement('a');
  a.href = to(root, exchangePath(h.id));
  a.className = 'id';
  a.textContent = h.id;
  li.append(a);
  if (x?.by) {
    const by = document.createElement('span');
    by.lang = 'zh-Hans';
    by.textContent = ` · ${x.by}`;
    li.append(by);
  }
  const q = document.createElement('p');
  q.className = 'question';
  q.lang = 'zh-Hans';
  q.textContent = x?.q ?? '';
  li.append(q);
  return li;
}

try {
  runSearch();
} catch (error) {
  if (status) status.textContent = `Search failed: ${error instanceof Error ? error.message : String(error)}`;
}
