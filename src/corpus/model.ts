/**
 * The corpus model: conferences and the exchanges (question → the minister's answer) in them.
 * Plain data only, so that every layer above (search, rendering, Discord) can be tested without I/O.
 */
import type { ConferenceProblem, StatedConference } from './conference.js';
import type { Impact, ImpactReason } from './impact.js';

/** What part of the conference an exchange is. */
export type ExchangeKind = 'opening' | 'answer' | 'closing';

/** The field of an exchange a variant belongs to. */
export type VariantField = 'questioner' | 'question' | 'answer';

/** One paragraph of an answer, verbatim as the reading has it, with the copies that carry it. */
export interface Paragraph {
  /** The text as published, with markup and page breaks removed. */
  readonly text: string;
  /** Source files that carry (at least part of) this paragraph. */
  readonly sources: readonly string[];
  /**
   * The copies that print this whole paragraph as the reading has it (script and typography aside):
   * the copies that give its reading. Empty only where the reading of the paragraph combines copies.
   */
  readonly readingSources: readonly string[];
}

export type { Impact, ImpactReason } from './impact.js';

/**
 * A place where a copy disagrees with the reading. Both sides are verbatim and widened to whole
 * clauses so a reader sees the difference in context.
 */
export interface Variant {
  readonly field: VariantField;
  /** The file whose text differs from the reading. */
  readonly source: string;
  /** The reading of the differing clause(s) (the JSON keeps the name `canonical`). */
  readonly canonical: string;
  /** The same clause(s) as `source` prints them. */
  readonly text: string;
  /** Offsets of `canonical` in the field's flat text (answer paragraphs joined without separator). */
  readonly start: number;
  readonly end: number;
  readonly impact: Impact;
  readonly impactReason: ImpactReason;
  /**
   * The copies whose text is the reading at this place, and the rule that chose it: the majority of
   * three or more copies, the stated priority, or the base copy (a place across one of its paragraph breaks).
   */
  readonly readingSources: readonly string[];
  readonly rule: 'majority' | 'priority' | 'base';
}

/** One real exchange of a conference, merged over every copy that carries it. */
export interface Exchange {
  /** Stable id, e.g. `2024-09`; recorded in `corpus/ids.json`. */
  readonly id: string;
  readonly conferenceId: string;
  readonly kind: ExchangeKind;
  /** The outlet as printed in the canonical copy (e.g. `《联合早报》记者`); null for remarks. */
  readonly questioner: string | null;
  /** The question, verbatim; null for opening and closing remarks. */
  readonly question: string | null;
  readonly paragraphs: readonly Paragraph[];
  /** Every source file that carries any part of this exchange, base copy first. */
  readonly sources: readonly string[];
  /**
   * The base copy: the copy whose paragraphs and wording the reading follows wherever the copies
   * agree (the highest-priority copy that carries the exchange whole).
   */
  readonly canonicalSource: string;
  readonly variants: readonly Variant[];
}

/** One annual NPC press conference of the foreign minister. */
export interface Conference {
  /** The year as a string, e.g. `2024`. */
  readonly id: string;
  readonly year: number;
  /** ISO date `YYYY-MM-DD`, or null when no copy prints the day. */
  readonly date: string | null;
  /** The NPC session as printed, e.g. `十四届全国人大二次会议`. */
  readonly session: string;
  /** Term and session numbers, e.g. `{ term: 14, session: 2 }`. */
  readonly npc: { readonly term: number; readonly session: number };
  /** The minister as the headers name him (`外交部长王毅就…`), e.g. `王毅`. */
  readonly minister: string;
  /** Source files of this conference, by priority (highest first). */
  readonly sources: readonly string[];
  readonly exchanges: readonly Exchange[];
}

/** Why a piece of a source file is not part of any exchange. */
export type RemovalReason =
  | 'heading'
  | 'lede'
  | 'caption'
  | 'continuation-marker'
  | 'unrelated-article'
  | 'report-line'
  | 'wire-end'
  | 'footer'
  | 'timestamp'
  | 'other-speaker'
  | 'page-break-join';

/** A piece of source text that the cleaning passes took out, kept so nothing is lost silently. */
export interface Removal {
  readonly source: string;
  /** 1-based line number in the source file. */
  readonly line: number;
  readonly text: string;
  readonly reason: RemovalReason;
}

/** Why a file is not taken in as a copy of a conference, as data (rendered by `report.ts`). */
export type RejectionReason =
  | { readonly kind: 'undecodable'; readonly detail: 'binary' | 'unknown-encoding' }
  | { readonly kind: 'not-a-conference' }
  | { readonly kind: 'no-minister'; readonly year: number }
  | { readonly kind: 'no-turns'; readonly minister: string }
  | { readonly kind: 'conference'; readonly problem: ConferenceProblem }
  | { readonly kind: 'date-mismatch'; readonly year: number; readonly date: string; readonly conferenceDate: string; readonly by: readonly string[] }
  | { readonly kind: 'session-mismatch'; readonly year: number; readonly session: string; readonly conferenceSession: string; readonly by: readonly string[] };

/** A file that is not a copy of any conference, and why. */
export interface Rejection {
  readonly source: string;
  readonly reason: RejectionReason;
}

/** A structural oddity in a copy that does not stop it from loading. */
export interface Warning {
  readonly source: string;
  readonly line: number;
  /** `unlisted-source`: a copy `sources.json` does not list (line 0: the whole file). */
  readonly kind: 'answer-without-question' | 'long-question' | 'turn-without-speaker' | 'question-without-answer' | 'short-line-joined' | 'unlisted-source';
  /** Characters, for `long-question`. */
  readonly length?: number;
}

/** The whole model: what `npm run corpus -- --json` prints. */
export interface Corpus {
  readonly conferences: readonly Conference[];
  readonly removed: readonly Removal[];
  readonly rejected: readonly Rejection[];
  /** Files whose text is identical to another file's: read once, listed here. */
  readonly duplicates: readonly { readonly source: string; readonly of: string }[];
  readonly warnings: readonly Warning[];
}

/** Entry of `corpus/sources.json`: what the text of a file cannot tell. */
export interface SourceInfo {
  /** File name inside `corpus/`. */
  readonly file: string;
  /** Who published this copy, as far as we know. */
  readonly publisher: string;
  readonly note?: string;
  /** Higher wins when copies of one conference disagree; see DESIGN.md. */
  readonly priority: number;
  /** Where the copy was published, when known. */
  readonly url?: string;
  /** The title as the outlet printed it, when known. */
  readonly title?: string;
  /** States the conference when the text cannot tell it. */
  readonly conference?: StatedConference;
}

/** The answer paragraphs joined as one string (the JSON `answer` field). */
export function answerText(exchange: Pick<Exchange, 'paragraphs'>): string {
  return exchange.paragraphs.map((p) => p.text).join('\n');
}
