/** The chart of /phrase: a PNG of the size chosen, whose Chinese title is drawn in the shipped font, not as boxes. */
import { createCanvas, GlobalFonts, loadImage } from '@napi-rs/canvas';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../../src/search/index-store.js';
import { chartFont, chartSize, chartTitle, registerChartFont, renderChart, textChart, type ChartInput } from '../../src/render/chart.js';
import { fold } from '../../src/corpus/script.js';
import { realCorpus } from '../helpers/corpus.js';

const input: ChartInput = {
  years: [2021, 2022, 2024],
  series: [
    { label: '多边主义', values: [13, 5, 4] },
    { label: '人类命运共同体', values: [3, 3, 7] },
  ],
  subtitle: "Occurrences per year · the minister's words",
  note: "Foreign minister's NPC press conference · 王毅",
  decimals: 0,
};

/** The dark pixels of one character drawn alone in the chart's font. */
function glyph(ch: string): string {
  const c = createCanvas(56, 56);
  const g = c.getContext('2d');
  g.fillStyle = '#fff';
  g.fillRect(0, 0, 56, 56);
  g.fillStyle = '#000';
  g.font = `44px "${chartFont}"`;
  g.fillText(ch, 4, 46);
  const d = g.getImageData(0, 0, 56, 56).data;
  let bits = '';
  for (let i = 0; i < d.length; i += 4) bits += d[i]! < 128 ? '1' : '0';
  return bits;
}

/** A character no font has (private use): drawn as the font's "missing glyph" box. */
const missing = '\uE000';

async function pixels(png: Buffer): Promise<Uint8ClampedArray> {
  const image = await loadImage(png);
  const c = createCanvas(image.width, image.height);
  const g = c.getContext('2d');
  g.drawImage(image, 0, 0);
  return g.getImageData(0, 0, image.width, image.height).data;
}

describe('the phrase chart', () => {
  it('is a PNG that decodes, of the size chosen, and small', async () => {
    const chart = renderChart(input);
    // Kept beside the screenshots, for a person to look at (CI keeps test-artifacts/).
    mkdirSync(join(projectRoot, 'test-artifacts/charts'), { recursive: true });
    writeFileSync(join(projectRoot, 'test-artifacts/charts/phrase-多边主义-人类命运共同体.png'), chart.png);
    expect(chart.png.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
    const image = await loadImage(chart.png);
    expect([image.width, image.height]).toEqual([chartSize.width, chartSize.height]);
    expect(chart.png.length).toBeLessThan(200 * 1024);
    expect(chart.title).toBe('多边主义、人类命运共同体');
  });

  it('draws its Chinese title in the font from npm, not as missing-glyph boxes', async () => {
    registerChartFont();
    expect(GlobalFonts.has(chartFont)).toBe(true);
    const box = glyph(missing);
    expect(box).toContain('1');
    for (const ch of chartTitle(input.series)) {
      const drawn = glyph(ch);
      expect(drawn, ch).toContain('1');
      expect(drawn, ch).not.toBe(box);
    }
    // The whole title against the same chart with every title character missing: the title band differs.
    const real = await pixels(renderChart(input).png);
    const boxes = await pixels(renderChart({ ...input, series: input.series.map((s) => ({ ...s, label: missing.repeat([...s.label].length) })) }).png);
    let differing = 0;
    for (let i = 0; i < chartSize.width * 90 * 4; i += 4) if (real[i] !== boxes[i]) differing++;
    expect(differing).toBeGreaterThan(2000);
  });

  it('has a glyph for every Chinese character of the corpus’s reading', () => {
    const box = glyph(missing);
    const chars = new Set<string>();
    for (const c of realCorpus().conferences)
      for (const e of c.exchanges)
        for (const t of [e.question ?? '', ...e.paragraphs.map((p) => p.text)]) for (const ch of fold(t)) if (/\p{Script=Han}/u.test(ch)) chars.add(ch);
    expect(chars.size).toBeGreaterThan(1000);
    const lacking = [...chars].filter((ch) => glyph(ch) === box);
    expect(lacking).toEqual([]);
  });

  it('prints a text chart of block characters, each bar as long as its value', () => {
    const text = textChart(input, 40);
    expect(text.split('\n')).toEqual([
      '多边主义',
      `  2021 ${'█'.repeat(40)} 13`,
      expect.stringMatching(/^ {2}2022 █{15}▍ 5$/u),
      expect.stringMatching(/^ {2}2024 █{12}▎ 4$/u),
      '人类命运共同体',
      expect.stringMatching(/^ {2}2021 █{9}▎ 3$/u),
      expect.stringMatching(/^ {2}2022 █{9}▎ 3$/u),
      expect.stringMatching(/^ {2}2024 █{21}▌ 7$/u),
    ]);
  });
});
