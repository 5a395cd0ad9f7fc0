// GraphQL → Cypher, in the manner of neo4j/graphql's TCK: the real schema and resolvers run over
// a recording executor, and the statements and parameters each resolver path sends are pinned
// here. tests/api/cypher-explain.int.test.ts runs EXPLAIN on the same statements against Neo4j.
import { describe, expect, test } from 'vitest';
import { CYPHER_CASES, recordCypher, recordRoundTrips } from '../support/cypher-cases.ts';

const run = (name: string) => recordCypher(CYPHER_CASES.find((c) => c.name === name)!);

describe('Cypher sent per resolver path', () => {
  test('node by id', async () => {
    expect(await run('node by id')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "天门市-2023-1c02f2f6302a/I001",
          },
          "text": "MATCH (n:Indicator {id: $p0}) RETURN n { .id } AS node",
        },
      ]
    `);
  });

  test('indicators with filters, order and cursor', async () => {
    expect(await run('indicators with filters, order and cursor')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": [
              "target",
            ],
            "p1": 2023,
            "p2": 1,
            "p3": "天门市-2023-1c02f2f6302a/S2",
            "p4": "place:429006",
            "p5": "农田",
            "p6": 12.5,
            "p7": "天门市-2023-1c02f2f6302a/I009",
            "p8": 11,
          },
          "text": "MATCH (n:Indicator) WHERE n.kind IN $p0 AND n.year = $p1 AND n.value >= $p2 AND (n.sectionId = $p3 OR n.sectionId STARTS WITH $p3 + '.') AND EXISTS { MATCH (:Section {id: n.sectionId})-[:MENTIONS]->(:Place {id: $p4}) } AND n.metric CONTAINS $p5 WITH n ORDER BY n.value DESC, n.id ASC WITH collect(n) AS matches RETURN size(matches) AS total, [n IN [n IN matches WHERE ((n.value < $p6) OR (n.value = $p6 AND (n.id > $p7)))][..$p8] | n { .id, __k: [n.value, n.id] }] AS nodes",
        },
      ]
    `);
  });

  test('goals by name', async () => {
    expect(await run('goals by name')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": [
              "target",
            ],
            "p1": "文明",
            "p2": 21,
          },
          "text": "MATCH (n:Goal) WHERE n.kind IN $p0 AND n.name CONTAINS $p1 WITH n ORDER BY n.reportId ASC, n.start ASC, n.id ASC LIMIT $p2 RETURN n { .id, __k: [n.reportId, n.start, n.id] } AS node",
        },
      ]
    `);
  });

  test('places by type and parent', async () => {
    expect(await run('places by type and parent')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": [
              "town",
            ],
            "p1": "place:429006",
            "p2": 21,
          },
          "text": "MATCH (n:Place) WHERE n.type IN $p0 AND EXISTS { MATCH (n)-[:PART_OF]->(:Place {id: $p1}) } WITH n ORDER BY n.name ASC, n.id ASC LIMIT $p2 RETURN n { .id, __k: [n.name, n.id] } AS node",
        },
      ]
    `);
  });

  test('projects and enterprises by name', async () => {
    expect(await run('projects and enterprises by name')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "高速",
            "p1": 21,
          },
          "text": "MATCH (n:Project) WHERE n.name CONTAINS $p0 WITH n ORDER BY n.reportId ASC, n.name ASC, n.id ASC WITH collect(n) AS matches RETURN size(matches) AS total, [n IN matches[..$p1] | n { .id, __k: [n.reportId, n.name, n.id] }] AS nodes",
        },
        {
          "params": {
            "p0": "医疗",
            "p1": 21,
          },
          "text": "MATCH (n:Enterprise) WHERE (n.name CONTAINS $p0 OR coalesce(n.aliasText, '') CONTAINS $p0) WITH n ORDER BY n.name ASC, n.id ASC WITH collect(n) AS matches RETURN size(matches) AS total, [n IN matches[..$p1] | n { .id, __k: [n.name, n.id] }] AS nodes",
        },
      ]
    `);
  });

  test('reports and sections', async () => {
    expect(await run('reports and sections')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": 2023,
            "p1": 21,
          },
          "text": "MATCH (n:Report) WHERE n.planYear = $p0 WITH n ORDER BY n.planYear DESC, n.regionName ASC, n.id ASC WITH collect(n) AS matches RETURN size(matches) AS total, [n IN matches[..$p1] | n { .id, __k: [n.planYear, n.regionName, n.id] }] AS nodes",
        },
        {
          "params": {
            "p0": 1,
            "p1": "天门市-2023-1c02f2f6302a",
            "p2": 21,
          },
          "text": "MATCH (n:Section) WHERE n.level = $p0 AND n.reportId = $p1 WITH n ORDER BY n.reportId ASC, n.start ASC, n.id ASC WITH collect(n) AS matches RETURN size(matches) AS total, [n IN matches[..$p2] | n { .id, __k: [n.reportId, n.start, n.id] }] AS nodes",
        },
      ]
    `);
  });

  test('search', async () => {
    expect(await run('search')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": [
              "Indicator",
              "Project",
            ],
            "p1": 5,
            "p2": 200,
            "p3": ""高标准农田"",
          },
          "text": "CALL db.index.fulltext.queryNodes('plangraph_text', $p3, {limit: $p2}) YIELD node, score WITH collect({n: node, score: score}) AS hits WITH size(hits) = $p2 AS windowFull, reduce(m = 1.0e300, h IN hits | CASE WHEN h.score < m THEN h.score ELSE m END) AS floor, hits CALL (hits) { UNWIND hits AS hit WITH hit.n AS n, hit.score AS score WHERE any(l IN labels(n) WHERE l IN $p0) WITH n, score ORDER BY score DESC, n.id LIMIT $p1 RETURN collect(n) AS ns, collect(score) AS ss } RETURN null AS total, 0 AS from, [n IN ns | n { .id, __label: head([l IN labels(n) WHERE l IN ["Project","Place","Enterprise","Report","Section","Indicator","Goal"]]) }] AS nodes, ss AS scores, windowFull, floor",
        },
      ]
    `);
  });

  test('target progress across reports', async () => {
    expect(await run('target progress across reports')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": 2023,
            "p1": "place:429006",
            "p2": "GDP_GROWTH",
            "p3": 0,
            "p4": 5,
            "p5": 1,
          },
          "text": "MATCH (t:Indicator)-[r:PREVIOUS]->(a:Indicator) WHERE t.kind = 'target' AND t.year = $p0 AND t.metricKey = $p2 AND a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL) AND t.baseNumber < a.baseNumber MATCH (rep:Report {id: t.reportId}) WHERE EXISTS { MATCH (w:Place {id: $p1}), (x:Place {id: 'place:' + rep.regionCode}) WHERE x.code STARTS WITH w.code OR EXISTS { (x)-[:PART_OF*0..6]->(w) } } WITH collect({t: t, r: r, a: a, rep: rep, delta: t.baseNumber - a.baseNumber}) AS rows CALL (rows) { UNWIND rows AS x WITH x.delta AS delta ORDER BY delta ASC LIMIT $p3 + $p4 RETURN max(delta) AS edge } UNWIND rows AS x WITH x WHERE x.delta <= edge WITH x.t AS t, x.r AS r, x.a AS a, x.delta AS delta, x.rep AS rep WITH t, rep, r, a, delta, CASE WHEN a.baseNumber = 0 THEN null ELSE toFloat(t.baseNumber) / a.baseNumber END AS ratio WITH t, rep, r, a, delta, ratio ORDER BY delta ASC, rep.planYear DESC, rep.regionName, rep.id, t.start, t.id SKIP $p3 LIMIT $p4 RETURN t { .id, .value, .unit, .baseValue, .baseUnit, .period, __label: head([l IN labels(t) WHERE l IN ["Indicator","Goal"]]), _0: head(COLLECT { MATCH (c1:Report {id: t.reportId}) WITH c1 LIMIT $p5 RETURN c1 { .id, .regionName } }) } AS target, a { .id, .value, .unit, .baseValue, .baseUnit, __label: head([l IN labels(a) WHERE l IN ["Indicator","Goal"]]) } AS previous, r { .confidence } AS rel",
        },
      ]
    `);
  });

  test('compare', async () => {
    expect(await run('compare')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "GDP_GROWTH",
            "p1": 2023,
            "p2": "target",
            "p3": [
              "%",
            ],
            "p4": "place:429006",
            "p5": 100,
          },
          "text": "MATCH (n:Indicator) WHERE n.metricKey = $p0 AND n.year = $p1 AND n.kind = $p2 AND n.baseUnit IN $p3 AND NOT n.threshold AND n.period IS NULL MATCH (rep:Report {id: n.reportId}) WHERE rep.planYear = $p1 AND EXISTS { MATCH (w:Place {id: $p4}), (x:Place {id: 'place:' + rep.regionCode}) WHERE x.code STARTS WITH w.code OR EXISTS { (x)-[:PART_OF*0..6]->(w) } } WITH n, rep, COUNT { MATCH (:Section {id: n.sectionId})-[:STATES]->(hm:Indicator) WHERE hm.kind = n.kind AND hm.year = n.year AND hm.metricKey IS NOT NULL RETURN DISTINCT hm.metricKey } AS weight ORDER BY rep.planYear DESC, weight DESC, n.start, n.id WITH coalesce(rep.regionCode, rep.regionName) AS place, head(collect({n: n, rep: rep})) AS best WITH best.n AS n, best.rep AS rep ORDER BY rep.regionName, rep.id LIMIT $p5 RETURN rep.regionName AS regionName, n { .id, .sectionId, .text, .start, .end, .value, .unit } AS indicator, rep { .id, .regionName } AS report, head(COLLECT { MATCH (pl:Place {id: 'place:' + rep.regionCode}) RETURN pl { .id, .name } }) AS region, head(COLLECT { MATCH (es:Section {id: n.sectionId}) RETURN es { .id, .title } }) AS section",
        },
      ]
    `);
  });

  test('target progress', async () => {
    expect(await run('target progress')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "天门市-2023-1c02f2f6302a",
            "p1": 0,
            "p2": 10000,
          },
          "text": "CALL () { MATCH (t:Indicator) WHERE t.kind = 'target' AND t.reportId = $p0 MATCH (rep:Report {id: t.reportId}) OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Indicator) WHERE a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL) RETURN t, rep, r, a, t.baseNumber - a.baseNumber AS delta, CASE WHEN a.baseNumber = 0 THEN null ELSE toFloat(t.baseNumber) / a.baseNumber END AS ratio UNION ALL MATCH (t:Goal) WHERE t.kind = 'target' AND t.reportId = $p0 MATCH (rep:Report {id: t.reportId}) OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Goal) RETURN t, rep, r, a, null AS delta, null AS ratio } WITH t, rep, r, a, delta, ratio ORDER BY rep.planYear DESC, rep.regionName, rep.id, t.start, t.id SKIP $p1 LIMIT $p2 RETURN t { .id, .value, .unit, .baseValue, .baseUnit, .period, __label: head([l IN labels(t) WHERE l IN ["Indicator","Goal"]]) } AS target, CASE WHEN a IS NULL THEN null ELSE a { .id, .value, .unit, .baseValue, .baseUnit, __label: head([l IN labels(a) WHERE l IN ["Indicator","Goal"]]) } END AS previous, r { .confidence } AS rel",
        },
        {
          "params": {
            "ids": [
              "天门市-2023-1c02f2f6302a",
            ],
          },
          "text": "UNWIND $ids AS id MATCH (n:Report {id: id}) RETURN id, n { .id, .key, .name, .title, .regionName, .regionLevel, .regionCode, .deliveredOn, .meeting, .speaker, .speakerTitle, .reviewYear, .planYear, .sha256, .loadedAt } AS node",
        },
      ]
    `);
  });

  test('neighborhood', async () => {
    expect(await run('neighborhood')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "id": "place:429006",
            "kinds": [
              "Place",
              "Project",
            ],
            "limit": 50,
            "minConfidence": 0.5,
          },
          "text": "MATCH (s:Place {id: $id}) CALL (s) { MATCH (s)-[r]-(m) WHERE ($kinds IS NULL OR head([l IN labels(m) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]) IN $kinds) AND NOT m:PlangraphMigration AND coalesce(r.confidence, 1.0) >= $minConfidence WITH m, min(type(r)) AS type WHERE m <> s ORDER BY type LIMIT $limit RETURN collect({ eid: elementId(m), kind: head([l IN labels(m) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]), node: m { .id } }) AS hops } RETURN elementId(s) AS startEid, head([l IN labels(s) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]) AS startKind, s { .id } AS startNode, hops",
        },
      ]
    `);
  });

  test('paths', async () => {
    expect(await run('paths')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "from": "天门市-2023-1c02f2f6302a/I001",
            "limit": 10,
            "minConfidence": 0.5,
            "to": "place:429006",
          },
          "text": "MATCH (a:Indicator {id: $from}), (b:Place {id: $to}) MATCH p = allShortestPaths((a)-[*..3]-(b)) WHERE all(r IN relationships(p) WHERE coalesce(r.confidence, 1.0) >= $minConfidence) WITH p LIMIT $limit UNWIND relationships(p) AS r WITH DISTINCT r, startNode(r) AS s, endNode(r) AS e RETURN elementId(r) AS rid, type(r) AS type, r { .* } AS rel, [x IN [s, e] | { kind: head([l IN labels(x) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]), node: x { .*, fullText: null, graphJson: null, ownText: null } }] AS ends",
        },
      ]
    `);
  });

  test('stats', async () => {
    expect(await run('stats')).toMatchInlineSnapshot(`
      [
        {
          "params": {},
          "text": "MATCH (n:Report) RETURN 'Report' AS kind, count(n) AS count UNION ALL MATCH (n:Section) RETURN 'Section' AS kind, count(n) AS count UNION ALL MATCH (n:Indicator) RETURN 'Indicator' AS kind, count(n) AS count UNION ALL MATCH (n:Goal) RETURN 'Goal' AS kind, count(n) AS count UNION ALL MATCH (n:Project) RETURN 'Project' AS kind, count(n) AS count UNION ALL MATCH (n:Place) RETURN 'Place' AS kind, count(n) AS count UNION ALL MATCH (n:Enterprise) RETURN 'Enterprise' AS kind, count(n) AS count",
        },
        {
          "params": {},
          "text": "MATCH (r:Report) CALL (r) { MATCH (s:Section {reportId: r.id}) RETURN count(s) AS sections } CALL (r) { MATCH (i:Indicator {reportId: r.id}) RETURN count(i) AS indicators } CALL (r) { MATCH (g:Goal {reportId: r.id}) RETURN count(g) AS goals } CALL (r) { MATCH (p:Project {reportId: r.id}) RETURN count(p) AS projects } CALL (r) { MATCH (:Section {reportId: r.id})-[:MENTIONS]->(x:Place) RETURN count(DISTINCT x) AS places } CALL (r) { MATCH (:Section {reportId: r.id})-[:MENTIONS]->(x:Enterprise) RETURN count(DISTINCT x) AS enterprises } RETURN r.id AS reportId, r.title AS title, sections, indicators, goals, projects, places, enterprises ORDER BY r.planYear DESC, r.regionName",
        },
        {
          "params": {
            "limit": 50,
          },
          "text": "MATCH (s:Section)-[:MENTIONS]->(p:Place) WITH p, count(*) AS mentions, count(DISTINCT s.reportId) AS reports RETURN p.id AS placeId, p.name AS name, p.type AS type, mentions, reports ORDER BY mentions DESC, p.name LIMIT $limit",
        },
      ]
    `);
  });

  test('trace', async () => {
    expect(await run('trace')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "id": "天门市-2023-1c02f2f6302a/I001",
          },
          "text": "MATCH (n:Indicator {id: $id}) OPTIONAL CALL (n) { WITH n.id AS id MATCH (x:Project)-[r:SERVES]->(:Indicator {id: id}) RETURN id, 'Project' AS label, x { .* } AS node, r { .* } AS rel ORDER BY r.confidence DESC, x.name } WITH n, collect(CASE WHEN label IS NULL THEN null ELSE { label: label, node: node, rel: rel } END) AS related RETURN n { .* } AS root, related",
        },
      ]
    `);
  });

  test('nested report (planned: one statement)', async () => {
    expect(await run('nested report (planned: one statement)')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "天门市-2023-1c02f2f6302a",
            "p1": 10,
            "p2": 10,
            "p3": 10,
            "p4": 20,
            "p5": 0.5,
            "p6": 5,
            "p7": 5,
          },
          "text": "MATCH (n:Report {id: $p0}) RETURN n { .id, .title, _0: COLLECT { MATCH (n)-[r2:HAS_SECTION]->(c1:Section) WITH c1 ORDER BY c1.start LIMIT $p1 RETURN c1 { .id, .title, _0: COLLECT { MATCH (c1)-[r4:HAS_SUBSECTION]->(c3:Section) WITH c3 ORDER BY c3.start LIMIT $p2 RETURN c3 { .id, .title, _0: COLLECT { MATCH (c3)-[r6:HAS_SUBSECTION]->(c5:Section) WITH c5 ORDER BY c5.start LIMIT $p3 RETURN c5 { .id, .title, _0: COLLECT { MATCH (c5)-[r8:STATES]->(c7:Indicator) WITH c7 ORDER BY c7.start LIMIT $p4 RETURN c7 { .id, .metric, .value, .unit, _0: COLLECT { MATCH (c9:Project)-[r10:SERVES]->(c7) WHERE r10.confidence >= $p5 WITH c9, r10 ORDER BY r10.confidence DESC, c9.name LIMIT $p6 RETURN c9 { .id, .name, _0: COLLECT { MATCH (c9)-[r12:LOCATED_IN]->(c11:Place) WITH c11 ORDER BY c11.name LIMIT $p7 RETURN c11 { .id, .name } }, _rel: r10 { .confidence } } } } } } } } } } } } AS node",
        },
      ]
    `);
  });

  test('node through interfaces and fragments', async () => {
    expect(await run('node through interfaces and fragments')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "天门市-2023-1c02f2f6302a/I001",
            "p1": 1,
            "p2": 1,
          },
          "text": "MATCH (n:Indicator {id: $p0}) RETURN n { .id, .kind, .sectionId, .text, .start, .end, .value, .unit, .baseValue, .baseUnit, _0: head(COLLECT { MATCH (c1:Section {id: n.sectionId}) WITH c1 LIMIT $p1 RETURN c1 { .id, .path, .title } }), _1: head(COLLECT { MATCH (n)-[r4:PREVIOUS]->(c3) WITH c3, r4 ORDER BY r4.confidence DESC LIMIT $p2 RETURN c3 { .id, .value, .unit, .baseValue, .baseUnit, .name, __label: head([l IN labels(c3) WHERE l IN ["Indicator","Goal"]]), _rel: r4 { .confidence } } }) } AS node",
        },
      ]
    `);
  });

  test('projects with places and enterprises', async () => {
    expect(await run('projects with places and enterprises')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": "天门市-2023-1c02f2f6302a",
            "p1": 6,
            "p2": 100,
            "p3": 100,
          },
          "text": "MATCH (n:Project) WHERE n.reportId = $p0 WITH n ORDER BY n.reportId ASC, n.name ASC, n.id ASC LIMIT $p1 RETURN n { .id, .name, _0: COLLECT { MATCH (n)-[r2:LOCATED_IN]->(c1:Place) WITH c1 ORDER BY c1.name LIMIT $p2 RETURN c1 { .id, .name } }, _1: COLLECT { MATCH (c3:Enterprise)-[r4:INVOLVES]->(n) WITH c3 ORDER BY c3.name LIMIT $p3 RETURN c3 { .id, .name } }, __k: [n.reportId, n.name, n.id] } AS node",
        },
      ]
    `);
  });

  test('search in one kind', async () => {
    expect(await run('search in one kind')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "p0": [
              "Indicator",
            ],
            "p1": 20,
            "p2": 200,
            "p3": ""高标准农田"",
          },
          "text": "CALL db.index.fulltext.queryNodes('plangraph_text', $p3, {limit: $p2}) YIELD node, score WITH collect({n: node, score: score}) AS hits WITH size(hits) = $p2 AS windowFull, reduce(m = 1.0e300, h IN hits | CASE WHEN h.score < m THEN h.score ELSE m END) AS floor, hits CALL (hits) { UNWIND hits AS hit WITH hit.n AS n, hit.score AS score WHERE any(l IN labels(n) WHERE l IN $p0) WITH n, score ORDER BY score DESC, n.id LIMIT $p1 RETURN collect(n) AS ns, collect(score) AS ss } RETURN null AS total, 0 AS from, [n IN ns | n { .id, .name, .title, .metric, .text, .ownText, .aliasText, __label: head([l IN labels(n) WHERE l IN ["Project","Place","Enterprise","Report","Section","Indicator","Goal"]]) }] AS nodes, ss AS scores, windowFull, floor",
        },
      ]
    `);
  });

  test('each planned root field is one statement, however deep its selection', async () => {
    const planned = [
      'node by id',
      'indicators with filters, order and cursor',
      'goals by name',
      'search',
      'nested report (planned: one statement)',
      'node through interfaces and fragments',
      'projects with places and enterprises',
      'search in one kind',
      'target progress across reports',
      'compare',
    ];
    for (const name of planned) {
      const trips = await recordRoundTrips(CYPHER_CASES.find((c) => c.name === name)!);
      expect(
        trips.map((t) => t.length),
        name,
      ).toEqual([1]);
    }
  });

  test('trace reads the root and its links in one statement; target progress its root and rows in one round trip', async () => {
    const trips = async (name: string) =>
      (await recordRoundTrips(CYPHER_CASES.find((c) => c.name === name)!)).map((t) => t.length);
    expect(await trips('trace')).toEqual([1]);
    expect(await trips('target progress')).toEqual([2]);
  });
});
