import { extractReportGraph } from '#extract/pipeline.ts';
import { ReportGraphSchema } from '#domain/report-graph.ts';
import { createReportCsvWriter, type CsvTable, type WrittenReport } from '#store/bulk-csv.ts';
import { reportKey } from '#store/load-report.ts';

/** A bulk load's work on one thread: extract, validate, and write the report's import rows. */
export function bulkTask(dir: string, prefix: string) {
  const writer = createReportCsvWriter(dir, prefix);
  return {
    write(bytes: Uint8Array): WrittenReport {
      const graph = ReportGraphSchema.parse(extractReportGraph(bytes));
      return writer.add(graph, reportKey(graph));
    },
    close: (): CsvTable[] => writer.close(),
  };
}
