import DataLoader from 'dataloader';
import type { Executor } from '#store/executor.ts';
import { LABELS, type Label } from '#store/model.ts';
import { readNodes, readRelation, readReportTexts, type RelationName, type Related } from '#store/read/relations.ts';
import { tag, type Row } from './models.ts';

/**
 * Per-request DataLoaders: every node or relation a query touches at one depth is fetched in
 * one batched round trip, so round trips grow with the query's depth, not its result size.
 * `planner` (on by default) lets root fields read their whole selection in one planned
 * statement (src/api/planner); off, every field goes through these loaders, as before the
 * planner (the equivalence test compares both).
 */
export function createLoaders(executor: Executor, options: { planner?: boolean } = {}) {
  // Made on first use: a request the planner answers in one statement never needs them.
  let nodes: Record<Label, DataLoader<string, Row | null>> | undefined;
  let reportText: DataLoader<string, string | null> | undefined;
  const relations = new Map<RelationName, DataLoader<string, Related[]>>();
  return {
    planner: options.planner ?? true,
    get nodes(): Record<Label, DataLoader<string, Row | null>> {
      nodes ??= Object.fromEntries(
        LABELS.map((label) => [
          label,
          new DataLoader<string, Row | null>(async (ids) =>
            (await readNodes(executor, label, ids)).map((n) => (n ? tag(label, n) : null)),
          ),
        ]),
      ) as Record<Label, DataLoader<string, Row | null>>;
      return nodes;
    },
    get reportText(): DataLoader<string, string | null> {
      reportText ??= new DataLoader<string, string | null>((ids) => readReportTexts(executor, ids));
      return reportText;
    },
    relation(name: RelationName): DataLoader<string, Related[]> {
      let loader = relations.get(name);
      if (!loader) {
        loader = new DataLoader<string, Related[]>((ids) => readRelation(executor, name, ids));
        relations.set(name, loader);
      }
      return loader;
    },
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
