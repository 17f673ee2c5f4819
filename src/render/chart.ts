/**
 * The chart of `/phrase`: each phrase's count (or rate per 10,000 characters) per conference year,
 * as grouped bars, drawn with @napi-rs/canvas (Skia, prebuilt for each platform through npm, no
 * install script) in Noto Sans SC from the @fontsource/noto-sans-sc package (SIL Open Font License
 * 1.1), so Chinese renders on a machine with no CJK font installed. Also the text chart of the
 * console. Pure apart from the font files it reads once.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as NapiCanvas from '@napi-rs/canvas';
import type { SKRSContext2D } from '@napi-rs/canvas';

const require = createRequire(import.meta.url);
type Canvas = typeof NapiCanvas;
let canvasModule: Canvas | undefined;
/** Skia is loaded on the first chart, not at start-up: its native library is 35 MB a bot that never draws need not map. */
const skia = (): Canvas => (canvasModule ??= require('@napi-rs/canvas') as Canvas);

/** The font family the chart draws in (registered from the npm package on first use). */
export const chartFont = 'Position Noto Sans SC';
/** Size of the PNG: twice Discord's preview width, so it stays sharp there and on a phone. */
export const chartSize = { width: 1200, height: 675 } as const;
/** Most series drawn; further rows are in the table only (the alt text says so). */
export const maxSeries = 8;

/** Okabe–Ito colours: told apart with every common colour blindness. */
const palette = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

let registered = false;

/** Registers the chart font (regular and bold) once per process. @throws Error naming the file when it cannot be read */
export function registerChartFont(): void {
  if (registered) return;
  const dir = join(dirname(require.resolve('@fontsource/noto-sans-sc/package.json')), 'files');
  for (const weight of [400, 700]) {
    const file = join(dir, `noto-sans-sc-chinese-simplified-${weight}-normal.woff2`);
    if (!skia().GlobalFonts.registerFromPath(file, chartFont)) throw new Error(`chart: cannot load the font ${file}`);
  }
  registered = true;
}

/** One series of the chart. */
export interface ChartSeries {
  /** The Chinese string counted (the legend and the title). */
  readonly label: string;
  /** Value per year, in the order of `years`. */
  readonly values: readonly number[];
}

export interface ChartInput {
  readonly years: readonly number[];
  readonly series: readonly ChartSeries[];
  /** Under the title, e.g. "Occurrences per year · the minister's words". */
  readonly subtitle: string;
  /** Below the axis, e.g. "Foreign minister's press conference, NPC session". */
  readonly note: string;
  /** Decimals of the values (0 for counts, 2 for rates). */
  readonly decimals: number;
}

/** A rendered chart: the PNG and a text alternative stating the figures. */
export interface Chart {
  readonly png: Buffer;
  readonly width: number;
  readonly height: number;
  /** The chart's title as drawn. */
  readonly title: string;
}

/** The title: the strings counted, in Chinese. */
export const chartTitle = (series: readonly ChartSeries[]): string =>
  series
    .slice(0, maxSeries)
    .map((s) => s.label)
    .join('、');

/** A round step for about five gridlines up to `max`. */
function tickStep(max: number, decimals: number): number {
  if (max <= 0) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? raw;
  return decimals === 0 ? Math.max(1, Math.round(step)) : step;
}

/** Shrinks the font until `text` fits in `width`. */
function fit(g: SKRSContext2D, text: string, weight: number, size: number, width: number): number {
  let s = size;
  for (; s > 12; s -= 2) {
    g.font = `${weight} ${s}px "${chartFont}"`;
    if (g.measureText(text).width <= width) break;
  }
  return s;
}

