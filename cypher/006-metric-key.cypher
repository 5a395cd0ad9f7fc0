// The canonical metric of an indicator: compare and targetProgress filter on it, and the loader
// pairs a report's achievements with the previous year's targets by it.
CREATE INDEX indicator_metric_key IF NOT EXISTS FOR (n:Indicator) ON (n.metricKey, n.year);
