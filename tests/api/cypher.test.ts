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
            "ids": [
              "天门市-2023-1c02f2f6302a/I001",
            ],
          },
          "text": "UNWIND $ids AS id MATCH (n:Indicator {id: id}) RETURN id, n { .* } AS node",
        },
      ]
    `);
  });

  test('indicators with filters, order and cursor', async () => {
    expect(await run('indicators with filters, order and cursor')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "kind": [
              "target",
            ],
            "limit": 10,
            "metricContains": "农田",
            "offset": 10,
            "placeId": "place:429006",
            "sectionId": "天门市-2023-1c02f2f6302a/S2",
            "valueMin": 1,
            "year": 2023,
          },
          "text": "MATCH (n:Indicator) WHERE n.kind IN $kind AND n.year = $year AND n.value >= $valueMin AND (n.sectionId = $sectionId OR n.sectionId STARTS WITH $sectionId + '.') AND EXISTS { MATCH (:Section {id: n.sectionId})-[:MENTIONS]->(:Place {id: $placeId}) } AND n.metric CONTAINS $metricContains RETURN n { .* } AS node ORDER BY n.value DESC, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "kind": [
              "target",
            ],
            "metricContains": "农田",
            "placeId": "place:429006",
            "sectionId": "天门市-2023-1c02f2f6302a/S2",
            "valueMin": 1,
            "year": 2023,
          },
          "text": "MATCH (n:Indicator) WHERE n.kind IN $kind AND n.year = $year AND n.value >= $valueMin AND (n.sectionId = $sectionId OR n.sectionId STARTS WITH $sectionId + '.') AND EXISTS { MATCH (:Section {id: n.sectionId})-[:MENTIONS]->(:Place {id: $placeId}) } AND n.metric CONTAINS $metricContains RETURN count(n) AS total",
        },
      ]
    `);
  });

  test('goals by name', async () => {
    expect(await run('goals by name')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "kind": [
              "target",
            ],
            "limit": 20,
            "nameContains": "文明",
            "offset": 0,
          },
          "text": "MATCH (n:Goal) WHERE n.kind IN $kind AND n.name CONTAINS $nameContains RETURN n { .* } AS node ORDER BY n.reportId, n.start, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "kind": [
              "target",
            ],
            "nameContains": "文明",
          },
          "text": "MATCH (n:Goal) WHERE n.kind IN $kind AND n.name CONTAINS $nameContains RETURN count(n) AS total",
        },
      ]
    `);
  });

  test('places by type and parent', async () => {
    expect(await run('places by type and parent')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "limit": 20,
            "offset": 0,
            "parentId": "place:429006",
            "type": [
              "town",
            ],
          },
          "text": "MATCH (n:Place) WHERE n.type IN $type AND EXISTS { MATCH (n)-[:PART_OF]->(:Place {id: $parentId}) } RETURN n { .* } AS node ORDER BY n.name, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "parentId": "place:429006",
            "type": [
              "town",
            ],
          },
          "text": "MATCH (n:Place) WHERE n.type IN $type AND EXISTS { MATCH (n)-[:PART_OF]->(:Place {id: $parentId}) } RETURN count(n) AS total",
        },
      ]
    `);
  });

  test('projects and enterprises by name', async () => {
    expect(await run('projects and enterprises by name')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "limit": 20,
            "nameContains": "高速",
            "offset": 0,
          },
          "text": "MATCH (n:Project) WHERE n.name CONTAINS $nameContains RETURN n { .* } AS node ORDER BY n.reportId, n.name, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "nameContains": "高速",
          },
          "text": "MATCH (n:Project) WHERE n.name CONTAINS $nameContains RETURN count(n) AS total",
        },
        {
          "params": {
            "limit": 20,
            "nameContains": "医疗",
            "offset": 0,
          },
          "text": "MATCH (n:Enterprise) WHERE (n.name CONTAINS $nameContains OR coalesce(n.aliasText, '') CONTAINS $nameContains) RETURN n { .* } AS node ORDER BY n.name, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "nameContains": "医疗",
          },
          "text": "MATCH (n:Enterprise) WHERE (n.name CONTAINS $nameContains OR coalesce(n.aliasText, '') CONTAINS $nameContains) RETURN count(n) AS total",
        },
      ]
    `);
  });

  test('reports and sections', async () => {
    expect(await run('reports and sections')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "limit": 20,
            "offset": 0,
            "planYear": 2023,
          },
          "text": "MATCH (n:Report) WHERE n.planYear = $planYear RETURN n { .id, .key, .name, .title, .regionName, .regionLevel, .regionCode, .deliveredOn, .meeting, .speaker, .speakerTitle, .reviewYear, .planYear, .sha256, .loadedAt } AS node ORDER BY n.planYear DESC, n.regionName, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "planYear": 2023,
          },
          "text": "MATCH (n:Report) WHERE n.planYear = $planYear RETURN count(n) AS total",
        },
        {
          "params": {
            "level": 1,
            "limit": 20,
            "offset": 0,
            "reportId": "天门市-2023-1c02f2f6302a",
          },
          "text": "MATCH (n:Section) WHERE n.level = $level AND n.reportId = $reportId RETURN n { .* } AS node ORDER BY n.reportId, n.start, n.id SKIP $offset LIMIT $limit",
        },
        {
          "params": {
            "level": 1,
            "reportId": "天门市-2023-1c02f2f6302a",
          },
          "text": "MATCH (n:Section) WHERE n.level = $level AND n.reportId = $reportId RETURN count(n) AS total",
        },
      ]
    `);
  });

  test('search', async () => {
    expect(await run('search')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "allLabels": [
              "Report",
              "Section",
              "Indicator",
              "Goal",
              "Project",
              "Place",
              "Enterprise",
            ],
            "candidates": 50,
            "first": 5,
            "labels": [
              "Indicator",
              "Project",
            ],
            "q": ""高标准农田"",
          },
          "text": "CALL db.index.fulltext.queryNodes('plangraph_text', $q, {limit: $candidates}) YIELD node, score WITH node, score, head([l IN labels(node) WHERE l IN $allLabels]) AS label WHERE $labels IS NULL OR label IN $labels RETURN label, node { .*, fullText: null, graphJson: null } AS node, score ORDER BY score DESC, node.id LIMIT $first",
        },
      ]
    `);
  });

  test('target progress', async () => {
    expect(await run('target progress')).toMatchInlineSnapshot(`
      [
        {
          "params": {
            "id": "天门市-2023-1c02f2f6302a",
          },
          "text": "MATCH (t:Indicator {reportId: $id}) WHERE t.kind = 'target' OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Indicator) RETURN 'Indicator' AS targetLabel, t { .* } AS target, CASE WHEN a IS NULL THEN null ELSE 'Indicator' END AS previousLabel, a { .* } AS previous, r { .* } AS rel, t.start AS at UNION ALL MATCH (t:Goal {reportId: $id}) WHERE t.kind = 'target' OPTIONAL MATCH (t)-[r:PREVIOUS]->(a:Goal) RETURN 'Goal' AS targetLabel, t { .* } AS target, CASE WHEN a IS NULL THEN null ELSE 'Goal' END AS previousLabel, a { .* } AS previous, r { .* } AS rel, t.start AS at",
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
          },
          "text": "MATCH (m:Place {id: $id}) RETURN elementId(m) AS eid, head([l IN labels(m) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]) AS kind, m { .*, fullText: null, graphJson: null, text: CASE WHEN m:Section THEN null ELSE m.text END } AS node",
        },
        {
          "params": {
            "eids": [
              "e1",
            ],
            "kinds": [
              "Place",
              "Project",
            ],
            "limit": 198,
            "seen": [
              "e1",
            ],
          },
          "text": "UNWIND $eids AS eid MATCH (n) WHERE elementId(n) = eid MATCH (n)-[r]-(m) WHERE ($kinds IS NULL OR head([l IN labels(m) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]) IN $kinds) AND NOT m:PlangraphMigration WITH r, m, NOT elementId(m) IN $seen AS fresh RETURN elementId(r) AS rid, type(r) AS type, startNode(r).id AS source, endNode(r).id AS target, r { .* } AS rel, elementId(m) AS eid, head([l IN labels(m) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]) AS kind, m { .*, fullText: null, graphJson: null, text: CASE WHEN m:Section THEN null ELSE m.text END } AS node, fresh ORDER BY fresh, type LIMIT $limit",
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
            "to": "place:429006",
          },
          "text": "MATCH (a:Indicator {id: $from}), (b:Place {id: $to}) MATCH p = allShortestPaths((a)-[*..3]-(b)) WITH p LIMIT $limit UNWIND relationships(p) AS r WITH DISTINCT r, startNode(r) AS s, endNode(r) AS e RETURN elementId(r) AS rid, type(r) AS type, r { .* } AS rel, [x IN [s, e] | { kind: head([l IN labels(x) WHERE l IN ["Report","Section","Indicator","Goal","Project","Place","Enterprise"]]), node: x { .*, fullText: null, graphJson: null, text: CASE WHEN x:Section THEN null ELSE x.text END } }] AS ends",
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
            "ids": [
              "天门市-2023-1c02f2f6302a/I001",
            ],
          },
          "text": "UNWIND $ids AS id MATCH (n:Indicator {id: id}) RETURN id, n { .* } AS node",
        },
        {
          "params": {
            "ids": [
              "天门市-2023-1c02f2f6302a/I001",
            ],
          },
          "text": "UNWIND $ids AS id MATCH (x:Project)-[r:SERVES]->(:Indicator {id: id}) RETURN id, 'Project' AS label, x { .* } AS node, r { .* } AS rel ORDER BY r.confidence DESC, x.name",
        },
      ]
    `);
  });

  test('trace and target progress read the root and its rows in one round trip', async () => {
    for (const name of ['trace', 'target progress']) {
      const trips = await recordRoundTrips(CYPHER_CASES.find((c) => c.name === name)!);
      expect(trips.map((t) => t.length)).toEqual([2]);
    }
  });
});
