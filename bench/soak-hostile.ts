// npm run soak -- --hostile: the attack battery of issue 18 against a served API (loopback only,
// bounded in count and time): raw request lines, amplifying and malformed GraphQL, floods from
// several clients at once, and clients that disconnect mid-request. Reports inputs tried, coded
// and uncoded answers, exits of the API process and its peak RSS. Uses the database of
// NEO4J_URI (or the local one of NEO4J_BOLT_PORT), whatever graph it holds.
import { readFileSync } from 'node:fs';
import { loadConfig } from '../src/config/env.ts';
import { randomRequest, sendRaw, statusOf } from '../tests/support/raw-requests.ts';
import { startServeProcess } from '../tests/support/serve-process.ts';
import { table } from './stats.ts';

const RAW = Number(process.env.HOSTILE_RAW ?? 10_000);
const ROUNDS = Number(process.env.HOSTILE_ROUNDS ?? 20);
const CLIENTS = 4;
const DEADLINE = Date.now() + Number(process.env.HOSTILE_SECONDS ?? 600) * 1000;

const rssOf = (pid: number) => {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;
  } catch {
    return 0;
  }
};

const nest = (depth: number, inner: string) => {
  let q = inner;
  for (let i = 0; i < depth; i++)
    q = i % 2 === 0 ? `mentions { section { ${q} } }` : `mentions { section { report { title } ${q} } }`;
  return q;
};

/** GraphQL bodies of the battery: amplification, bypasses of the cost limit, malformed requests. */
const GRAPHQL_ATTACKS: { name: string; body: unknown }[] = [
  { name: 'amplify mentions', body: { query: `{ places { nodes { ${nest(4, 'report { text }')} } } }` } },
  {
    name: 'first: $var',
    body: {
      query:
        'query($n: Int) { places(first: $n) { nodes { reports { places(first: $n) { nodes { reports { title } } } } } } }',
      variables: { n: 100 },
    },
  },
  {
    name: 'omitted first',
    body: { query: '{ places { nodes { reports { places { nodes { reports { places { nodes { name } } } } } } } } }' },
  },
  {
    name: 'report texts',
    body: { query: '{ reports(first: 100) { nodes { text sections { text subsections { text } } } } }' },
  },
  {
    name: 'aliases of texts',
    body: {
      query: `{ ${Array.from({ length: 15 }, (_, i) => `a${i}: reports(first: 100) { nodes { text } }`).join(' ')} }`,
    },
  },
  { name: 'sections', body: { query: '{ sections(first: 100) { nodes { text mentions { section { text } } } } }' } },
  { name: 'syntax error', body: { query: '{ version' } },
  { name: 'tokens', body: { query: `{ version ${'__typename '.repeat(5000)} }` } },
  { name: 'deep', body: { query: `{ places { nodes { ${'parent { '.repeat(20)}name${' }'.repeat(20)} } } }` } },
  { name: 'mutation', body: { query: 'mutation { version }' } },
  { name: 'subscription', body: { query: 'subscription { version }' } },
  { name: 'persisted unknown', body: { extensions: { persistedQuery: { version: 1, sha256Hash: 'a'.repeat(64) } } } },
  {
    name: 'persisted bad hash',
    body: { query: '{ version }', extensions: { persistedQuery: { version: 1, sha256Hash: 'b'.repeat(64) } } },
  },
  { name: 'persisted version', body: { extensions: { persistedQuery: { version: 7, sha256Hash: 'x' } } } },
  { name: 'enum typo', body: { query: '{ indicators(where: {kind: [TARGT]}) { totalCount } }' } },
  { name: 'first too large', body: { query: '{ indicators(first: 100000) { totalCount } }' } },
  {
    name: 'bad variables',
    body: { query: 'query($n: Int) { indicators(first: $n) { totalCount } }', variables: { n: 'x'.repeat(1000) } },
  },
  {
    name: 'neighborhood',
    body: { query: '{ neighborhood(id: "x", depth: 3, limit: 500) { nodes { id } edges { id } } }' },
  },
  {
    name: 'search',
    body: { query: '{ search(query: "*:* OR a~ AND \\"", first: 100) { nodes { highlight node { id } } } }' },
  },
  { name: 'not json', body: '{"query": ' },
  { name: 'batch', body: Array.from({ length: 50 }, () => ({ query: '{ version }' })) },
  { name: 'normal', body: { query: '{ indicators(first: 5) { totalCount nodes { id metric } } }' } },
];

