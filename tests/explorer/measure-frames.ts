/// <reference lib="dom" />
// Frame time of the graph view at 500+ nodes, by hand (not part of `npm test`: the figures depend
// on the machine's load, see BENCHMARKS.md): `npx tsx tests/explorer/measure-frames.ts [runs]`
// with NEO4J_BOLT_PORT/NEO4J_HTTP_PORT exported. It loads the seed and two 2026 reports into the
// test Neo4j, grows a neighbourhood past 500 nodes, then records every requestAnimationFrame delta
// over a real mouse drag (60 moves) and 30 wheel zoom steps, with Cytoscape's renderer as it is
// and with hideEdgesOnViewport / textureOnViewport (edges hidden, or the frame drawn from a
// texture, while the view moves). Prints one JSON line per run and configuration.
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { openExplorer } from './fixture.ts';

const runs = Number(process.argv[2] ?? 2);
const seed = extractSeed();
const tianmen = seed.places.find((p) => p.name === '天门市')!;
const { api, browser, page } = await openExplorer([
  seed,
  extractCorpus('hebei-2026.txt'),
  extractCorpus('beijing-2026.txt'),
]);
try {
  await page.goto(`${api.url}/?node=${encodeURIComponent(tianmen.id)}`);
  await page.waitForFunction(() => window.plangraphExplorer.graph.count().nodes > 10);
  // Two hops from the city, then from 北京 and 河北省, each at the API's limit.
  for (const id of [tianmen.id, 'place:11', 'place:13']) {
    await page.evaluate((i) => window.plangraphExplorer.graph.expand(i, 2, 500), id);
    if ((await page.evaluate(() => window.plangraphExplorer.graph.count().nodes)) >= 500) break;
  }
  await page.evaluate(() => window.plangraphExplorer.graph.cy.fit(undefined, 20));
  const size = await page.evaluate(() => window.plangraphExplorer.graph.count());
  const box = (await page.locator('#graph').boundingBox())!;
  const configs = [
    { name: 'default', hideEdgesOnViewport: false, textureOnViewport: false },
    { name: 'hideEdgesOnViewport', hideEdgesOnViewport: true, textureOnViewport: false },
    { name: 'textureOnViewport', hideEdgesOnViewport: false, textureOnViewport: true },
  ];
  for (let run = 1; run <= runs; run++)
    for (const config of configs) {
      await page.evaluate((c) => {
        const r = window.plangraphExplorer.graph.cy.renderer();
        r.hideEdgesOnViewport = c.hideEdgesOnViewport;
        r.textureOnViewport = c.textureOnViewport;
        window.plangraphExplorer.graph.cy.fit(undefined, 20);
      }, config);
      // A string, not a function: tsx would wrap a named inner function in a helper the page lacks.
      await page.evaluate(`(() => {
        window.frames_ = [];
        window.stop_ = false;
        window.renders_ = 0;
        window.view_ = { pan: { ...window.plangraphExplorer.graph.cy.pan() }, zoom: window.plangraphExplorer.graph.cy.zoom(), zooms: new Set() };
        window.plangraphExplorer.graph.cy.on('render', () => { window.renders_++; window.view_.zooms.add(window.plangraphExplorer.graph.cy.zoom()); });
        let last = performance.now();
        const tick = (now) => {
          window.frames_.push(now - last);
          last = now;
          if (!window.stop_) requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      })()`);
      // Drag from an empty corner pans the view; then wheel steps zoom in and out around the centre.
      const [x, y] = [box.x + 8, box.y + box.height - 8];
      await page.mouse.move(x, y);
      await page.mouse.down();
      for (let i = 1; i <= 60; i++) await page.mouse.move(x + i * 4, y - i * 3);
      await page.mouse.up();
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      for (let i = 0; i < 30; i++) {
        await page.mouse.wheel(0, i < 15 ? -120 : 120);
        await page.waitForTimeout(30);
      }
      const frames = await page.evaluate(() => {
        const w = window as unknown as { frames_: number[]; stop_: boolean };
        w.stop_ = true;
        return w.frames_.slice(1);
      });
      // The gesture really moved the view: Cytoscape drew this many frames at this many zoom levels.
      const drawn = await page.evaluate(`(() => {
        const cy = window.plangraphExplorer.graph.cy;
        cy.removeListener('render');
        return { renders: window.renders_, zoomLevels: window.view_.zooms.size,
                 panned: Math.round(Math.hypot(cy.pan().x - window.view_.pan.x, cy.pan().y - window.view_.pan.y)) };
      })()`);
      const sorted = [...frames].sort((a, b) => a - b);
      const at = (q: number) =>
        Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 10) / 10;
      console.log(
        JSON.stringify({
          run,
          config: config.name,
          ...size,
          ...(drawn as object),
          frames: frames.length,
          median: at(0.5),
          p95: at(0.95),
          max: at(1),
        }),
      );
    }
} finally {
  await browser.close();
  await api.stop();
}
