-- Append one week's ancestry and families (lineage_ancestry_week, lineage_families_week, built by
-- lineage_ancestry_*.sql and lineage_families.sql) to lineage_ancestry and lineage_families, which
-- hold every week built so far on this connection (the caller first deletes the rows of a week built again).
CREATE TEMP TABLE IF NOT EXISTS lineage_ancestry AS SELECT * FROM lineage_ancestry_week LIMIT 0;
CREATE TEMP TABLE IF NOT EXISTS lineage_families AS SELECT * FROM lineage_families_week LIMIT 0;
INSERT INTO lineage_ancestry SELECT * FROM lineage_ancestry_week;
INSERT INTO lineage_families SELECT * FROM lineage_families_week;
DROP TABLE lineage_ancestry_week;
DROP TABLE lineage_families_week;
DROP TABLE lineage_links_week;
DROP TABLE lineage_frontier;