/** Renders the chart as a PNG. */
export function renderChart(input: ChartInput): Chart {
  registerChartFont();
  const { width, height } = chartSize;
  const canvas = skia().createCanvas(width, height);
  const g = canvas.getContext('2d');
  const series = input.series.slice(0, maxSeries);
  const title = chartTitle(series);
  g.fillStyle = '#ffffff';
  g.fillRect(0, 0, width, height);
  const margin = { left: 96, right: 40, top: 150, bottom: 110 };

  g.fillStyle = '#111111';
  g.textBaseline = 'alphabetic';
  g.textAlign = 'left';
  fit(g, title, 700, 52, width - 80);
  g.fillText(title, 40, 70);
  g.fillStyle = '#444444';
  fit(g, input.subtitle, 400, 28, width - 80);
  g.fillText(input.subtitle, 40, 112);

  const plot = { x: margin.left, y: margin.top, w: width - margin.left - margin.right, h: height - margin.top - margin.bottom };
  const max = Math.max(0, ...series.flatMap((s) => s.values));
  const step = tickStep(max, input.decimals);
  const top = Math.max(step, Math.ceil(max / step) * step);
  const y = (v: number) => plot.y + plot.h - (v / top) * plot.h;

  // Gridlines and their values.
  g.font = `400 24px "${chartFont}"`;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (let v = 0; v <= top + step / 1e6; v += step) {
    g.strokeStyle = v === 0 ? '#333333' : '#dddddd';
    g.lineWidth = v === 0 ? 2 : 1;
    g.beginPath();
    g.moveTo(plot.x, Math.round(y(v)) + 0.5);
    g.lineTo(plot.x + plot.w, Math.round(y(v)) + 0.5);
    g.stroke();
    g.fillStyle = '#555555';
    g.fillText(v.toFixed(input.decimals === 0 ? 0 : step < 1 ? 1 : 0), plot.x - 12, y(v));
  }

  // Bars, grouped by year, each with its value above it.
  const groupW = plot.w / Math.max(1, input.years.length);
  const barW = Math.min(90, (groupW * 0.8) / Math.max(1, series.length));
  input.years.forEach((year, i) => {
    const x0 = plot.x + i * groupW + (groupW - barW * series.length) / 2;
    series.forEach((s, k) => {
      const v = s.values[i] ?? 0;
      const x = x0 + k * barW;
      g.fillStyle = palette[k % palette.length]!;
      g.fillRect(x + 2, y(v), barW - 4, plot.y + plot.h - y(v));
      g.fillStyle = '#111111';
      g.textAlign = 'center';
      g.textBaseline = 'bottom';
      g.font = `700 ${barW < 40 ? 18 : 24}px "${chartFont}"`;
      g.fillText(v.toFixed(input.decimals), x + barW / 2, y(v) - 4);
    });
    g.fillStyle = '#111111';
    g.textBaseline = 'top';
    g.font = `700 28px "${chartFont}"`;
    g.fillText(String(year), plot.x + i * groupW + groupW / 2, plot.y + plot.h + 12);
  });

  // Legend: below the years, swatch and string counted.
  g.textAlign = 'left';
  g.textBaseline = 'middle';
  g.font = `400 26px "${chartFont}"`;
  let lx = 40;
  const ly = height - 44;
  series.forEach((s, k) => {
    g.fillStyle = palette[k % palette.length]!;
    g.fillRect(lx, ly - 12, 24, 24);
    g.fillStyle = '#111111';
    g.fillText(s.label, lx + 32, ly);
    lx += 32 + g.measureText(s.label).width + 28;
  });
  g.fillStyle = '#666666';
  g.textAlign = 'right';
  g.font = `400 20px "${chartFont}"`;
  g.fillText(input.note, width - 40, ly);
  return { png: canvas.toBuffer('image/png'), width, height, title };
}

/** The chart as text for a terminal: one bar of block characters per phrase and year. */
export function textChart(input: Pick<ChartInput, 'years' | 'series' | 'decimals'>, width = 40): string {
  const max = Math.max(0, ...input.series.flatMap((s) => s.values));
  const blocks = ['', '▏', '▎', '▍', '▌', '▋', '▊', '▉'];
  const bar = (v: number) => {
    const eighths = max === 0 ? 0 : Math.round((v / max) * width * 8);
    return '█'.repeat(Math.floor(eighths / 8)) + blocks[eighths % 8]!;
  };
  const lines: string[] = [];
  for (const s of input.series) {
    lines.push(s.label);
    input.years.forEach((year, i) => {
      const v = s.values[i] ?? 0;
      lines.push(`  ${year} ${bar(v)} ${v.toFixed(input.decimals)}`);
    });
  }
  return lines.join('\n');
}
