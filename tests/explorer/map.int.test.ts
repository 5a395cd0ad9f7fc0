/// <reference lib="dom" />
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import type { TestApi } from '../support/api.ts';
import { CORPUS_DIR } from '../support/fixtures.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { openExplorer, SHOTS } from './fixture.ts';

// The map and compare views in Debian's headless Chromium against the real API and Neo4j, loaded
// with every report of seeds/ (the 2023 city seed and the 2026 provincial reports).
const NO_VALUE = '#e1e4e8';

describe('the explorer map and compare views', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  let provinces: ReportGraph[];

  /** The series data of the map as ECharts holds it: one entry per region with a value. */
  const mapData = (): Promise<{ name: string; value: number; color: string; regionName: string; reportId: string }[]> =>
    page.evaluate(() =>
      (window.plangraphExplorer.mapChart().getOption().series[0].data as any[]).map((d) => ({
        name: d.name,
        value: d.value,
        color: d.itemStyle?.areaColor,
        regionName: d.row?.regionName,
        reportId: d.row?.reportId,
      })),
    );
  const provinceNames = () => provinces.map((r) => r.report.region.name).sort();

  beforeAll(async () => {
    provinces = readdirSync(CORPUS_DIR)
      .filter((f) => f.endsWith('.txt'))
      .map((f) => extractCorpus(f));
    ({ api, browser, page } = await openExplorer([extractSeed(), ...provinces]));
  }, 300_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('the map coloured by GDP_GROWTH for 2026 targets: every seeds/ province has a colour, a legend, offline', async () => {
    const offline: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url)) offline.push(r.url());
    });
    // The map's code (ECharts, the boundaries) is a chunk of its own, loaded only when the map opens.
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
    });
    await page.goto(`${api.url}/`);
    await page.waitForFunction(() => document.querySelectorAll('#report-filter option').length > 1);
    expect(scripts.some((s) => s.startsWith('/map-chart-'))).toBe(false);
    await page.click('nav button[data-view="map"]');
    await page.waitForSelector('#map-table tr[data-report]');
    expect(scripts.some((s) => s.startsWith('/map-chart-'))).toBe(true);
    await page.goto(`${api.url}/?view=map&metric=GDP_GROWTH&year=2026&kind=TARGET`);
    await page.waitForSelector('#map-table tr[data-report]');
    expect(provinces.length).toBeGreaterThanOrEqual(10);
    const data = await mapData();
    const colored = data.filter((d) => d.color);
    // Every province of seeds/ is on the map with a colour of the scale, never the no-value grey.
    expect(colored.map((d) => d.regionName).sort()).toEqual(expect.arrayContaining(provinceNames()));
    for (const d of colored) expect(d.color).toMatch(/^#[0-9a-f]{6}$/);
    for (const d of colored) expect(d.color).not.toBe(NO_VALUE);
    // The highest and lowest values get different colours.
    const byValue = [...colored].sort((a, b) => a.value - b.value);
    expect(byValue[0]!.value).toBeLessThan(byValue.at(-1)!.value);
    expect(byValue[0]!.color).not.toBe(byValue.at(-1)!.color);
    // Provinces without a report have no value: ECharts draws them in the series' grey.
    const option = await page.evaluate(() => window.plangraphExplorer.mapChart().getOption().series[0].itemStyle);
    expect(option.areaColor).toBe(NO_VALUE);
    expect(data.find((d) => d.name === '四川')?.color).toBeUndefined();
    // The legend: the scale's ends and the grey of "no value"; the table lists every region with its value.
    await expect.poll(() => page.isVisible('#map-legend .legend-ramp')).toBe(true);
    const legend = (await page.textContent('#map-legend'))!;
    expect(legend).toContain(`${byValue[0]!.value}%`);
    expect(legend).toContain(`${byValue.at(-1)!.value}%`);
    expect(legend).toContain('无数据');
    const table = (await page.textContent('#map-table'))!;
    for (const name of provinceNames()) expect(table).toContain(name);
    expect(await page.locator('#map-table tr[data-report]').count()).toBe(colored.length);
    expect(offline).toEqual([]);
    await page.screenshot({ path: path.join(SHOTS, '8-map.png') });
  });

  test('a click on a coloured region opens its report; Back returns to the map', async () => {
    const data = await mapData();
    const guangdong = data.find((d) => d.name === '广东')!;
    expect(guangdong.color).toBeTruthy();
    const at = await page.evaluate(() => {
      const chart = window.plangraphExplorer.mapChart();
      return chart.convertToPixel({ seriesIndex: 0 }, window.plangraphExplorer.mapCenter('广东'));
    });
    const box = (await page.locator('#map-chart').boundingBox())!;
    await page.mouse.move(box.x + at[0], box.y + at[1]);
    await page.waitForSelector('#map-chart div:has-text("广东省")'); // the tooltip names the region and value
    await page.mouse.click(box.x + at[0], box.y + at[1]);
    await page.waitForFunction((id) => window.plangraphExplorer.state().node === id, guangdong.reportId);
    await page.waitForSelector('#view-explore:not(.hidden)');
    await page.waitForSelector('#details-title');
    expect(await page.textContent('#details')).toContain('广东省');
    await page.goBack();
    await page.waitForSelector('#view-map:not(.hidden) #map-table tr[data-report]');
  });

  test('the metric, year and kind live in the URL: a choice adds a history entry, Back restores it', async () => {
    await page.goto(`${api.url}/?view=map`);
    await page.waitForSelector('#map-table tr[data-report]');
    expect(await page.inputValue('#map-metric')).toBe('GDP_GROWTH');
    expect(await page.inputValue('#map-year')).toBe('2026');
    // Another key with 2026 targets: the map redraws with its rows, one table row per region,
    // each naming a metric of that key.
    const keys = (await api.gql('{ metricKeys { key } }')).body.data.metricKeys.map((k: { key: string }) => k.key);
    let other: { key: string; metrics: string[] } | null = null;
    for (const key of keys.filter((k: string) => k !== 'GDP_GROWTH')) {
      const rows = (await api.gql(`{ compare(metricKey: "${key}", year: 2026) { indicator { metric } } }`)).body.data
        .compare as { indicator: { metric: string } }[];
      if (rows.length > 0) {
        other = { key, metrics: rows.map((r) => r.indicator.metric) };
        break;
      }
    }
    expect(other).not.toBeNull();
    await page.selectOption('#map-metric', other!.key);
    await page.waitForFunction((key) => new URL(location.href).searchParams.get('metric') === key, other!.key);
    await page.waitForFunction((metrics) => {
      const cells = Array.from(document.querySelectorAll('#map-table tr[data-report] td:nth-child(3)'));
      return cells.length === metrics.length && cells.every((c) => metrics.includes(c.textContent ?? ''));
    }, other!.metrics);
    await page.goBack();
    await page.waitForFunction(
      () => (document.querySelector('#map-metric') as HTMLSelectElement)?.value === 'GDP_GROWTH',
    );
    await page.fill('#map-year', '2023');
    await page.press('#map-year', 'Enter');
    await page.waitForFunction(() => new URL(location.href).searchParams.get('year') === '2023');
  });

  test('compare: sorts, filters, a bar per region, CSV with one row per province', async () => {
    await page.goto(`${api.url}/?view=compare&metric=GDP_GROWTH&year=2026`);
    await page.waitForSelector('#compare-table tr[data-report]');
    const values = async () =>
      (await page.locator('#compare-table tr[data-report] td.value').allTextContents()).map((v) => parseFloat(v));
    expect(await page.locator('#compare-chart rect.bar-target').count()).toBe(provinces.length);
    const desc = await values();
    expect(desc).toEqual([...desc].sort((a, b) => b - a));
    await page.selectOption('#compare-sort', 'value-asc');
    const asc = await values();
    expect(asc).toEqual([...desc].sort((a, b) => a - b));
    await page.selectOption('#compare-sort', 'region');
    const regions = await page.locator('#compare-table tr[data-report] td:first-child').allTextContents();
    expect(regions).toEqual([...regions].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    await page.fill('#compare-filter', '省');
    const onlyProvinces = await page.locator('#compare-table tr[data-report]').count();
    expect(onlyProvinces).toBe(provinceNames().filter((n) => n.includes('省')).length);
    await page.fill('#compare-filter', '');
    await page.screenshot({ path: path.join(SHOTS, '9-compare.png'), fullPage: true });
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#compare-csv')]);
    expect(csv.suggestedFilename()).toBe('compare-GDP_GROWTH-2026-TARGET.csv');
    const lines = readFileSync((await csv.path())!, 'utf8')
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('region,code,report_id,indicator_id,metric,value,unit,base_value,base_unit');
    expect(lines.length).toBe(provinces.length + 1);
    for (const name of provinceNames()) expect(lines.filter((l) => l.startsWith(`${name},`))).toHaveLength(1);
    // A row opens its region's report.
    await page.click('#compare-table tr[data-report] td:first-child a');
    await page.waitForSelector('#view-explore:not(.hidden) ~ #details #details-title');
  });

  test('English on the toggle; a 390-px phone has no horizontal overflow on the map or the table', async () => {
    await page.goto(`${api.url}/?view=map&lang=en`);
    await page.waitForSelector('#map-table tr[data-report]');
    expect(await page.textContent('nav button[data-view="map"]')).toBe('Map');
    expect(await page.textContent('#map-legend')).toContain('no value');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.querySelector('#map-legend')?.textContent?.includes('无数据'));
    expect(await page.textContent('nav button[data-view="compare"]')).toBe('对比');
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    for (const view of ['map', 'compare']) {
      await phone.goto(`${api.url}/?view=${view}`);
      await phone.waitForSelector(`#${view === 'map' ? 'map' : 'compare'}-table tr[data-report]`);
      expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    await phone.goto(`${api.url}/?view=map`);
    await phone.waitForSelector('#map-table tr[data-report]');
    expect((await phone.locator('#map-chart').boundingBox())!.width).toBeGreaterThan(300);
    await phone.screenshot({ path: path.join(SHOTS, '10-map-phone.png'), fullPage: true });
    await phone.close();
  });
});
