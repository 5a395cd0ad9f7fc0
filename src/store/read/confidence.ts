/**
 * The confidence a link needs by default to appear in trace, servedBy, serves, the graph views
 * and `served` filters: clause- (0.9) and sentence-level (0.75) links pass; weaker associations,
 * such as two things stated in the same section, are left out unless a caller lowers it. The
 * GraphQL schema states the same number as its arguments' default.
 */
export const DEFAULT_MIN_CONFIDENCE = 0.5;
