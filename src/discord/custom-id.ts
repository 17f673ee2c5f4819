/**
 * Button state lives in the custom id (at most 100 characters), never in memory, so buttons keep
 * working after a restart. Formats:
 * - `next|<rank>|<year or ->|<query>`: show result number `rank` (1-based) of a search
 * - `page|<exchange id>|<page>`: a page of the full answer
 * - `cite|<exchange id>|<first>|<last>`: citation of answer paragraphs first..last
 * - `var|<exchange id>|<page>`: a page of the variants
 * - `conf|<year>|<page>`: a page of a conference's list of exchanges (`/conference`)
 * - `open|<year>`: the menu on that list; the exchange chosen is the menu's value
 * - `lines|<page>|<year or ->|<a, q or b>|<phrases>`: a page of the lines of `/phrase` (scope: answers, questions, both)
 * - `phrase|<a, q or b>|<phrase>`: `/phrase` for one phrase (from `/compare` and `/keywords`)
 * - `phrases|<a, q or b>`: a menu of phrases (`/keywords`); the one chosen is the menu's value
 * - `quote`: a menu of exchanges of any year; the one chosen is the menu's value
 */
import type { Scope } from '../formulations/text.js';
import { limits } from './limits.js';

export type ButtonState =
  | { readonly kind: 'next'; readonly rank: number; readonly year: number | null; readonly query: string }
  | { readonly kind: 'page'; readonly id: string; readonly page: number }
  | { readonly kind: 'cite'; readonly id: string; readonly first: number; readonly last: number }
  | { readonly kind: 'var'; readonly id: string; readonly page: number }
  | { readonly kind: 'conf'; readonly year: number; readonly page: number }
  | { readonly kind: 'open'; readonly year: number }
  | { readonly kind: 'lines'; readonly page: number; readonly year: number | null; readonly scope: Scope; readonly text: string }
  | { readonly kind: 'phrase'; readonly scope: Scope; readonly text: string }
  | { readonly kind: 'phrases'; readonly scope: Scope }
  | { readonly kind: 'quote' };

const scopeCodes: Readonly<Record<Scope, string>> = { answers: 'a', questions: 'q', both: 'b' };
const scopeOf = (code: string | undefined): Scope | null => (Object.entries(scopeCodes).find(([, c]) => c === code)?.[0] as Scope | undefined) ?? null;

/** Encodes button state; null when it does not fit in a custom id (the button is then left out). */
export function encodeButton(state: ButtonState): string | null {
  let id: string;
  switch (state.kind) {
    case 'next':
      id = `next|${state.rank}|${state.year ?? '-'}|${state.query}`;
      break;
    case 'page':
      id = `page|${state.id}|${state.page}`;
      break;
    case 'cite':
      id = `cite|${state.id}|${state.first}|${state.last}`;
      break;
    case 'var':
      id = `var|${state.id}|${state.page}`;
      break;
    case 'conf':
      id = `conf|${state.year}|${state.page}`;
      break;
    case 'open':
      id = `open|${state.year}`;
      break;
    case 'lines':
      id = `lines|${state.page}|${state.year ?? '-'}|${scopeCodes[state.scope]}|${state.text}`;
      break;
    case 'phrase':
      id = `phrase|${scopeCodes[state.scope]}|${state.text}`;
      break;
    case 'phrases':
      id = `phrases|${scopeCodes[state.scope]}`;
      break;
    case 'quote':
      id = 'quote';
      break;
  }
  return id.length <= limits.customId ? id : null;
}

const int = (s: string | undefined) => (s !== undefined && /^\d+$/u.test(s) ? Number(s) : Number.NaN);

/** Decodes a custom id; null when it is not one of ours or is malformed. */
export function decodeButton(customId: string): ButtonState | null {
  const [kind, a, b, ...rest] = customId.split('|');
  switch (kind) {
    case 'next': {
      const rank = int(a);
      const year = b === '-' ? null : int(b);
      const query = rest.join('|');
      return Number.isNaN(rank) || rank < 1 || Number.isNaN(year ?? 0) || query === '' ? null : { kind, rank, year, query };
    }
    case 'page':
    case 'var': {
      const page = int(b);
      return a && !Number.isNaN(page) ? { kind, id: a, page } : null;
    }
    case 'cite': {
      const first = int(b);
      const last = int(rest[0]);
      return a && !Number.isNaN(first) && !Number.isNaN(last) && first <= last ? { kind, id: a, first, last } : null;
    }
    case 'conf': {
      const year = int(a);
      const page = int(b);
      return Number.isNaN(year) || Number.isNaN(page) || rest.length > 0 ? null : { kind, year, page };
    }
    case 'open': {
      const year = int(a);
      return Number.isNaN(year) || b !== undefined ? null : { kind, year };
    }
    case 'lines': {
      const page = int(a);
      const year = b === '-' ? null : int(b);
      const scope = scopeOf(rest[0]);
      const text = rest.slice(1).join('|');
      return Number.isNaN(page) || Number.isNaN(year ?? 0) || scope === null || text === '' ? null : { kind, page, year, scope, text };
    }
    case 'phrase': {
      const scope = scopeOf(a);
      const text = [b, ...rest].join('|');
      return scope === null || b === undefined || text === '' ? null : { kind, scope, text };
    }
    case 'phrases': {
      const scope = scopeOf(a);
      return scope === null || b !== undefined ? null : { kind, scope };
    }
    case 'quote':
      return a === undefined ? { kind } : null;
    default:
      return null;
  }
}
