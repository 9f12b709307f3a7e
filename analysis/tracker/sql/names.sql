-- Every id a model (stable key $uid) had in any week, oldest first.
SELECT id FROM fact_models__lineage_nodes
WHERE uid = $uid
GROUP BY id
ORDER BY min(week), id
