/// <reference lib="dom" />
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { ROOT } from '../support/run-cli.ts';
import { wipeData } from '../support/wipe.ts';

// Drives the explorer in Debian's headless Chromium (no downloaded browser) and saves
// screenshots in test-artifacts/explorer.
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const SHOTS = path.join(ROOT, 'test-artifacts', 'explorer');

describe('the explorer in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const seed = extractSeed();
  const shot = (name: string) => page.screenshot({ path: path.join(SHOTS, `${name}.png`) });

  beforeAll(async () => {
    if (!existsSync(CHROMIUM))
      throw new Error(
        `no Chromium at ${CHROMIUM}: install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH`,
      );
    execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build-explorer.ts')], {
      cwd: ROOT,
      stdio: 'pipe',
    });
    mkdirSync(SHOTS, { recursive: true });
    api = await startTestApi();
    await migrate(api.store.executor);
    await wipeData(api.store.executor);
    await loadReportGraph(api.store.executor, seed);
    await loadReportGraph(api.store.executor, extractCorpus('hebei-2026.txt'));
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    page = await browser.newPage({ viewport: { width: 1600, height: 950 } });
    const offline: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url)) offline.push(r.url());
    });
    await page.goto(`${api.url}/`);
    expect(offline).toEqual([]);
  }, 180_000);

  afterAll(async () => {
    await browser?.close();
    await api?.stop();
  });

  test('search, open the 2023 target, see its serving project and evidence, expand a place, open progress', async () => {
    // 1. search 高标准农田: results grouped by kind
    await page.fill('#search', '高标准农田');
    await page.press('#search', 'Enter');
    await page.waitForSelector('.group[data-kind="INDICATOR"] .result');
    expect(await page.locator('.group h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Indicator 指标 \(\d+\)$/)]),
    );
    await shot('1-search');

    // 2. open the 2023 target (10万亩)
    const target = seed.indicators.find((i) => i.kind === 'target' && i.metric.includes('高标准农田'))!;
    await page.click(`.result[data-id="${target.id}"]`);
    await page.waitForSelector('#details-title');
    expect(await page.textContent('#details-title')).toBe('新建高标准农田 10万亩');

    // 3. the serving project and its highlighted evidence
    await page.waitForSelector('#serving li');
    const serving = await page.textContent('#serving');
    expect(serving).toContain('岳口镇全域国土综合整治项目');
    expect(await page.locator('#serving li mark').first().textContent()).toContain('高标准农田');
    expect(await page.textContent('#previous')).toContain('13.89万亩');
    await shot('2-target-details');

    // 4. expand a place node: its neighbours appear in the graph
    await page.click('#serving button.result');
    await page.waitForSelector('#details-title:text("岳口镇全域国土综合整治项目")');
    await page.click('#details .result:text("岳口镇")');
    await page.waitForSelector('#details-title:text("岳口镇")');
    const before = await page.evaluate(() => (window as any).plangraphExplorer.graph.count().nodes);
    await page.click('#expand');
    await page.waitForFunction((n) => (window as any).plangraphExplorer.graph.count().nodes > n, before);
    const after = await page.evaluate(() => (window as any).plangraphExplorer.graph.count().nodes);
    expect(after).toBeGreaterThan(before);
    expect(await page.textContent('#graph-status')).toMatch(/^\d+ nodes, \d+ edges$/);
    await shot('3-place-expanded');

    // 5. the progress view. It opens on the newest report; the reader picks the seed before that
    // first answer is back, and the first answer is held up so that it arrives last: the table
    // must still be the seed's.
    let releaseFirst!: () => void;
    const firstHeld = new Promise<void>((resolve) => (releaseFirst = resolve));
    let held = false;
    await page.route('**/graphql', async (route) => {
      const body = route.request().postData() ?? '';
      if (!held && body.includes('targetProgress') && !body.includes(seed.report.id)) {
        held = true;
        await firstHeld;
      }
      await route.continue();
    });
    await page.click('nav button[data-view="progress"]');
    await page.waitForFunction(() => document.querySelectorAll('#report-select option').length > 1);
    await page.selectOption('#report-select', seed.report.id);
    await page.waitForSelector('#progress-table tr:nth-child(3)');
    expect(held).toBe(true);
    const staleAnswer = page.waitForResponse(
      (r) =>
        r.url().endsWith('/graphql') &&
        (r.request().postData() ?? '').includes('targetProgress') &&
        !(r.request().postData() ?? '').includes(seed.report.id),
    );
    releaseFirst();
    await (await staleAnswer).finished();
    await page.waitForTimeout(200); // the page's handler runs after the body is read
    await page.unroute('**/graphql');
    const table = await page.textContent('#progress-table');
    expect(table).toContain('新建高标准农田');
    expect(table).toContain('13.89万亩');
    expect(await page.locator('#progress-table .bar.target').count()).toBeGreaterThan(5);
    await shot('4-progress');
  }, 120_000);

  test('the GraphQL IDE loads offline with example queries', async () => {
    const ide = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offline: string[] = [];
    ide.on('request', (r) => {
      if (!r.url().startsWith(api.url)) offline.push(r.url());
    });
    await ide.goto(`${api.url}/graphiql.html`);
    await ide.waitForSelector('.graphiql-container');
    await ide.waitForFunction(() => document.body.innerText.includes('indicators'));
    expect(offline).toEqual([]);
    await ide.screenshot({ path: path.join(SHOTS, '5-graphiql.png') });
    await ide.close();
  }, 60_000);
});
