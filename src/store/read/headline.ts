// Which of several indicators of one canonical metric is a report's headline figure: the one in
// the 主要预期目标-type paragraph (for achievements, the review's summary paragraph), found by a
// general rule rather than by wording: the section that states the most distinct canonical
// metrics of the same kind and year is that paragraph; inside it, and between equals, the
// earliest statement wins (the headline comes first; a later repeat or breakdown does not).

/** A Cypher expression: how many distinct canonical metrics of `v`'s kind and year its section states. */
export const headlineWeight = (v: string) =>
  `COUNT { MATCH (:Section {id: ${v}.sectionId})-[:STATES]->(hm:Indicator) WHERE hm.kind = ${v}.kind AND hm.year = ${v}.year AND hm.metricKey IS NOT NULL RETURN DISTINCT hm.metricKey }`;

/** The ORDER BY terms that put the headline indicator `v` (weighed as `weight`) first. */
export const headlineOrder = (v: string, weight: string) => `${weight} DESC, ${v}.start, ${v}.id`;
