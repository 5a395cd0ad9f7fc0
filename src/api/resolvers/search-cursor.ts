import { AppError } from '#errors/app-error.ts';
import type { SearchAfter } from '#store/read/search.ts';

// A search cursor is an opaque base64url of the hit's place in the ranking (score, then id): the
// next page starts after it, whatever was added or removed before it.
export const encodeSearchCursor = (hit: SearchAfter) =>
  Buffer.from(JSON.stringify(['s', hit.score, hit.id])).toString('base64url');

/** @throws AppError BAD_USER_INPUT for anything but a search cursor. */
export function decodeSearchCursor(cursor: string): SearchAfter {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    value = null;
  }
  if (
    !Array.isArray(value) ||
    value.length !== 3 ||
    value[0] !== 's' ||
    typeof value[1] !== 'number' ||
    !Number.isFinite(value[1]) ||
    typeof value[2] !== 'string'
  )
    throw new AppError('invalid cursor: use the endCursor of a previous search page', 'BAD_USER_INPUT');
  return { score: value[1], id: value[2] };
}
