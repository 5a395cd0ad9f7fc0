// Type definitions for @neo4j/graphql over plangraph's graph: the same labels, relationship
// types and properties (README: Graph model), so the peer reads exactly the data plangraph does.
import { headlineOrder, headlineWeight } from '../src/store/read/headline.ts';

const COMPARE_STATEMENT = `MATCH (n:Indicator) WHERE n.metricKey = $metricKey AND n.year = $year AND n.kind = 'target'
  AND n.baseUnit IN $baseUnits AND NOT n.threshold AND n.period IS NULL
  MATCH (rep:Report {id: n.reportId}) WHERE rep.planYear = $year
  WITH n, rep, ${headlineWeight('n')} AS weight ORDER BY rep.planYear DESC, ${headlineOrder('n', 'weight')}
  WITH coalesce(rep.regionCode, rep.regionName) AS place, head(collect({n: n, rep: rep})) AS best
  WITH best.n AS n, best.rep AS rep ORDER BY rep.regionName, rep.id RETURN n`.replace(/\s+/g, ' ');

const BELOW_STATEMENT = `MATCH (t:Indicator) WHERE t.kind = 'target' MATCH (rep:Report {id: t.reportId})
  MATCH (t)-[:PREVIOUS]->(a:Indicator) WHERE a.baseUnit = t.baseUnit AND (a.period IS NULL) = (t.period IS NULL)
    AND t.baseNumber < a.baseNumber
  WITH t, rep, t.baseNumber - a.baseNumber AS delta
  ORDER BY delta, rep.planYear DESC, rep.regionName, rep.id, t.start, t.id LIMIT $first RETURN t`.replace(/\s+/g, ' ');

export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Report @node {
    id: ID!
    title: String!
    regionName: String
    planYear: Int
    sections: [Section!]! @relationship(type: "HAS_SECTION", direction: OUT)
  }
  type Section @node {
    id: ID!
    reportId: String!
    title: String!
    level: Int!
    start: Int!
    subsections: [Section!]! @relationship(type: "HAS_SUBSECTION", direction: OUT)
    indicators: [Indicator!]! @relationship(type: "STATES", direction: OUT)
    mentionsPlaces: [Place!]! @relationship(type: "MENTIONS", direction: OUT)
  }
  type Serves @relationshipProperties {
    confidence: Float!
    text: String
    sectionId: String
  }
  type Indicator
    @node
    @fulltext(indexes: [{ indexName: "plangraph_text", queryName: "indicatorsByText", fields: ["metric", "text"] }]) {
    id: ID!
    reportId: String!
    sectionId: String!
    kind: String!
    year: Int!
    metric: String!
    value: Float!
    unit: String!
    text: String!
    start: Int!
    section: [Section!]! @relationship(type: "STATES", direction: IN)
    servedBy: [Project!]! @relationship(type: "SERVES", direction: IN, properties: "Serves")
    previous: [Indicator!]! @relationship(type: "PREVIOUS", direction: OUT)
    reportOf: Report @cypher(statement: "MATCH (r:Report {id: this.reportId}) RETURN r", columnName: "r")
  }
  type Project @node {
    id: ID!
    reportId: String!
    name: String!
    places: [Place!]! @relationship(type: "LOCATED_IN", direction: OUT)
    enterprises: [Enterprise!]! @relationship(type: "INVOLVES", direction: IN)
  }
  type Place @node {
    id: ID!
    name: String!
    type: String!
    mentionedIn: [Section!]! @relationship(type: "MENTIONS", direction: IN)
    projects: [Project!]! @relationship(type: "LOCATED_IN", direction: IN)
    enterprises: [Enterprise!]! @relationship(type: "LOCATED_IN", direction: IN)
    parent: [Place!]! @relationship(type: "PART_OF", direction: OUT)
    children: [Place!]! @relationship(type: "PART_OF", direction: IN)
  }
  type Enterprise @node {
    id: ID!
    name: String!
  }
  # compare and the cross-report targetProgress have no counterpart among the generated fields (one
  # headline row per region; a filter comparing two nodes' values): a peer user writes them as
  # @cypher fields, with the statement plangraph's planner sends.
  type Query {
    compareIndicators(metricKey: String!, year: Int!, baseUnits: [String!]!): [Indicator!]!
      @cypher(statement: ${JSON.stringify(COMPARE_STATEMENT)}, columnName: "n")
    targetsBelowLastYear(first: Int!): [Indicator!]!
      @cypher(statement: ${JSON.stringify(BELOW_STATEMENT)}, columnName: "t")
  }
`;
