/**
 * What the `/phrase` chart shows of a report, and how lines name a copy: shared by Discord, the
 * console, the command line and the bench. Pure.
 */
import type { LoadedConference } from '../corpus/load.js';
import type { PhraseReport } from '../formulations/phrase.js';
import type { ChartInput } from './chart.js';
import type { Lang } from './lang.js';
import { phraseLabels } from './phrase-labels.js';

/** A copy as lines name it: the number its file name starts with (`001`), else the file name. */
export const copyTag = (file: string): string => /^(\d+)_/u.exec(file)?.[1] ?? file;

/** The chart's input: counts per year of each row, labelled in `lang`. */
export function chartInput(report: PhraseReport, view: { readonly lang: Lang; readonly conferences: readonly LoadedConference[] }): ChartInput {
  const P = phraseLabels(view.lang);
  const ministers = [...new Set(view.conferences.map((c) => c.minister))].join('、');
  return {
    years: view.conferences.map((c) => c.year),
    series: report.rows.map((r) => ({ label: r.counted, values: r.years.map((y) => y.count) })),
    subtitle: P.chartSubtitle(P.scope[report.scope]),
    note: P.chartNote(ministers),
    decimals: 0,
  };
}
