/// <reference lib="dom" />
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page, Response } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { TestApi } from '../support/api.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { openExplorer, SHOTS } from './fixture.ts';

// Drives the explorer in Debian's headless Chromium (no downloaded browser) against the real API
// and Neo4j, and saves screenshots and measurements in test-artifacts/explorer.

type Positions = Record<string, { x: number; y: number }>;

describe('the explorer in a browser', () => {
  let api: TestApi;
  let browser: Browser;
  let page: Page;
  const seed = extractSeed();
  const target = seed.indicators.find((i) => i.kind === 'target' && i.metric.includes('高标准农田'))!;
  const tianmen = seed.places.find((p) => p.name === '天门市')!;
  const metrics: Record<string, unknown> = {};
  const shot = (name: string, p: Page = page) => p.screenshot({ path: path.join(SHOTS, `${name}.png`) });
  const positions = (): Promise<Positions> =>
    page.evaluate(() =>
      Object.fromEntries(window.plangraphExplorer.graph.cy.nodes().map((n: any) => [n.id(), { ...n.position() }])),
    );
  /** The largest distance any node of `before` moved. */
  const moved = (before: Positions, after: Positions) =>
    Math.max(...Object.keys(before).map((k) => Math.hypot(after[k]!.x - before[k]!.x, after[k]!.y - before[k]!.y)));
  const visibleCount = (): Promise<number> =>
    page.evaluate(() => window.plangraphExplorer.graph.cy.nodes(':visible').length);
  const growsBeyond = (n: number) =>
    page.waitForFunction((m) => window.plangraphExplorer.graph.count().nodes > m, n, { timeout: 60_000 });

  beforeAll(async () => {
    ({ api, browser, page } = await openExplorer([
      seed,
      extractCorpus('hebei-2026.txt'),
      extractCorpus('beijing-2026.txt'),
    ]));
  }, 240_000);

  afterAll(async () => {
    if (Object.keys(metrics).length)
      writeFileSync(path.join(SHOTS, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
    await browser?.close();
    await api?.stop();
  });

  test('first load: offline, measured (bytes over the wire, time to interactive)', async () => {
    const offline: string[] = [];
    let bytes = 0;
    const responses: Promise<void>[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(api.url)) offline.push(r.url());
    });
    const count = (r: Response) =>
      responses.push(
        r
          .request()
          .sizes()
          .then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize)),
      );
    page.on('response', count);
    await page.goto(`${api.url}/`);
    // Interactive: the report list (attribution and the report filter) has arrived.
    await page.waitForFunction(() => document.querySelectorAll('#report-filter option').length > 1);
    const tti = await page.evaluate(() => performance.now());
    await Promise.all(responses);
    page.off('response', count);
    expect(offline).toEqual([]);
    metrics.firstLoad = { bytes, timeToInteractiveMs: Math.round(tti) };
    expect(await page.getAttribute('html', 'lang')).toBe('zh-CN');
    expect(await page.textContent('nav button[data-view="explore"]')).toBe('图谱');
  });

  test('search shows each hit with its report; the keyboard moves through results; a failing API offers a retry', async () => {
    // The first search fails at the network: an error with a retry, not "Searching…" forever.
    await page.route('**/graphql', (route) =>
      (route.request().postData() ?? '').includes('search(') ? route.abort() : route.continue(),
    );
    await page.press('body', '/');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('search');
    await page.keyboard.type('高标准农田');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results .error button.retry');
    await page.unroute('**/graphql');
    await page.click('#results .error button.retry');
    await page.waitForSelector('.group[data-kind="INDICATOR"] .result');
    expect(await page.locator('.group h3').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringMatching(/^指标 \(\d+\)$/)]),
    );
    const hit = page.locator(`.result[data-id="${target.id}"]`);
    expect(await hit.locator('.attribution').textContent()).toBe('天门市 2023');
    expect(await page.locator('.result .attribution').allTextContents()).toEqual(
      expect.arrayContaining(['天门市 2023', expect.stringMatching(/^(河北省|北京市) 2026$/)]),
    );
    await shot('1-search');
    // The count line has the API's total; a cut page says "显示 N / 共 M" (a broad word has 40+ hits).
    const totalOf = async (q: string) =>
      (await api.data(`query($q: String!) { search(query: $q, first: 1) { totalCount } }`, { q })).search.totalCount;
    const farmland = await totalOf('高标准农田');
    const farmlandShown = await page.locator('#results .result').count();
    expect(await page.textContent('#results-count')).toBe(
      farmlandShown < farmland
        ? `显示 ${farmlandShown} / 共 ${farmland} 条结果 “高标准农田”`
        : `${farmland} 条结果 “高标准农田”`,
    );
    const broad = await totalOf('发展');
    expect(broad).toBeGreaterThan(40);
    await page.fill('#search', '发展');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results-count:has-text("发展")');
    expect(await page.textContent('#results-count')).toBe(`显示 40 / 共 ${broad} 条结果 “发展”`);
    await page.fill('#search', '高标准农田');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#results-count:has-text("高标准农田")');

    // The report filter keeps only that report's hits.
    await page.selectOption('#report-filter', seed.report.id);
    await page.waitForFunction(() => new URL(location.href).searchParams.has('report'));
    await page.waitForSelector('.group .result');
    expect(new Set(await page.locator('.result .attribution').allTextContents())).toEqual(new Set(['天门市 2023']));
    await page.selectOption('#report-filter', '');

    // Arrows from the search box into the results, Enter opens the focused one.
    await page.waitForSelector(`.result[data-id="${target.id}"]`);
    await page.focus('#search');
    await page.keyboard.press('ArrowDown');
    const first = await page.evaluate(() => document.activeElement?.getAttribute('data-id'));
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-id'))).toBe(first);
    await page.keyboard.press('Enter');
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('node') === id, first);
  });

  test('the target: attribution, labelled fields, evidence in view; links open nodes; a deep link reloads; Back returns', async () => {
    await page.click(`.result[data-id="${target.id}"]`);
    await page.waitForSelector('#details-title:text("新建高标准农田 10万亩")');
    expect(await page.textContent('#details-report')).toBe('报告: 天门市 2023');
    const fields = await page.locator('#details .fields th').allTextContents();
    expect(fields).toEqual(expect.arrayContaining(['基数', '单位', '年份', '类型']));
    const details = (await page.textContent('#details'))!;
    for (const raw of ['baseValue', 'threshold', 'TARGET']) expect(details).not.toContain(raw);

    // The serving project with its evidence: the sentence shown first, the mark in view.
    await page.waitForSelector('#serving li');
    expect(await page.textContent('#serving')).toContain('岳口镇全域国土综合整治项目');
    const inView = await page.evaluate(() =>
      Array.from(document.querySelectorAll<HTMLElement>('#details .evidence')).every((box) => {
        const mark = box.querySelector('mark');
        if (!mark) return true;
        const b = box.getBoundingClientRect();
        const m = mark.getBoundingClientRect();
        return m.top >= b.top - 1 && m.top < b.bottom;
      }),
    );
    expect(inView).toBe(true);
    expect(await page.locator('#details .evidence-block').first().locator('.section-path').textContent()).toContain(
      '坚决守护流域安全',
    );
    // Repeated evidence is shown once per passage.
    const passages = await page.locator('#serving .evidence-block blockquote').allTextContents();
    const keys = await page.evaluate(() =>
      Array.from(document.querySelectorAll('#serving .evidence-block')).map((b) => b.textContent),
    );
    expect(new Set(keys).size).toBe(keys.length);
    expect(passages.join('')).toContain('高标准农田');
    expect(await page.textContent('#previous')).toContain('13.89万亩');
    await shot('2-target-details');

    // A deep link: reloading the address shows the same node, search and results.
    const url = page.url();
    expect(url).toContain(`node=${encodeURIComponent(target.id)}`);
    await page.reload();
    await page.waitForSelector('#details-title:text("新建高标准农田 10万亩")');
    expect(await page.inputValue('#search')).toBe('高标准农田');
    await page.waitForSelector(`.result[data-id="${target.id}"]`);
    expect(await page.evaluate((id) => window.plangraphExplorer.graph.has(id), target.id)).toBe(true);

    // Every row naming a node opens it; Back returns to the target.
    await page.click('#serving button.link');
    await page.waitForSelector('#details-title:text("岳口镇全域国土综合整治项目")');
    await page.waitForSelector('#serves button.link');
    await page.goBack();
    await page.waitForSelector('#details-title:text("新建高标准农田 10万亩")');
    await page.goForward();
    await page.waitForSelector('#details-title:text("岳口镇全域国土综合整治项目")');
    // The project's Serves rows open their target.
    await page.click(`#serves button.link[data-id="${target.id}"]`);
    await page.waitForSelector('#details-title:text("新建高标准农田 10万亩")');

    // Trace: each row opens its project.
    await page.click('#trace-button');
    await page.waitForSelector('#trace-links li');
    expect(new URL(page.url()).searchParams.get('view')).toBe('trace');
    await page.click('#trace-links .trace-row button.link:text("岳口镇全域国土综合整治项目")');
    await page.waitForSelector('#details-title:text("岳口镇全域国土综合整治项目")');
    expect(await page.isVisible('#view-explore')).toBe(true);
  });

  test('a neighbourhood of 300+ nodes, expanded twice: placed nodes stay put, truncation is shown', async () => {
    await page.goto(`${api.url}/?node=${encodeURIComponent(tianmen.id)}`);
    await page.waitForSelector('#details-title:text("天门市")');
    await page.waitForFunction(() => window.plangraphExplorer.graph.count().nodes > 10);
    const p0 = await positions();

    // 1st expand: two hops from the city, cut at 150 nodes, which the view says.
    await page.click('#expand');
    await growsBeyond(Object.keys(p0).length);
    const p1 = await positions();
    expect(moved(p0, p1)).toBeLessThan(3);
    await page.waitForSelector('#graph-truncation:not(.hidden) #show-more');
    // "显示 150 / 共 M 个节点", M being what the API says the same two-hop walk reaches.
    const { neighborhood } = await api.data(
      `query($id: ID!) { neighborhood(id: $id, depth: 2, limit: 150) { truncated reachable } }`,
      { id: tianmen.id },
    );
    expect(neighborhood.truncated).toBe(true);
    expect(neighborhood.reachable).toBeGreaterThan(150);
    expect(await page.textContent('#graph-truncation')).toBe(
      `显示 150 / 共 ${neighborhood.reachable} 个节点 · 显示更多`,
    );
    await shot('3-truncated');

    // "show more": the same request with a larger limit.
    await page.click('#show-more');
    await growsBeyond(Object.keys(p1).length);
    const p2 = await positions();
    expect(moved(p1, p2)).toBeLessThan(3);

    // 2nd expand, from 北京 (place:11, reached through the seed's mentions; the Beijing report adds
    // its own neighbourhood): 300+ nodes in all.
    const shown = new Set(Object.keys(p2));
    const best = { id: 'place:11' };
    expect(shown.has(best.id)).toBe(true);
    await page.evaluate((id) => window.plangraphExplorer.graph.cy.getElementById(id).emit('tap'), best.id);
    await page.waitForFunction((id) => new URL(location.href).searchParams.get('node') === id, best.id);
    await page.waitForSelector(`#details #expand`);
    await page.click('#expand');
    await growsBeyond(shown.size);
    const p3 = await positions();
    expect(Object.keys(p3).length).toBeGreaterThan(300);
    expect(moved(p2, p3)).toBeLessThan(3);
    metrics.expand = {
      nodes: [p0, p1, p2, p3].map((p) => Object.keys(p).length),
      maxMovedPx: Math.max(moved(p0, p1), moved(p1, p2), moved(p2, p3)),
    };

    // Hide a node; edge labels appear only on hover or selection.
    const before = await visibleCount();
    await page.click('#hide-node');
    expect(await page.textContent('#graph-status')).toMatch(/1 已隐藏/);
    await expect.poll(visibleCount).toBe(before - 1);
    await page.click('#unhide');
    await expect.poll(visibleCount).toBe(before);
    const labels = await page.evaluate(() => {
      const cy = window.plangraphExplorer.graph.cy;
      const labelled = cy.edges().filter((e: any) => e.style('label') !== '');
      const selected = cy.nodes(':selected').connectedEdges();
      return { labelled: labelled.length, near: labelled.difference(selected).length, all: cy.edges().length };
    });
    expect(labels.near).toBe(0);
    expect(labels.all).toBeGreaterThan(300);
    await page.click('#fit');
    await shot('4-graph-300');

    // Export what you see: the visible subgraph as JSON, and as PNG.
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const exported = JSON.parse(readFileSync((await json.path())!, 'utf8'));
    expect(exported.nodes.length).toBe(await visibleCount());
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('#export-png')]);
    expect(
      readFileSync((await png.path())!)
        .subarray(1, 4)
        .toString(),
    ).toBe('PNG');
  }, 300_000);

  test('progress: sort, filter, chart, CSV download; rows open their target', async () => {
    await page.goto(`${api.url}/?view=progress&report=${encodeURIComponent(seed.report.id)}`);
    await page.waitForSelector('#progress-table tr:nth-child(3)');
    const table = (await page.textContent('#progress-table'))!;
    expect(table).toContain('新建高标准农田');
    expect(table).toContain('13.89万亩');
    expect(await page.locator('#progress-chart rect.bar-target').count()).toBeGreaterThan(5);
    await shot('5-progress');
    const all = await page.locator('#progress-table tr[data-id]').count();
    expect(await page.textContent('#progress-summary')).toMatch(new RegExp(`^${all} 个目标, `));
    await page.check('#progress-with-previous');
    await page.fill('#progress-filter', '高标准农田');
    const rows = await page.locator('#progress-table tr[data-id]').count();
    expect(rows).toBeGreaterThanOrEqual(1);
    // A filtered table says how many of the report's targets it shows.
    expect(await page.textContent('#progress-summary')).toMatch(new RegExp(`^显示 ${rows} / 共 ${all} 个目标, `));
    await page.selectOption('#progress-sort', 'name');
    const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#progress-csv')]);
    expect(csv.suggestedFilename()).toMatch(/\.csv$/);
    const text = readFileSync((await csv.path())!, 'utf8');
    const lines = text
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('id,target,this_year,last_year,change,ratio,unit,confidence');
    expect(lines.length).toBe(rows + 1);
    expect(lines.some((l) => l.includes('新建高标准农田') && l.includes('13.89万亩'))).toBe(true);
    await page.fill('#progress-filter', '');
    await page.click(`#progress-table a.node-link[data-id="${target.id}"]`);
    await page.waitForSelector('#details-title:text("新建高标准农田 10万亩")');
    await page.goBack();
    await page.waitForSelector('#view-progress:not(.hidden)');
  });

  test('the language toggle switches labels, and the link keeps the language', async () => {
    await page.goto(`${api.url}/?node=${encodeURIComponent(target.id)}`);
    await page.waitForSelector('#details-title');
    await page.click('#lang-toggle');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await page.textContent('nav button[data-view="explore"]')).toBe('Explore');
    await page.waitForSelector('#details .fields th:text("Base value")');
    expect(new URL(page.url()).searchParams.get('lang')).toBe('en');
    await page.reload();
    await page.waitForSelector('#details .fields th:text("Base value")');
    await page.click('#lang-toggle');
    await page.waitForSelector('#details .fields th:text("基数")');
    expect(await page.textContent('#lang-toggle')).toBe('English');
  });

  test('a 390-px phone: panels stack, no horizontal overflow, the graph is usable', async () => {
    const phone = await browser.newPage({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
    await phone.goto(`${api.url}/?q=${encodeURIComponent('高标准农田')}&node=${encodeURIComponent(target.id)}`);
    await phone.waitForSelector('#details-title');
    await phone.waitForSelector('.group .result');
    expect(await phone.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    const graph = (await phone.locator('#graph').boundingBox())!;
    expect(graph.width).toBeGreaterThan(300);
    expect(graph.height).toBeGreaterThan(300);
    const details = (await phone.locator('#details').boundingBox())!;
    expect(details.y).toBeGreaterThan(graph.y + graph.height - 1); // stacked below the graph
    await phone.screenshot({ path: path.join(SHOTS, '6-phone.png'), fullPage: true });
    await phone.close();
  });

  test('GraphiQL: named example tabs, each runs at the first click after a tab switch, offline with its workers', async () => {
    const ide = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    const offline: string[] = [];
    const failures: string[] = [];
    ide.on('request', (r) => {
      if (!r.url().startsWith(api.url)) offline.push(r.url());
    });
    ide.on('pageerror', (e) => failures.push(e.message));
    ide.on('console', (m) => {
      // graphiql-explorer 0.9 (inside @graphiql/plugin-explorer 5) cannot draw list-valued
      // arguments (kind: [TARGET], orderBy: [...]) and says so on the console; the tree shows them
      // folded and the query is untouched. Any other console error fails the test.
      if (m.type() === 'error' && !m.text().startsWith('arg mismatch between arg and selection'))
        failures.push(`${m.text()} ${m.location().url}`);
    });
    let bytes = 0;
    const sizes: Promise<void>[] = [];
    ide.on('response', (r) =>
      sizes.push(
        r
          .request()
          .sizes()
          .then((s) => void (bytes += s.responseBodySize + s.responseHeadersSize))
          // A response that outlives the page (closed at the end) has no sizes to give.
          .catch(() => undefined),
      ),
    );
    const workers: string[] = [];
    ide.on('worker', (w) => workers.push(w.url()));
    await ide.goto(`${api.url}/graphql`, { waitUntil: 'commit' });
    // Interactive: the named tabs are drawn and Monaco shows the first example's text.
    await ide.waitForSelector('.graphiql-tab:has-text("PlannerProgress")');
    await ide.waitForFunction(() =>
      document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes('AnalystTargets'),
    );
    metrics.graphiqlLoad = { bytes: 0, readyMs: Math.round(await ide.evaluate(() => performance.now())) };
    const tabs = await ide.locator('.graphiql-tab').allTextContents();
    expect(tabs.join(' ')).not.toContain('untitled');
    for (const name of ['AnalystTargets', 'AnalystSearch', 'PlannerProgress', 'ResearcherTrace', 'VisualNeighborhood'])
      expect(tabs.join(' ')).toContain(name);
    // The explorer plugin sits in the sidebar beside the docs and the history.
    // The explorer plugin opens beside the editor and shows the current tab's operation as a tree.
    await ide.click('.graphiql-sidebar button[aria-label="Show GraphiQL Explorer"]');
    await ide.waitForSelector('.graphiql-plugin :text("metricContains")', { timeout: 20_000 });

    // GraphiQL (3 and 5) sends the previous tab's operation name within 100 ms of a switch ("Unknown
    // operation named …"; src/explorer/src/operation-name.ts mends it): each example must run at
    // the first click, one tab after another.
    const runs = [
      { tab: 'AnalystTargets', field: 'indicators', text: '$metric' },
      { tab: 'PlannerProgress', field: 'targetProgress', text: '$reportId' },
      { tab: 'ResearcherTrace', field: 'trace', text: '$id' },
      { tab: 'VisualNeighborhood', field: 'neighborhood', text: '$depth' },
    ];
    for (const run of runs) {
      await ide.click(`.graphiql-tab:has-text("${run.tab}")`);
      await ide.waitForSelector(`.graphiql-tab-active:has-text("${run.tab}")`);
      await ide.waitForFunction(
        (t) => document.querySelector('.graphiql-query-editor .view-lines')?.textContent?.includes(t),
        run.text,
      );
      await ide.click('.graphiql-execute-button');
      await ide
        .waitForFunction(
          (f) => document.querySelector('.result-window')?.textContent?.includes(`"${f}"`) === true,
          run.field,
          { timeout: 15_000 },
        )
        .catch(() => undefined);
      const result = await ide.textContent('.result-window');
      expect(result, run.tab).toContain(`"${run.field}"`);
      expect(result, run.tab).not.toContain('"errors"');
    }
    expect(await ide.textContent('.result-window')).toContain('"nodes"');
    // Monaco's language services run in workers built beside the page (GraphQL, JSON, the editor's).
    // The GraphQL worker starts once the schema has arrived and the editor asks for diagnostics.
    await expect
      .poll(
        () =>
          workers
            .filter((u) => /\/(graphql|json)\.worker-[A-Z0-9]+\.js$/.test(u))
            .map((u) => u.split('/').pop()?.split('-')[0]),
        {
          timeout: 20_000,
        },
      )
      .toEqual(expect.arrayContaining(['graphql.worker', 'json.worker']));
    expect(workers.every((u) => u.startsWith(api.url))).toBe(true);
    // A response still streaming (a prefetch the page dropped) never reports its sizes: wait a bounded time.
    await Promise.race([Promise.all(sizes), new Promise((resolve) => setTimeout(resolve, 5000))]);
    (metrics.graphiqlLoad as { bytes: number }).bytes = bytes;
    expect(offline).toEqual([]);
    expect(failures).toEqual([]);
    await ide.screenshot({ path: path.join(SHOTS, '7-graphiql.png') });
    await ide.close();
  }, 150_000);
});
