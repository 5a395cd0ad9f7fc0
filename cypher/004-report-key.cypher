// Versions of a report share a key (region + plan year); the loader looks them up by it.
CREATE INDEX report_key IF NOT EXISTS FOR (n:Report) ON (n.key);
