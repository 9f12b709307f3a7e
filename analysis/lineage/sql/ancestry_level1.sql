-- Depth 1 of the ancestry walk (see lineage_ancestry_start.sql): every link's (child, parent).
CREATE OR REPLACE TEMP TABLE lineage_ancestry_week AS
SELECT week, child_uid AS node_uid, parent_uid AS ancestor_uid, 1 AS depth
FROM lineage_links_week;
CREATE OR REPLACE TEMP TABLE lineage_frontier AS
SELECT week, node_uid, ancestor_uid FROM lineage_ancestry_week
