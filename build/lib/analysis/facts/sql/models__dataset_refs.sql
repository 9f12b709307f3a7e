-- The 200 datasets named by the most models in each week (owner: analysis 4): `dataset:<id>`
-- tags. A model naming a dataset twice counts once. Ties broken by dataset id.
WITH refs AS (
    SELECT DISTINCT week, coalesce(_id, 'id:' || id) AS uid, substr(t.tag, length('dataset:') + 1) AS dataset_id
    FROM models, unnest(tags) AS t(tag)
    WHERE starts_with(t.tag, 'dataset:')
),
counted AS (
    SELECT week, dataset_id, count(*) AS models
    FROM refs
    GROUP BY week, dataset_id
)
SELECT week, CAST(rank AS INTEGER) AS rank, dataset_id, models
FROM (
    SELECT *, row_number() OVER (PARTITION BY week ORDER BY models DESC, dataset_id) AS rank
    FROM counted
)
WHERE rank <= 200
