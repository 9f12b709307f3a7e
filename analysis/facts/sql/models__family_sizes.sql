-- reads facts: week_links
-- Per week: every family of the week's lineage graph with at least one derivative, and its size.
-- The graph is the week's links with parents resolved within the week (models__week_links; a
-- parent not found is a node keyed 'id:' || declared id). Links of a model to itself are ignored.
-- A family root is an ancestor (or the node itself) with no base model; a merge of two families
-- belongs to both. A node whose every upward path ends in a cycle belongs to the family named
-- after the smallest key among the cycle members it reaches (root_kind 'cycle'), as in
-- analysis/metrics/sql/lineage_families.sql, which builds one week's trees with renames followed.
-- Computed in the weekly reduction so that sizes over all weeks never need every week's tree.
--   root_uid      the root's key; root_label: its id in the week (the declared id when not found)
--   derivatives   members of the family other than the root
-- `week` stays a key.
WITH RECURSIVE
links AS (
    SELECT DISTINCT week, child_uid, parent_uid
    FROM fact_models__week_links
    WHERE parent_uid <> child_uid
),
walk(week, node_uid, ancestor_uid) USING KEY (week, node_uid, ancestor_uid) AS (
    SELECT week, child_uid, parent_uid FROM links
    UNION
    SELECT w.week, w.node_uid, l.parent_uid
    FROM walk w
    JOIN links l ON l.week = w.week AND l.child_uid = w.ancestor_uid
    WHERE NOT EXISTS (
        SELECT 1 FROM recurring.walk r
        WHERE r.week = w.week AND r.node_uid = w.node_uid AND r.ancestor_uid = l.parent_uid
    )
),
members AS (
    SELECT week, child_uid AS uid FROM links
    UNION
    SELECT week, parent_uid FROM links
),
has_parent AS (SELECT DISTINCT week, child_uid AS uid FROM links),
up AS (
    SELECT week, node_uid, ancestor_uid FROM walk WHERE node_uid <> ancestor_uid
    UNION ALL
    SELECT week, uid, uid FROM members
),
true_roots AS (
    SELECT up.week, up.node_uid, up.ancestor_uid AS root_uid, 'root' AS root_kind
    FROM up
    WHERE NOT EXISTS (SELECT 1 FROM has_parent h WHERE h.week = up.week AND h.uid = up.ancestor_uid)
),
cycle_members AS (SELECT DISTINCT week, node_uid AS uid FROM walk WHERE node_uid = ancestor_uid),
cycle_roots AS (
    SELECT up.week, up.node_uid, min(up.ancestor_uid) AS root_uid, 'cycle' AS root_kind
    FROM up
    JOIN cycle_members c ON c.week = up.week AND c.uid = up.ancestor_uid
    WHERE NOT EXISTS (SELECT 1 FROM true_roots t WHERE t.week = up.week AND t.node_uid = up.node_uid)
    GROUP BY up.week, up.node_uid
),
families AS (SELECT * FROM true_roots UNION ALL SELECT * FROM cycle_roots),
sizes AS (
    SELECT week, root_uid, root_kind, count(*) - 1 AS derivatives
    FROM families
    GROUP BY ALL
    HAVING count(*) > 1
),
-- every root with a derivative is some link's parent: name it as the links do
labels AS (
    SELECT week, parent_uid AS uid, min(parent_label) AS label
    FROM fact_models__week_links
    GROUP BY ALL
)
SELECT s.week, s.root_uid, l.label AS root_label, s.root_kind, s.derivatives
FROM sizes s
LEFT JOIN labels l ON l.week = s.week AND l.uid = s.root_uid
