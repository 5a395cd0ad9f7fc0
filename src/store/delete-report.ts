import { AppError } from '#errors/app-error.ts';
import type { Executor, TxRunner, WriteStats } from './executor.ts';
import { FACT_TYPES, OWNED_LABELS, SHARED_LABELS } from './model.ts';

/**
 * Removes a report's subgraph inside a transaction: its own nodes, the links it asserted between
 * shared nodes, and shared places and enterprises that no other report mentions any more.
 * @returns whether the report existed
 */
export async function deleteReportInTx(tx: TxRunner, reportId: string): Promise<boolean> {
  const found = await tx.run({ text: 'MATCH (r:Report {id: $id}) RETURN r.id AS id', params: { id: reportId } });
  if (found.length === 0) return false;
  const shared = await tx.run({
    text: `MATCH (s:Section {reportId: $id})-[:MENTIONS]->(x) WHERE ${SHARED_LABELS.map((l) => `x:${l}`).join(' OR ')}
           WITH collect(DISTINCT x.id) AS ids
           MATCH (r:Report {id: $id}) RETURN ids + coalesce('place:' + r.regionCode, []) AS ids`,
    params: { id: reportId },
  });
  await tx.run({
    text: `MATCH ()-[r:${FACT_TYPES.join('|')}]->() WHERE r.reportId = $id DELETE r`,
    params: { id: reportId },
  });
  for (const label of OWNED_LABELS) {
    await tx.run({ text: `MATCH (n:${label} {reportId: $id}) DETACH DELETE n`, params: { id: reportId } });
  }
  await tx.run({ text: 'MATCH (r:Report {id: $id}) DETACH DELETE r', params: { id: reportId } });
  const ids = (shared[0]?.ids as string[] | undefined) ?? [];
  for (const label of SHARED_LABELS) {
    await tx.run({
      text: `UNWIND $ids AS id MATCH (x:${label} {id: id}) WHERE NOT EXISTS { ()-[:MENTIONS]->(x) }
             AND NOT EXISTS { MATCH (o:Report) WHERE o.regionCode IS NOT NULL AND 'place:' + o.regionCode = x.id }
             DETACH DELETE x`,
      params: { ids },
    });
  }
  return true;
}

/**
 * Deletes one report cleanly, in one transaction.
 * @throws AppError NOT_FOUND when no report has that id.
 */
export async function deleteReport(executor: Executor, reportId: string): Promise<WriteStats> {
  return executor.transaction(async (tx) => {
    if (!(await deleteReportInTx(tx, reportId))) throw new AppError(`no report with id ${reportId}`, 'NOT_FOUND');
    return tx.stats;
  });
}
