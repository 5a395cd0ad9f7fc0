import type { ErrorCode } from '#errors/app-error.ts';

/**
 * Documented exit codes (README: CLI). 0 success; 1 unexpected failure; 2 bad arguments or
 * configuration; 3 the database is unreachable or refused us; 4 something named was not found;
 * 5 the input is not a report; 6 the local Neo4j could not be fetched or started; 7 a file
 * could not be read or written; 8 a quality bar was missed (eval --min-f1).
 */
export const EXIT = {
  OK: 0,
  INTERNAL: 1,
  USAGE: 2,
  DB: 3,
  NOT_FOUND: 4,
  NOT_A_REPORT: 5,
  NEO4J_LOCAL: 6,
  IO: 7,
  QUALITY: 8,
} as const;

export function exitCodeFor(code: ErrorCode): number {
  switch (code) {
    case 'BAD_USER_INPUT':
    case 'CONFIG':
    case 'QUERY_TOO_COMPLEX':
    case 'RESPONSE_TOO_LARGE':
    case 'PERSISTED_QUERY_NOT_ALLOWED':
      return EXIT.USAGE;
    case 'DB_UNAVAILABLE':
    case 'DB_AUTH':
    case 'DB_ERROR':
    case 'TIMEOUT':
    case 'REQUEST_TIMEOUT':
    case 'OVERLOADED':
    case 'CLIENT_CLOSED':
      return EXIT.DB;
    case 'NOT_FOUND':
      return EXIT.NOT_FOUND;
    case 'NOT_A_REPORT':
      return EXIT.NOT_A_REPORT;
    case 'NEO4J_LOCAL':
      return EXIT.NEO4J_LOCAL;
    case 'IO':
      return EXIT.IO;
    case 'INTERNAL':
      return EXIT.INTERNAL;
    default: {
      const unreachable: never = code;
      return unreachable;
    }
  }
}
