-- Models on the Hub in $week created on or after $since (NULL: any time), with their direct
-- derivatives in the week: the candidates for the release to follow.
WITH direct AS (
    SELECT parent_uid AS uid, count(DISTINCT child_uid) AS direct
    FROM lineage_edges
    WHERE week = $week AND NOT is_self
    GROUP BY parent_uid
)
SELECT l.id, l.created, d.direct
FROM direct AS d
JOIN lineage_labels AS l ON l.week = $week AND l.uid = d.uid
WHERE l.on_hub AND l.created IS NOT NULL AND ($since IS NULL OR l.created >= $since)
ORDER BY d.direct DESC, l.id
