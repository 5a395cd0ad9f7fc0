import { ReportGraphSchema, type ReportGraph } from '#domain/report-graph.ts';
import { AppError, isAppError } from '#errors/app-error.ts';
import { emptyStats, type Executor, type TxRunner, type WriteStats } from './executor.ts';
import { deleteReportInTx } from './delete-report.ts';
import { expectedCounts } from './graph-counts.ts';
import { buildLoadPlan, type LoadItem } from './load-plan.ts';
import { linkCrossReportPrevious } from './cross-previous.ts';

export interface LoadResult {
  reportId: string;
  status: 'created' | 'replaced' | 'unchanged';
  /** Ids of earlier versions of the same report (same region and plan year) that this one replaced. */
  replaced: string[];
  stats: WriteStats;
}

/** One report's outcome in a batch: loaded (or unchanged), or the error that kept it out. */
export type BatchOutcome = { ok: true; result: LoadResult } | { ok: false; error: AppError };

export interface LoadOptions {
  /** Reload even when the same report (same content hash) is already in the database. */
  force?: boolean;
  /**
   * Nodes and relationships one transaction may write (INGEST_TX_ITEMS): reports are grouped
   * up to it, and a report larger than it alone is refused before anything is written.
   */
  maxItems?: number;
  /** Called before each batch; tests make it throw to prove a failed load leaves no trace. */
  beforeBatch?: (name: string, index: number) => void;
}

/**
 * Nodes and relationships per transaction by default: what the local server's default heap
 * (NEO4J_HEAP=1g, 70% of it for transactions) holds with room to spare. A 1.94-million-character
 * report of prose (about 117,000 items) loads in one; one of headings (225,000) or of one long list
 * (350,000) exhausts it. Raise both together.
 */
export const DEFAULT_TX_ITEMS = 120_000;
/**
 * Reports per transaction at most: enough to spread a commit's fixed cost (index refreshes), few
 * enough that the transaction state stays young in the server's heap. 50 against 100, alternated:
 * 18–26 ms less server CPU per report (88–96 against 105–122), with fewer GC pauses (BENCHMARKS.md,
 * issue 15, fourth pass).
 */
export const MAX_TX_REPORTS = 50;

/** How many nodes and relationships loading a graph writes. */
export function loadItems(graph: ReportGraph): number {
  const counts = expectedCounts(graph);
  const sum = (o: Record<string, number | undefined>) => Object.values(o).reduce<number>((a, b) => a + (b ?? 0), 0);
  return sum(counts.nodes) + sum(counts.relationships);
}

/**
 * Validates a graph for loading.
 * @throws AppError BAD_USER_INPUT naming the first problem, or when the report is larger than one
 *   transaction may be.
 */
function validate(input: ReportGraph, maxItems: number): LoadItem & { items: number } {
  const parsed = ReportGraphSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new AppError(`not a valid ReportGraph: ${issue.path.join('.')}: ${issue.message}`, 'BAD_USER_INPUT');
  }
  const items = loadItems(parsed.data);
  if (items > maxItems)
    throw new AppError(
      `report ${parsed.data.report.id} is too large to load: ${items} nodes and relationships, where one transaction ` +
        `holds at most ${maxItems} (INGEST_TX_ITEMS, sized for the local server's NEO4J_HEAP=1g; raise both together)`,
      'BAD_USER_INPUT',
      { details: { items, maxItems } },
    );
  return { graph: parsed.data, key: reportKey(parsed.data), items };
}

/** A second loader of the same new report lost the race for its id or key: the database refused it. */
function isConstraintRace(error: unknown): boolean {
  if (!isAppError(error)) return false;
  const code = error.details?.neo4jCode ?? (error.cause as { code?: unknown } | undefined)?.code;
  return /ConstraintValidationFailed/.test(String(code ?? ''));
}

/**
 * Writes several validated reports in one transaction: each report already stored with the same
 * content is left alone ('unchanged'), earlier versions are removed, and the rest is written by
 * one plan for all of them. Either all of it commits or none of it does.
 */
