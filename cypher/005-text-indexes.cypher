// Text indexes serve the API's "contains" filters (metricContains, nameContains, titleContains)
// without scanning every node of a label: one plain CONTAINS per property, matched as written.
CREATE TEXT INDEX indicator_metric_text IF NOT EXISTS FOR (n:Indicator) ON (n.metric);
CREATE TEXT INDEX goal_name_text IF NOT EXISTS FOR (n:Goal) ON (n.name);
CREATE TEXT INDEX project_name_text IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE TEXT INDEX section_title_text IF NOT EXISTS FOR (n:Section) ON (n.title);
CREATE TEXT INDEX report_title_text IF NOT EXISTS FOR (n:Report) ON (n.title);
CREATE INDEX indicator_kind IF NOT EXISTS FOR (n:Indicator) ON (n.kind);
CREATE INDEX goal_kind IF NOT EXISTS FOR (n:Goal) ON (n.kind);