async function main() {
  const config = loadConfig();
  const serve = await startServeProcess(
    {
      NEO4J_URI: config.uri,
      NEO4J_USER: config.NEO4J_USER,
      NEO4J_PASSWORD: config.NEO4J_PASSWORD,
      LOG_LEVEL: 'silent',
    },
    ['--max-old-space-size=1024'],
  );
  const pid = serve.child.pid!;
  // Exits before the battery's own SIGTERM at the end.
  let exits = 0;
  let stopping = false;
  serve.child.on('exit', () => (exits += stopping ? 0 : 1));
  let peak = rssOf(pid);
  const sampler = setInterval(() => (peak = Math.max(peak, rssOf(pid))), 100);
  const rows = new Map<string, { tried: number; coded: number; uncoded: number; examples: string[] }>();
  const count = (kind: string, coded: boolean, example: string) => {
    const r = rows.get(kind) ?? { tried: 0, coded: 0, uncoded: 0, examples: [] };
    r.tried += 1;
    if (coded) r.coded += 1;
    else {
      r.uncoded += 1;
      if (r.examples.length < 3) r.examples.push(example.slice(0, 200));
    }
    rows.set(kind, r);
  };
  try {
    // 1. Raw request lines: every one must get an HTTP answer below 500.
    let next = 1;
    await Promise.all(
      Array.from({ length: 16 }, async () => {
        while (next <= RAW && Date.now() < DEADLINE) {
          const seed = next++;
          const status = statusOf(await sendRaw(serve.port, randomRequest(seed)));
          count('raw request lines', status !== undefined && Number(status) < 500, `seed ${seed}: ${status}`);
        }
      }),
    );
    // 2. GraphQL attacks from several clients at once, with normal requests among them.
    const post = async (body: unknown, signal?: AbortSignal) => {
      const res = await fetch(`${serve.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
        signal,
      });
      const text = await res.text();
      let codes: string[] = [];
      try {
        const json = JSON.parse(text) as { errors?: { extensions?: { code?: string } }[] };
        codes = (json.errors ?? []).map((e) => e.extensions?.code ?? 'NONE');
      } catch {
        codes = ['NOT_JSON'];
      }
      return { status: res.status, codes, size: text.length };
    };
    await Promise.all(
      Array.from({ length: CLIENTS }, async (_, c) => {
        for (let round = 0; round < ROUNDS && Date.now() < DEADLINE; round++) {
          for (const attack of GRAPHQL_ATTACKS) {
            try {
              const r = await post(attack.body);
              const coded = r.status < 500 || r.codes.every((x) => x === 'OVERLOADED' || x === 'DB_UNAVAILABLE');
              const named = r.codes.every((x) => x !== 'NONE' && x !== 'INTERNAL_SERVER_ERROR' && x !== 'NOT_JSON');
              count(`graphql: ${attack.name}`, coded && named, `client ${c}: ${r.status} ${r.codes.join(',')}`);
            } catch (error) {
              count(`graphql: ${attack.name}`, false, `client ${c}: ${(error as Error).message}`);
            }
          }
        }
      }),
    );
    // 3. Clients that disconnect mid-request.
    for (let i = 0; i < 50 && Date.now() < DEADLINE; i++) {
      const controller = new AbortController();
      const request = post(GRAPHQL_ATTACKS[5]!.body, controller.signal).catch(() => 'aborted');
      setTimeout(() => controller.abort(), 5 + (i % 10) * 10);
      await request;
      count('disconnect mid-request', serve.child.exitCode === null, 'the API exited');
    }
    const health = await fetch(`${serve.url}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    count('healthz after the battery', health === 200, `status ${health}`);
  } finally {
    clearInterval(sampler);
    stopping = true;
    await serve.stop();
  }
  const all = [...rows.values()];
  const sum = (f: (r: (typeof all)[number]) => number) => all.reduce((a, r) => a + f(r), 0);
  console.log(`<!-- ${new Date().toISOString()} · node ${process.version} -->`);
  console.log(
    `\n## Hostile soak: ${RAW} raw request lines, ${GRAPHQL_ATTACKS.length} GraphQL attacks × ${ROUNDS} rounds × ${CLIENTS} clients, 50 disconnects\n`,
  );
  console.log(
    table(
      ['inputs tried', 'coded answers', 'uncoded answers', 'exits', 'peak API RSS MB'],
      [
        [
          String(sum((r) => r.tried)),
          String(sum((r) => r.coded)),
          String(sum((r) => r.uncoded)),
          String(exits),
          peak.toFixed(0),
        ],
      ],
    ),
  );
  console.log('');
  console.log(
    table(
      ['input', 'tried', 'coded', 'uncoded', 'examples of uncoded'],
      [...rows.entries()].map(([k, r]) => [
        k,
        String(r.tried),
        String(r.coded),
        String(r.uncoded),
        r.examples.join('; '),
      ]),
    ),
  );
}

await main();
