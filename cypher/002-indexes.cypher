// Range indexes for the properties that API filters and the loader's lookups use.
CREATE INDEX report_region IF NOT EXISTS FOR (n:Report) ON (n.regionName);
CREATE INDEX report_plan_year IF NOT EXISTS FOR (n:Report) ON (n.planYear);
CREATE INDEX section_report IF NOT EXISTS FOR (n:Section) ON (n.reportId);
CREATE INDEX indicator_report IF NOT EXISTS FOR (n:Indicator) ON (n.reportId);
CREATE INDEX indicator_kind_year IF NOT EXISTS FOR (n:Indicator) ON (n.kind, n.year);
CREATE INDEX indicator_metric IF NOT EXISTS FOR (n:Indicator) ON (n.metric);
CREATE INDEX indicator_unit IF NOT EXISTS FOR (n:Indicator) ON (n.unit);
CREATE INDEX indicator_base_value IF NOT EXISTS FOR (n:Indicator) ON (n.baseValue);
CREATE INDEX goal_report IF NOT EXISTS FOR (n:Goal) ON (n.reportId);
CREATE INDEX goal_kind_year IF NOT EXISTS FOR (n:Goal) ON (n.kind, n.year);
CREATE INDEX goal_name IF NOT EXISTS FOR (n:Goal) ON (n.name);
CREATE INDEX project_report IF NOT EXISTS FOR (n:Project) ON (n.reportId);
CREATE INDEX project_name IF NOT EXISTS FOR (n:Project) ON (n.name);
CREATE INDEX place_name IF NOT EXISTS FOR (n:Place) ON (n.name);
CREATE INDEX place_type IF NOT EXISTS FOR (n:Place) ON (n.type);
CREATE INDEX place_code IF NOT EXISTS FOR (n:Place) ON (n.code);
CREATE INDEX enterprise_name IF NOT EXISTS FOR (n:Enterprise) ON (n.name);
