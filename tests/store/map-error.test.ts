import { Neo4jError } from 'neo4j-driver';
import { describe, expect, test } from 'vitest';
import { mapNeo4jError } from '../../src/store/map-error.ts';

const neo4jError = (code: string) => new Neo4jError('message from Neo4j', code, 'gql', 'description');
const codeOf = (error: unknown) => mapNeo4jError(error, 'bolt://db:7687').code;

describe('mapNeo4jError', () => {
  test('an unreachable server, or a database still starting or already stopping, is DB_UNAVAILABLE', () => {
    expect(codeOf(neo4jError('ServiceUnavailable'))).toBe('DB_UNAVAILABLE');
    expect(codeOf(neo4jError('SessionExpired'))).toBe('DB_UNAVAILABLE');
    expect(codeOf(neo4jError('Neo.TransientError.General.DatabaseUnavailable'))).toBe('DB_UNAVAILABLE');
    expect(codeOf(neo4jError('Neo.TransientError.Database.DatabaseUnavailable'))).toBe('DB_UNAVAILABLE');
    expect(codeOf(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe('DB_UNAVAILABLE');
    expect(
      mapNeo4jError(neo4jError('Neo.TransientError.General.DatabaseUnavailable'), 'bolt://db:7687').message,
    ).toContain('bolt://db:7687');
  });

  test('other failures keep their own codes', () => {
    expect(codeOf(neo4jError('Neo.ClientError.Security.Unauthorized'))).toBe('DB_AUTH');
    expect(codeOf(neo4jError('Neo.ClientError.Transaction.TransactionTimedOutClientConfiguration'))).toBe('TIMEOUT');
    expect(codeOf(neo4jError('Neo.ClientError.Database.DatabaseNotFound'))).toBe('CONFIG');
    expect(codeOf(neo4jError('Neo.ClientError.Statement.SyntaxError'))).toBe('DB_ERROR');
    expect(codeOf(new Error('something else'))).toBe('DB_ERROR');
  });
});
