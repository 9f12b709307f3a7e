-- One more level of the ancestry walk (see lineage_ancestry_start.sql): the parents of the last
-- level's ancestors, keeping only (node, ancestor) pairs not reached at a smaller depth; they are
-- added at depth $depth and become the next level.
CREATE OR REPLACE TEMP TABLE lineage_frontier AS
SELECT n.week, n.node_uid, n.ancestor_uid
FROM (
    SELECT DISTINCT f.week, f.node_uid, l.parent_uid AS ancestor_uid
    FROM lineage_frontier f
    JOIN lineage_links_week l ON l.child_uid = f.ancestor_uid
) n
ANTI JOIN lineage_ancestry_week a ON a.node_uid = n.node_uid AND a.ancestor_uid = n.ancestor_uid;
INSERT INTO lineage_ancestry_week
SELECT week, node_uid, ancestor_uid, $depth FROM lineage_frontier
