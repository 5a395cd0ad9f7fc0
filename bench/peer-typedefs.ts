// Type definitions for @neo4j/graphql over plangraph's graph: the same labels, relationship
// types and properties (README: Graph model), so the peer reads exactly the data plangraph does.
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
`;
