import { expect, test } from 'vitest';
import { createLogger, lineDestination } from '../../src/api/logger.ts';

const capture = (level: Parameters<typeof createLogger>[0] = 'info') => {
  const lines: Record<string, unknown>[] = [];
  return {
    lines,
    logger: createLogger(
      level,
      lineDestination((line) => lines.push(JSON.parse(line))),
    ),
  };
};

test('one JSON line per call, with the level name, an ISO time and the fields', () => {
  const { lines, logger } = capture();
  logger.info({ operationName: 'Q', durationMs: 1.5 }, 'request');
  logger.debug('not at info');
  expect(lines).toHaveLength(1);
  expect(lines[0]).toMatchObject({ level: 'info', msg: 'request', operationName: 'Q', durationMs: 1.5 });
  expect(String(lines[0]?.time)).toMatch(/^\d{4}-\d\d-\d\dT/);
});

test('credentials are redacted: passwords, tokens, authorization and cookie headers', () => {
  const { lines, logger } = capture();
  logger.warn({
    config: { NEO4J_PASSWORD: 'secret-pass', NEO4J_USER: 'neo4j' },
    password: 'p',
    req: { headers: { authorization: 'Basic abc', cookie: 'c=1', accept: '*/*' } },
  });
  const text = JSON.stringify(lines[0]);
  for (const secret of ['secret-pass', '"p"', 'Basic abc', 'c=1']) expect(text).not.toContain(secret);
  expect(lines[0]).toMatchObject({ config: { NEO4J_USER: 'neo4j' }, req: { headers: { accept: '*/*' } } });
});

test('child loggers carry their bindings on every line', () => {
  const { lines, logger } = capture();
  logger.child({ requestId: 'r-1' }).error('failed');
  expect(lines[0]).toMatchObject({ level: 'error', requestId: 'r-1', msg: 'failed' });
});

test('silent writes nothing', () => {
  const { lines, logger } = capture('silent');
  logger.error('nothing');
  expect(lines).toEqual([]);
});