async function loadInTx(tx: TxRunner, items: LoadItem[], options: LoadOptions): Promise<LoadResult[]> {
  const existing = await tx.run({
    text: 'MATCH (r:Report) WHERE r.id IN $ids OR r.key IN $keys RETURN r.id AS id, r.key AS key',
    params: { ids: items.map((i) => i.graph.report.id), keys: items.map((i) => i.key) },
  });
  const results: LoadResult[] = [];
  const toWrite: LoadItem[] = [];
  for (const item of items) {
    const id = item.graph.report.id;
    const ids = existing.filter((r) => r.id === id || r.key === item.key).map((r) => String(r.id));
    if (ids.includes(id) && !options.force && ids.length === 1) {
      results.push({ reportId: id, status: 'unchanged', replaced: [], stats: emptyStats() });
      continue;
    }
    const before = { ...tx.stats };
    for (const old of ids) await deleteReportInTx(tx, old);
    const counts = expectedCounts(item.graph);
    const stats: WriteStats = {
      // The report's own nodes and relationships; shared places and enterprises are merged for the whole batch.
      nodesCreated: (['Report', 'Section', 'Indicator', 'Goal', 'Project'] as const).reduce(
        (n, l) => n + (counts.nodes[l] ?? 0),
        0,
      ),
      relationshipsCreated: Object.values(counts.relationships).reduce((a, b) => a + b, 0),
      nodesDeleted: tx.stats.nodesDeleted - before.nodesDeleted,
      relationshipsDeleted: tx.stats.relationshipsDeleted - before.relationshipsDeleted,
      propertiesSet: 0,
    };
    const replaced = ids.filter((x) => x !== id);
    results.push({ reportId: id, status: ids.length > 0 ? 'replaced' : 'created', replaced, stats });
    toWrite.push(item);
  }
  const plan = buildLoadPlan(toWrite);
  for (const [i, batch] of plan.entries()) {
    options.beforeBatch?.(batch.name, i);
    await tx.run(batch.query);
  }
  // Last: the written reports' achievements and targets meet those of their region's
  // neighbouring years, whichever was loaded first (cross-previous.ts).
  await linkCrossReportPrevious(
    tx,
    toWrite.map((i) => i.graph.report.id),
  );
  return results;
}

/**
 * Loads one ReportGraph into Neo4j in a single transaction: earlier versions of the same report
 * (same region and plan year) are removed, then sections, facts, entities and links are written in
 * UNWIND batches. Either all of it commits or nothing does. When another loader stores the same
 * new report at the same moment, the database refuses one of the two; that one is run again and
 * finds the report there ('unchanged').
 * @throws AppError BAD_USER_INPUT when the graph fails validation; DB_* from the store.
 */
export async function loadReportGraph(
  executor: Executor,
  input: ReportGraph,
  options: LoadOptions = {},
): Promise<LoadResult> {
  const item = validate(input, options.maxItems ?? DEFAULT_TX_ITEMS);
  const attempt = async () => {
    // Alone in its transaction, the report's statistics are the transaction's own counts.
    return executor.transaction(async (tx) => ({ ...(await loadInTx(tx, [item], options))[0]!, stats: tx.stats }));
  };
  try {
    return await attempt();
  } catch (error) {
    if (!isConstraintRace(error)) throw error;
    return attempt();
  }
}

/**
 * Loads several ReportGraphs, as many as fit in one transaction (MAX_TX_REPORTS, maxItems), each
 * report still all or nothing: a transaction's reports commit together, and when it fails every report in it is loaded again on
 * its own, so one bad report costs only itself. Two versions of one report (same id or key) never
 * share a batch; the later one is loaded after, alone, and replaces the earlier.
 * @returns one outcome per input, in input order
 * @throws AppError DB_UNAVAILABLE / DB_AUTH when the database cannot be used at all.
 */
export async function loadReportGraphs(
  executor: Executor,
  inputs: ReportGraph[],
  options: LoadOptions = {},
): Promise<BatchOutcome[]> {
  const maxItems = options.maxItems ?? DEFAULT_TX_ITEMS;
  const outcomes: (BatchOutcome | undefined)[] = inputs.map(() => undefined);
  // Transactions of up to MAX_TX_REPORTS reports and maxItems nodes and relationships.
  const groups: { index: number; item: LoadItem }[][] = [];
  let group: { index: number; item: LoadItem }[] = [];
  let groupItems = 0;
  const alone: number[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, index) => {
    try {
      const item = validate(input, maxItems);
      if (seen.has(item.graph.report.id) || seen.has(item.key)) return void alone.push(index);
      seen.add(item.graph.report.id).add(item.key);
      if (group.length > 0 && (group.length >= MAX_TX_REPORTS || groupItems + item.items > maxItems)) {
        groups.push(group);
        group = [];
        groupItems = 0;
      }
      group.push({ index, item });
      groupItems += item.items;
    } catch (error) {
      outcomes[index] = { ok: false, error: error as AppError };
    }
  });
  if (group.length > 0) groups.push(group);
  const one = async (index: number) => {
    try {
      outcomes[index] = { ok: true, result: await loadReportGraph(executor, inputs[index]!, options) };
    } catch (error) {
      if (!isAppError(error) || error.code === 'DB_UNAVAILABLE' || error.code === 'DB_AUTH') throw error;
      outcomes[index] = { ok: false, error };
    }
  };
  for (const batch of groups) {
    if (batch.length === 1) {
      await one(batch[0]!.index);
      continue;
    }
    try {
      const results = await executor.transaction((tx) =>
        loadInTx(
          tx,
          batch.map((b) => b.item),
          options,
        ),
      );
      results.forEach((result, i) => (outcomes[batch[i]!.index] = { ok: true, result }));
    } catch (error) {
      if (isAppError(error) && (error.code === 'DB_UNAVAILABLE' || error.code === 'DB_AUTH')) throw error;
      for (const b of batch) await one(b.index);
    }
  }
  for (const index of alone) await one(index);
  return outcomes.map((o) => o!);
}

/** Versions of a report share this key: a corrected text replaces the old one. */
export function reportKey(graph: ReportGraph): string {
  return `${graph.report.region.code ?? graph.report.region.name}:${graph.report.planYear}`;
}
