-- Every descendant (whole tree) of every generation's releases in week $week, dated by its
-- createdAt, but no earlier than its generation's release (a repo created before it declared
-- the base counts from the release on).
CREATE OR REPLACE TEMP TABLE lifecycle_descendants AS
SELECT DISTINCT
    r.line,
    r.generation,
    a.node_uid,
    greatest(l.created, r.generation_start) AS created
FROM lifecycle_releases r
JOIN lineage_ancestry a ON a.week = $week AND a.ancestor_uid = r.release_uid AND a.node_uid <> a.ancestor_uid
JOIN lineage_labels l ON l.week = $week AND l.uid = a.node_uid
WHERE l.created IS NOT NULL
