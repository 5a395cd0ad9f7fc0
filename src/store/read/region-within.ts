// TODO(within): H2's src/store/read/within.ts is the one place-hierarchy filter; this local
// fragment (for compare and targetProgress) is to be replaced by it when the branches meet.

/**
 * A Cypher condition: report `rep`'s region (the Place of its region code) is the place `param`
 * names or lies under it (PART_OF*: a province holds its cities and counties).
 */
export const withinRegion = (rep: string, param: string) =>
  `EXISTS { MATCH (:Place {id: 'place:' + ${rep}.regionCode})-[:PART_OF*0..6]->(:Place {id: ${param}}) }`;
