/**
 * English names of ministers and outlets, from a reviewed table (`names.json`), for the English
 * interface and for citations. A name the table does not know is shown as printed only: nothing
 * is transliterated or guessed.
 */
import table from './names.json' with { type: 'json' };

/** A minister's name in English, split for citation styles that invert it. */
export interface PersonName {
  readonly en: string;
  readonly family: string;
  readonly given: string;
}

const ministers: Readonly<Record<string, PersonName>> = table.ministers;
const outlets: Readonly<Record<string, string>> = table.outlets;

/** The minister's English name, or null. */
export function ministerName(printed: string): PersonName | null {
  return ministers[printed] ?? null;
}

/** The outlet a questioner is from, as printed (`路透社记者` → `路透社`). */
export function outletOf(questioner: string): string {
  return questioner.replace(/(?:特约)?记者$/u, '');
}

/** A questioner's outlet in English (`路透社记者` → `Reuters`), or null. */
export function outletName(questioner: string): string | null {
  return outlets[outletOf(questioner)] ?? null;
}

/** `路透社记者 (Reuters)`: the Chinese as printed, with the English where the table knows it. */
export function withEnglish(printed: string, english: string | null): string {
  return english ? `${printed} (${english})` : printed;
}

/** `1st`, `2nd`, `13th`: an English ordinal. */
export function ordinal(n: number): string {
  const teen = n % 100 >= 11 && n % 100 <= 13;
  return `${n}${teen ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th')}`;
}
