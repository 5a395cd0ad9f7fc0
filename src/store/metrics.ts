import { Counter, Gauge, Histogram, register } from 'prom-client';
import type { Executor, WriteStats } from './executor.ts';

// On prom-client's default registry, so one process's counters are the same objects whichever
// command opened the store (`up` ingests and then serves) and /metrics renders them all.
const inUse = new Gauge({
  name: 'plangraph_neo4j_connections_in_use',
  help: 'Neo4j statements and transactions running now, each holding one pooled connection',
  labelNames: ['mode'] as const,
});
const poolMax = new Gauge({
  name: 'plangraph_neo4j_pool_max_size',
  help: 'The driver connection pool size (NEO4J_MAX_POOL_SIZE)',
});
const queryDuration = new Histogram({
  name: 'plangraph_neo4j_query_duration_seconds',
  help: 'Time from borrowing a connection to the last row, by access mode and outcome',
  labelNames: ['mode', 'outcome'] as const,
  buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
});
const ingestTransactions = new Counter({
  name: 'plangraph_ingest_transactions_total',
  help: 'Write transactions (one per report loaded or deleted), by outcome',
  labelNames: ['outcome'] as const,
});
const ingestNodes = new Counter({
  name: 'plangraph_ingest_nodes_total',
  help: 'Nodes created or deleted by committed write transactions',
  labelNames: ['change'] as const,
});
const ingestRelationships = new Counter({
  name: 'plangraph_ingest_relationships_total',
  help: 'Relationships created or deleted by committed write transactions',
  labelNames: ['change'] as const,
});

/** prom-client's registry that the store's metrics live on. */
export const storeMetricsRegistry = register;

async function timed<T>(mode: 'read' | 'write', run: () => Promise<T>): Promise<T> {
  inUse.inc({ mode });
  const end = queryDuration.startTimer({ mode });
  try {
    const result = await run();
    end({ outcome: 'ok' });
    return result;
  } catch (error) {
    end({ outcome: 'error' });
    throw error;
  } finally {
    inUse.dec({ mode });
  }
}

/**
 * Wraps an executor so every statement is counted: connections in use, statement latency, and the
 * write transactions' outcomes and node and relationship counts (the ingest counters).
 */
export function instrumentExecutor(inner: Executor, maxPoolSize: number): Executor {
  poolMax.set(maxPoolSize);
  return {
    read: (query, options) => timed('read', () => inner.read(query, options)),
    write: (query) => timed('write', () => inner.write(query)),
    transaction: (work) =>
      timed('write', async () => {
        let stats: WriteStats | undefined;
        try {
          const result = await inner.transaction(async (tx) => {
            const value = await work(tx);
            // The attempt that commits is the last one to get here; a retried one starts anew.
            stats = tx.stats;
            return value;
          });
          countCommitted(stats);
          return result;
        } catch (error) {
          ingestTransactions.inc({ outcome: 'failed' });
          throw error;
        }
      }),
  };
}

function countCommitted(stats: WriteStats | undefined): void {
  ingestTransactions.inc({ outcome: 'committed' });
  if (!stats) return;
  ingestNodes.inc({ change: 'created' }, stats.nodesCreated);
  ingestNodes.inc({ change: 'deleted' }, stats.nodesDeleted);
  ingestRelationships.inc({ change: 'created' }, stats.relationshipsCreated);
  ingestRelationships.inc({ change: 'deleted' }, stats.relationshipsDeleted);
}
