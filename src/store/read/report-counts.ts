// What one report contributes, counted per label: used by `stats` and by load verification.
// Expects a bound `r` (a :Report); yields sections, indicators, goals, projects, places, enterprises.
export const REPORT_COUNTS = `
    CALL (r) { MATCH (s:Section {reportId: r.id}) RETURN count(s) AS sections }
    CALL (r) { MATCH (i:Indicator {reportId: r.id}) RETURN count(i) AS indicators }
    CALL (r) { MATCH (g:Goal {reportId: r.id}) RETURN count(g) AS goals }
    CALL (r) { MATCH (p:Project {reportId: r.id}) RETURN count(p) AS projects }
    CALL (r) { MATCH (:Section {reportId: r.id})-[:MENTIONS]->(x:Place) RETURN count(DISTINCT x) AS places }
    CALL (r) { MATCH (:Section {reportId: r.id})-[:MENTIONS]->(x:Enterprise) RETURN count(DISTINCT x) AS enterprises }`;
