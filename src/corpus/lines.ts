/**
 * From a decoded file to its lines of text, each with the line number it starts at in the file.
 * Plain text is split at any line ending; a page saved from the web has its markup dropped (block
 * elements end a line, scripts and styles are skipped) and its entities decoded with `entities`,
 * the decoder of the htmlparser2 family, so `&ldquo;` and `&#x4e2d;` read as the page showed them.
 */
import { decodeHTML } from 'entities';

/** One line of a source file, with its 1-based line number for tracing. */
export interface Line {
  readonly n: number;
  readonly text: string;
  /** The page marks the line as a heading (`<h1>`…`<h6>`, or a markdown `#`). */
  readonly heading?: boolean;
}

/** Elements that start a new line of text when a browser lays out the page. */
const blockElements = new Set([
  'address', 'article', 'aside', 'blockquote', 'br', 'dd', 'div', 'dl', 'dt', 'figcaption', 'figure', 'footer', 'h1', 'h2',
  'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'table', 'td', 'th', 'title', 'tr', 'ul',
]);
/** Elements whose content is never text of the page. */
const skippedElements = new Set(['script', 'style', 'noscript', 'template', 'svg']);

/** True when a file is a web page rather than plain or markdown text. */
export function looksLikeHtml(text: string): boolean {
  return /<(?:!doctype\s+html|html|body|p|div|br|span|strong)\b[^>]*>/iu.test(text);
}

/** Splits plain text into lines at `\r\n`, `\n` or `\r`, dropping a byte-order mark. */
export function plainLines(text: string): Line[] {
  return text
    .replace(/^\uFEFF/u, '')
    .split(/\r\n|\n|\r/u)
    .map((t, i) => ({ n: i + 1, text: t }));
}

/** The visible lines of a web page, each numbered by the file line where its text starts. */
export function htmlLines(html: string): Line[] {
  const source = html.replace(/^\uFEFF/u, '');
  const out: Line[] = [];
  let current = '';
  let currentLine = 0;
  let fileLine = 1;
  let skipping: string | null = null;
  let inHeading = false;
  const flush = () => {
    const text = decodeHTML(current)
      .replace(/[ \t\r\n]+/gu, ' ')
      .replace(/(\p{Script=Han}|[，。、；：？！“”‘’（）《》]) (?=\p{Script=Han}|[，。、；：？！“”‘’（）《》])/gu, '$1')
      .trim();
    if (text !== '') out.push(inHeading ? { n: currentLine, text, heading: true } : { n: currentLine, text });
    current = '';
  };
  const token = /<!--[\s\S]*?-->|<(\/?)([a-zA-Z][\w-]*)\b[^>]*?>|<![^>]*>|[^<]+|</gu;
  for (const m of source.matchAll(token)) {
    const piece = m[0];
    const tag = m[2]?.toLowerCase();
    if (skipping !== null) {
      if (tag === skipping && m[1] === '/') skipping = null;
    } else if (tag !== undefined) {
      if (skippedElements.has(tag) && m[1] !== '/' && !piece.endsWith('/>')) skipping = tag;
      else if (blockElements.has(tag)) {
        flush();
        if (/^h[1-6]$/u.test(tag)) inHeading = m[1] !== '/';
      }
    } else if (!piece.startsWith('<!')) {
      if (current === '' && piece.trim() !== '') currentLine = fileLine + (/^\s*/u.exec(piece)![0].match(/\n/gu)?.length ?? 0);
      current += piece;
    }
    fileLine += piece.match(/\n/gu)?.length ?? 0;
  }
  flush();
  return out;
}

/** The lines of a decoded file, as a reader of it would see them. */
export function linesOf(text: string): Line[] {
  return looksLikeHtml(text) ? htmlLines(text) : plainLines(text);
}
