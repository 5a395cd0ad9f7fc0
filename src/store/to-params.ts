import neo4j from 'neo4j-driver';

// Measurements stay floats even when whole (10万亩 and 13.89万亩 are the same property type).
const FLOAT_KEYS = new Set([
  'value',
  'baseNumber',
  'confidence',
  'valueMin',
  'valueMax',
  'baseValueMin',
  'baseValueMax',
  'score',
]);

/**
 * Prepares parameters for the driver: whole numbers become Neo4j Integers (years, offsets,
 * SKIP/LIMIT), except measurement keys, which stay floats. JavaScript numbers would otherwise all
 * be sent as floats.
 */
export function toParams(value: unknown, key?: string): unknown {
  if (typeof value === 'number')
    return Number.isInteger(value) && !FLOAT_KEYS.has(key ?? '') ? neo4j.int(value) : value;
  if (Array.isArray(value)) return value.map((v) => toParams(v, key));
  if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toParams(v, k)]));
  }
  return value;
}

/** Whether a property stays a float even when whole (the measurement keys above). */
export const isFloatKey = (key: string) => FLOAT_KEYS.has(key);
