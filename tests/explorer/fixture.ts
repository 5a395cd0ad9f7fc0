import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { ReportGraph } from '../../src/domain/report-graph.ts';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import { startTestApi, type TestApi } from '../support/api.ts';
import { ROOT } from '../support/run-cli.ts';
import { wipeData } from '../support/wipe.ts';
import { launchChromium } from './chromium.ts';

/** Where the browser tests keep screenshots and measurements. */
export const SHOTS = path.join(ROOT, 'test-artifacts', 'explorer');

/**
 * What every explorer test starts from: the explorer built from its sources, the real API over a
 * wiped test Neo4j holding `graphs`, and one Chromium page (1600 × 950, downloads allowed).
 */
export async function openExplorer(
  graphs: readonly ReportGraph[],
): Promise<{ api: TestApi; browser: Browser; page: Page }> {
  execFileSync(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build-explorer.ts')], {
    cwd: ROOT,
    stdio: 'pipe',
  });
  mkdirSync(SHOTS, { recursive: true });
  const api = await startTestApi();
  await migrate(api.store.executor);
  await wipeData(api.store.executor);
  for (const g of graphs) await loadReportGraph(api.store.executor, g);
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1600, height: 950 }, acceptDownloads: true });
  return { api, browser, page };
}
