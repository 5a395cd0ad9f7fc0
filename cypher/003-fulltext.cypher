// Chinese full-text search. The cjk analyzer indexes CJK bigrams, so 高标准农田 or 岳口 match
// inside longer names and sentences without a word segmenter on the server.
CREATE FULLTEXT INDEX plangraph_text IF NOT EXISTS
FOR (n:Report|Section|Indicator|Goal|Project|Place|Enterprise)
ON EACH [n.name, n.title, n.metric, n.text, n.aliasText]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
// Evidence sentences live on relationships (SERVES, LOCATED_IN, …): searchable too.
CREATE FULLTEXT INDEX plangraph_evidence IF NOT EXISTS
FOR ()-[r:SERVES|LOCATED_IN|INVOLVES|PART_OF|PREVIOUS]-()
ON EACH [r.text]
OPTIONS { indexConfig: { `fulltext.analyzer`: 'cjk' } };
