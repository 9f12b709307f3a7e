-- The $n most frequent (parent licence -> child licence) changes in week $week among resolved
-- lineage edges whose licences differ ('(none declared)' when a side declares none).
SELECT
    coalesce(lower(parent_licence), '(none declared)') AS parent_licence,
    coalesce(lower(child_licence), '(none declared)') AS child_licence,
    count(*) AS edges
FROM lineage_edges
WHERE week = $week
  AND NOT is_self
  AND resolution <> 'unresolved'
  AND coalesce(lower(parent_licence), '') <> coalesce(lower(child_licence), '')
GROUP BY ALL
ORDER BY edges DESC, parent_licence, child_licence
LIMIT $n
