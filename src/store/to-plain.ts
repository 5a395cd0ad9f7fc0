import neo4j from 'neo4j-driver';

/** Bytes counted while converting (see toPlain); an estimate of the value's JSON size. */
export interface ByteCount {
  bytes: number;
}

/**
 * Turns driver values into plain JSON-friendly values: Integers to numbers (or strings past
 * 2^53), temporals to ISO strings, nodes and relationships to their properties. Driver records
 * never leave src/store, so this runs once per value at the boundary. With `count`, it also adds
 * the value's estimated JSON size (strings in UTF-8 plus quotes, 8 per scalar, keys and
 * punctuation) in the same walk. Lists and maps are converted in place: the driver builds them
 * afresh for each record and keeps none of them, so copying them was only garbage.
 */
export function toPlain(value: unknown, count?: ByteCount): unknown {
  if (typeof value === 'string') {
    if (count) count.bytes += utf8Length(value) + 2;
    return value;
  }
  if (value === null || value === undefined || typeof value !== 'object') {
    if (count) count.bytes += 8;
    return value ?? null;
  }
  if (Array.isArray(value)) {
    if (count) count.bytes += 2 + value.length;
    for (let i = 0; i < value.length; i++) value[i] = toPlain(value[i], count);
    return value;
  }
  // Maps from records and map projections are plain objects: no driver type to test them against.
  if (Object.getPrototypeOf(value) !== Object.prototype) {
    if (neo4j.isInt(value)) {
      if (count) count.bytes += 8;
      return value.inSafeRange() ? value.toNumber() : value.toString();
    }
    if (
      neo4j.isDate(value) ||
      neo4j.isDateTime(value) ||
      neo4j.isLocalDateTime(value) ||
      neo4j.isTime(value) ||
      neo4j.isLocalTime(value) ||
      neo4j.isDuration(value)
    ) {
      const text = value.toString();
      if (count) count.bytes += text.length + 2;
      return text;
    }
    if (neo4j.isNode(value) || neo4j.isRelationship(value)) return toPlain(value.properties, count);
  }
  const map = value as Record<string, unknown>;
  if (count) count.bytes += 2;
  for (const k in map) {
    if (count) count.bytes += k.length + 4;
    map[k] = toPlain(map[k], count);
  }
  return map;
}

/**
 * A string's length in UTF-8. Most values are short (names, titles, metrics), and for those a
 * loop is several times cheaper than Buffer.byteLength's call into C++; long texts go there.
 */
export function utf8Length(text: string): number {
  if (text.length > 64) return Buffer.byteLength(text);
  let bytes = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) continue;
    if (c < 0x800) bytes += 1;
    else if (c >= 0xd800 && c < 0xdc00 && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      // A surrogate pair: 4 bytes for its 2 units.
      bytes += 2;
      i++;
    } else bytes += 2; // 3 bytes, a lone surrogate too (it is written as U+FFFD)
  }
  return bytes;
}
