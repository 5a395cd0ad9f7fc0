// Chinese full-text search, as 003 made it, with each section indexed by its own words: a
// report's text is indexed once, not once per level of nesting, and a phrase finds the section
// that states it rather than that section and every section above it.
CREATE FULLTEXT INDEX plangraph_text IF NOT EXISTS
FOR (n:Report|Section|Indicator|Goal|Project|Place|Enterprise)
ON EACH [n.name, n.title, n.metric, n.text, n.aliasText, n.ownText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
