import { ReportGraphSchema, type ReportGraph } from '#domain/report-graph.ts';
import { AppError } from '#errors/app-error.ts';
import type { Executor, TxRunner, WriteStats } from './executor.ts';
import { deleteReportInTx } from './delete-report.ts';
import { buildLoadPlan } from './load-plan.ts';

export interface LoadResult {
  reportId: string;
  status: 'created' | 'replaced' | 'unchanged';
  /** Ids of earlier versions of the same report (same region and plan year) that this one replaced. */
  replaced: string[];
  stats: WriteStats;
}

export interface LoadOptions {
  /** Reload even when the same report (same content hash) is already in the database. */
  force?: boolean;
  /** Called before each batch; tests make it throw to prove a failed load leaves no trace. */
  beforeBatch?: (name: string, index: number) => void;
}

/**
 * Loads one ReportGraph into Neo4j in a single transaction: earlier versions of the same report
 * (same region and plan year) are removed, then sections, facts, entities and links are written in
 * UNWIND batches. Either all of it commits or nothing does.
 * @throws AppError BAD_INPUT when the graph fails validation; DB_* from the store.
 */
export async function loadReportGraph(
  executor: Executor,
  input: ReportGraph,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const parsed = ReportGraphSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(`not a valid ReportGraph: ${issue.path.join('.')}: ${issue.message}`, 'BAD_INPUT');
  }
  const graph = parsed.data;
  const key = reportKey(graph);
  return executor.transaction(async (tx: TxRunner) => {
    const existing = await tx.run({
      text: 'MATCH (r:Report) WHERE r.id = $id OR r.key = $key RETURN r.id AS id',
      params: { id: graph.report.id, key },
    });
    const ids = existing.map((r) => String(r.id));
    if (ids.includes(graph.report.id) && !options.force && ids.length === 1) {
      return { reportId: graph.report.id, status: 'unchanged' as const, replaced: [], stats: tx.stats };
    }
    for (const id of ids) await deleteReportInTx(tx, id);
    const plan = buildLoadPlan(graph, key);
    for (const [i, batch] of plan.entries()) {
      options.beforeBatch?.(batch.name, i);
      await tx.run(batch.query);
    }
    const replaced = ids.filter((id) => id !== graph.report.id);
    return {
      reportId: graph.report.id,
      status: replaced.length > 0 || ids.length > 0 ? ('replaced' as const) : ('created' as const),
      replaced,
      stats: tx.stats,
    };
  });
}

/** Versions of a report share this key: a corrected text replaces the old one. */
export function reportKey(graph: ReportGraph): string {
  return `${graph.report.region.code ?? graph.report.region.name}:${graph.report.planYear}`;
}
