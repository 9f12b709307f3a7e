-- Direct derivatives present in each snapshot week of a base model, by relation, from the
-- compact fact: counted under every id the base had ($ids: its current id and earlier names).
SELECT week, relation, CAST(sum(n_children) AS BIGINT) AS derivatives, CAST(sum(n_created) AS BIGINT) AS created_that_week
FROM fact_models__derivatives_by_parent
WHERE list_contains($ids, parent_id)
GROUP BY ALL
ORDER BY week, relation
