import { describe, expect, test } from 'vitest';
import { loadConfig } from '../../src/config/env.ts';

describe('loadConfig', () => {
  test('uses the local server when NEO4J_URI is not set', () => {
    const config = loadConfig({ NEO4J_BOLT_PORT: '7999' });
    expect(config.external).toBe(false);
    expect(config.uri).toBe('bolt://127.0.0.1:7999');
    expect(config.NEO4J_DATABASE).toBe('neo4j');
    expect(config.PORT).toBe(4000);
  });

  test('lets NEO4J_URI win and marks the server as external', () => {
    const config = loadConfig({ NEO4J_URI: 'neo4j+s://abc.databases.neo4j.io', NEO4J_PASSWORD: 'secret-secret' });
    expect(config.external).toBe(true);
    expect(config.uri).toBe('neo4j+s://abc.databases.neo4j.io');
    expect(config.NEO4J_PASSWORD).toBe('secret-secret');
  });

  test('treats an empty variable as unset', () => {
    expect(loadConfig({ NEO4J_URI: '' }).external).toBe(false);
  });

  test('names every bad variable in one CONFIG error', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://localhost:7474', PORT: 'eighty' })).toThrowError(
      expect.objectContaining({
        code: 'CONFIG',
        message: expect.stringMatching(/NEO4J_URI: a bolt:\/\/.*PORT:/s),
      }),
    );
  });

  test('rejects a password Neo4j would refuse', () => {
    expect(() => loadConfig({ NEO4J_PASSWORD: 'short' })).toThrowError(/NEO4J_PASSWORD: at least 8/);
  });
});

describe('loadConfig for one command (lazy)', () => {
  test('a bad variable fails only when it is read, naming it in plain words', () => {
    const config = loadConfig({ PORT: 'abc', NEO4J_DATABASE: 'graphs' }, { lazy: true });
    expect(config.NEO4J_DATABASE).toBe('graphs');
    expect(config.uri).toBe('bolt://127.0.0.1:7687');
    expect(() => config.PORT).toThrowError(
      expect.objectContaining({ code: 'CONFIG', message: 'bad configuration: PORT: a port number from 1 to 65535' }),
    );
  });

  test('a derived setting fails with the variables it comes from', () => {
    const config = loadConfig({ NEO4J_URI: 'http://x' }, { lazy: true });
    expect(() => config.uri).toThrowError(/NEO4J_URI/);
    expect(config.PORT).toBe(4000);
  });
});

describe('Neo4j URI schemes', () => {
  test.each(['bolt+ssc://db.example:7687', 'neo4j+ssc://db.example', 'neo4j://db.example', 'bolt+s://db.example'])(
    'accepts %s',
    (uri) => {
      expect(loadConfig({ NEO4J_URI: uri }).uri).toBe(uri);
    },
  );
  test('refuses http://', () => {
    expect(() => loadConfig({ NEO4J_URI: 'http://db.example' })).toThrowError(/bolt\+ssc:\/\//);
  });
});
