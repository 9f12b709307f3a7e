-- Family membership in week $week: every node of the lineage graph (a model with a base model, or a
-- model or unresolved id named as a parent) with each family root it descends from and its
-- distance from that root (0 for the root itself). A root is an ancestor (or the node itself)
-- with no base model (self links ignored). A merge of two families belongs to both.
-- A node whose every upward path ends in a cycle has no such root: its family is named after the
-- smallest uid among the cycle members it reaches, with root_kind = 'cycle'.
CREATE OR REPLACE TEMP TABLE lineage_families_week AS
WITH
links AS (SELECT DISTINCT week, child_uid, parent_uid FROM lineage_edges WHERE week = $week AND NOT is_self),
members AS (
    SELECT week, child_uid AS uid FROM links
    UNION
    SELECT week, parent_uid FROM links
    UNION
    SELECT week, child_uid FROM lineage_edges WHERE week = $week AND is_self
),
has_parent AS (SELECT DISTINCT week, child_uid AS uid FROM links),
up AS (
    SELECT week, node_uid, ancestor_uid, depth FROM lineage_ancestry_week WHERE node_uid <> ancestor_uid
    UNION ALL
    SELECT week, uid, uid, 0 FROM members
),
true_roots AS (
    SELECT up.week, up.node_uid, up.ancestor_uid AS root_uid, up.depth, 'root' AS root_kind
    FROM up
    WHERE NOT EXISTS (SELECT 1 FROM has_parent h WHERE h.week = up.week AND h.uid = up.ancestor_uid)
),
cycle_members AS (SELECT DISTINCT week, node_uid AS uid FROM lineage_ancestry_week WHERE node_uid = ancestor_uid),
cycle_rep AS (
    SELECT up.week, up.node_uid, min(up.ancestor_uid) AS root_uid
    FROM up
    JOIN cycle_members c ON c.week = up.week AND c.uid = up.ancestor_uid
    WHERE NOT EXISTS (SELECT 1 FROM true_roots t WHERE t.week = up.week AND t.node_uid = up.node_uid)
    GROUP BY ALL
),
cycle_roots AS (
    SELECT r.week, r.node_uid, r.root_uid, min(up.depth) AS depth, 'cycle' AS root_kind
    FROM cycle_rep r
    JOIN up ON up.week = r.week AND up.node_uid = r.node_uid AND up.ancestor_uid = r.root_uid
    GROUP BY ALL
)
SELECT f.week, f.node_uid, f.root_uid, f.depth, f.root_kind
FROM (SELECT * FROM true_roots UNION ALL SELECT * FROM cycle_roots) f
