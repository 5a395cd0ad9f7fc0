import { collectDefaultMetrics, Counter, Histogram, register } from 'prom-client';

/** The HTTP side of /metrics: request counts and latency by operation and status code. */
export interface ApiMetrics {
  contentType: string;
  observeRequest(route: string, operationName: string | null, status: number, seconds: number): void;
  /** Prometheus text format: these metrics, the store's (Neo4j pool, ingest) and the process's. */
  render(): Promise<string>;
}

// Operation names come from clients: only well-formed ones become label values, and at most
// MAX_OPERATIONS distinct ones, so a client cannot grow the series without bound.
const OPERATION_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,63}$/;
const MAX_OPERATIONS = 200;

let requests: Counter<'route' | 'operation' | 'code'> | undefined;
let latency: Histogram<'route' | 'operation' | 'code'> | undefined;

/** Creates the metrics once per process (prom-client's default registry) and returns them. */
export function createApiMetrics(): ApiMetrics {
  if (!requests || !latency) {
    collectDefaultMetrics({ prefix: 'plangraph_' });
    requests = new Counter({
      name: 'plangraph_http_requests_total',
      help: 'HTTP requests answered, by route, GraphQL operation name and status code',
      labelNames: ['route', 'operation', 'code'] as const,
    });
    latency = new Histogram({
      name: 'plangraph_http_request_duration_seconds',
      help: 'Time from the request to the end of its answer, by route, operation and status code',
      labelNames: ['route', 'operation', 'code'] as const,
      buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    });
  }
  const counter = requests;
  const histogram = latency;
  const seen = new Set<string>();
  const operationLabel = (name: string | null): string => {
    if (name === null) return '(anonymous)';
    if (!OPERATION_NAME.test(name)) return '(other)';
    if (!seen.has(name) && seen.size >= MAX_OPERATIONS) return '(other)';
    seen.add(name);
    return name;
  };
  return {
    contentType: register.contentType,
    observeRequest(route, operationName, status, seconds) {
      const labels = {
        route,
        operation: route === '/graphql' ? operationLabel(operationName) : '',
        code: String(status),
      };
      counter.inc(labels);
      histogram.observe(labels, seconds);
    },
    render: () => register.metrics(),
  };
}
