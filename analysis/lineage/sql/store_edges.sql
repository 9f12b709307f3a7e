-- Append one week's resolved edges and labels (lineage_edges_week, lineage_labels_week, built by
-- lineage_resolve_edges.sql and lineage_labels.sql) to the tables that hold every week built so
-- far on this connection: lineage_edges and lineage_labels.
CREATE TEMP TABLE IF NOT EXISTS lineage_edges AS SELECT * FROM lineage_edges_week LIMIT 0;
CREATE TEMP TABLE IF NOT EXISTS lineage_labels AS SELECT * FROM lineage_labels_week LIMIT 0;
INSERT INTO lineage_edges SELECT * FROM lineage_edges_week;
INSERT INTO lineage_labels SELECT * FROM lineage_labels_week;
DROP TABLE lineage_edges_week;
DROP TABLE lineage_labels_week;
