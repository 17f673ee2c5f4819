/**
 * HTML for the web edition: escaping, the two-language interface labels and the page shell. Every
 * page is a plain string built from plain data; nothing is served dynamically. Pure.
 */

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/**
 * An interface label in English and Chinese. Both are in the page; the language switch (and, without
 * script, English) shows one. Quotes are never labels: they stay as published.
 */
export function ui(en: string, zh: string): string {
  return `<span class="ui" lang="en">${en}</span><span class="ui" lang="zh-Hans">${zh}</span>`;
}

/** Chinese text as published, with its language (simplified or traditional script). */
export function zh(text: string, script: 'zh-Hans' | 'zh-Hant' = 'zh-Hans', tag = 'span'): string {
  return `<${tag} lang="${script}">${esc(text)}</${tag}>`;
}

/**
 * A link inside the site. A folder's page is named by its `index.html`, so that the site works
 * opened from disk (`file://`), where a folder is not its index, as well as on a static host.
 */
export function to(root: string, path: string): string {
  return `${root}${path}${path === '' || path.endsWith('/') ? 'index.html' : ''}`;
}

/** What the shell of a page needs. */
export interface Shell {
  /** The page title (plain text, both languages as the reader should see them in a tab). */
  readonly title: string;
  /** The path from this page to the site's root, `''` or `../../`. */
  readonly root: string;
  /** Breadcrumbs after Home: label HTML and href (relative), the last without href. */
  readonly crumbs: readonly { readonly label: string; readonly href?: string }[];
  readonly body: string;
  /** A sentence for search engines and link previews. */
  readonly description?: string;
  /** Scripts this page needs besides the language switch (the search page's), relative to the root. */
  readonly scripts?: readonly string[];
}

/** The page around the content: head, skip link, header with search and the language switch, footer. */
export function page(s: Shell): string {
  const crumbs = [{ label: ui('Home', '首页'), href: to(s.root, '') }, ...s.crumbs]
    .map((c, i, all) =>
      c.href !== undefined && i < all.length - 1 ? `<a href="${esc(c.href)}">${c.label}</a>` : `<span aria-current="page">${c.label}</span>`,
    )
    .join(' <span aria-hidden="true">›</span> ');
  return `<!doctype html>
<html lang="en" data-ui="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<meta name="referrer" content="no-referrer">
<link rel="icon" href="data:,">
<title>${esc(s.title)}</title>
${s.description ? `<meta name="description" content="${esc(s.description)}">\n` : ''}<link rel="stylesheet" href="${s.root}assets/site.css">
${(s.scripts ?? []).map((src) => `<script defer src="${s.root}${src}"></script>\n`).join('')}<script defer src="${s.root}assets/ui.js"></script>
</head>
<body data-root="${esc(s.root)}">
<a class="skip" href="#main">${ui('Skip to content', '跳到正文')}</a>
<header class="top">
<nav aria-label="Breadcrumb / 位置" class="crumbs">${crumbs}</nav>
<form class="search" role="search" action="${to(s.root, 'search/')}" method="get">
<label for="q" class="visually-hidden">${ui('Search the conferences', '搜索记者会')}</label>
<input id="q" name="q" type="search" placeholder="taiwan 2024 · 台湾" autocomplete="off">
<button type="submit">${ui('Search', '搜索')}</button>
</form>
<button type="button" class="lang-switch" id="lang-switch" hidden><span class="ui" lang="en"><span lang="zh-Hans">中文</span></span><span class="ui" lang="zh-Hans"><span lang="en">English</span></span></button>
</header>
<main id="main" tabindex="-1">
${s.body}
</main>
<footer class="bottom">
<p>${ui(
    'Every quoted character comes from a copy as published; nothing is reworded or translated. Labels and names in English are ours.',
    '所有引文逐字取自所载版本，不改写、不翻译。英文标签与名称为本站所加。',
  )}</p>
<p><a href="${to(s.root, 'search/')}">${ui('Search', '搜索')}</a> · <a href="${to(s.root, 'about/')}">${ui('How this edition is made', '本版说明')}</a></p>
</footer>
</body>
</html>
`;
}
