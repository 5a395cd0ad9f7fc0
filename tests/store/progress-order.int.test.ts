// targetProgress sorted by the change reads only the rows at or beyond the page's last change
// (compileProgress's two-phase path). Its pages must be those of the plain statement that joins
// and sorts every match by every key: the reference below, for every filter, direction and page.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadReportGraph } from '../../src/store/load-report.ts';
import { migrate } from '../../src/store/migrate.ts';
import type { Store } from '../../src/store/open-store.ts';
import type { NodePlan } from '../../src/store/read/compile/plan.ts';
import { readTargetProgress, type ChangeDirection } from '../../src/store/read/progress.ts';
import { regionWithin } from '../../src/store/read/within.ts';
import { extractCorpus, extractSeed } from '../support/graphs.ts';
import { openTestStore } from '../support/store.ts';
import { wipeData } from '../support/wipe.ts';

let store: Store;
const node: NodePlan = { labels: ['Indicator'], props: ['value'], relations: [] };
const COMPARE = { UP: '>', DOWN: '<', SAME: '=' } as const;

beforeAll(async () => {
  store = await openTestStore();
  await migrate(store.executor);
  await wipeData(store.executor);
  await loadReportGraph(store.executor, extractSeed());
  for (const f of ['hebei-2026.txt', 'hunan-2026.txt', 'jiangsu-2026.txt', 'guangdong-2026.txt', 'beijing-2026.txt'])
    await loadReportGraph(store.executor, extractCorpus(f));
}, 180_000);
afterAll(() => store?.close());

/** Every match joined and sorted by every key, then the page: what the two-phase path must equal. */
async function reference(change: ChangeDirection, dir: 'ASC' | 'DESC', offset: number, limit: number, within?: string) {
  const rows = await store.executor.read({
    text: `MATCH (t:Indicator) WHERE t.kind = 'target' MATCH (rep:Report {id: t.reportId})
      ${within ? `WHERE ${regionWithin('rep', '$within')}` : ''}
      MATCH (t)-[r:PREVIOUS]->(a:Indicator) WHERE a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL)
        AND t.baseNumber ${COMPARE[change]} a.baseNumber
      WITH t, rep, a, t.baseNumber - a.baseNumber AS delta
      ORDER BY delta ${dir}, rep.planYear DESC, rep.regionName, rep.id, t.start, t.id SKIP $offset LIMIT $limit
      RETURN t.id AS t, a.id AS a`,
    params: { offset, limit, within: within ?? null },
  });
  return rows.map((r) => `${r.t}→${r.a}`);
}

describe('targetProgress by change', () => {
  test('every page equals the fully sorted statement', async () => {
    let compared = 0;
    for (const change of ['DOWN', 'UP', 'SAME'] as const)
      for (const dir of ['ASC', 'DESC'] as const)
        for (const within of [undefined, 'place:43'])
          for (const [offset, limit] of [
            [0, 1],
            [0, 10],
            [5, 10],
            [37, 20],
            [0, 500],
          ] as const) {
            const rows = await readTargetProgress(store.executor, {
              where: { change, within: within ?? null },
              orderBy: [{ field: 'CHANGE', direction: dir }],
              offset,
              limit,
              target: node,
              previous: node,
            });
            const got = rows.map((r) => `${r.target.props.id}→${r.previous?.props.id}`);
            const want = await reference(change, dir, offset, limit, within);
            expect({ change, dir, within, offset, limit, got }).toEqual({
              change,
              dir,
              within,
              offset,
              limit,
              got: want,
            });
            compared += want.length;
          }
    expect(compared).toBeGreaterThan(100);
  });
});
