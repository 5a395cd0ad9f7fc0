import { gunzipSync, gzipSync, constants } from 'node:zlib';

// The ReportGraph as extracted is kept on its Report node for `export --format json`. As plain
// JSON it is five times the report's text (113 MB for a 2-million-character list); gzip at the
// fastest level keeps it to about a tenth, which spares the transaction's memory and the wire.
const PREFIX = 'gz:';

/** The graph (without its text, which the report keeps as fullText) as a compact string property. */
export function encodeGraphBlob(graph: object): string {
  const json = JSON.stringify(graph);
  return PREFIX + gzipSync(json, { level: constants.Z_BEST_SPEED }).toString('base64');
}

/** Reads a stored graph blob: gzip-compressed (this version) or plain JSON (stored by 0.1). */
export function decodeGraphBlob(blob: string): unknown {
  const json = blob.startsWith(PREFIX)
    ? gunzipSync(Buffer.from(blob.slice(PREFIX.length), 'base64')).toString('utf8')
    : blob;
  return JSON.parse(json);
}
