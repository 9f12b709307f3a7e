-- The 200 datasets named by the most models in each week (read by analysis/datasets): `dataset:<id>`
-- tags. A model naming a dataset twice counts once (its `dataset:` tags are deduplicated before
-- they are unnested, so no (model, dataset) pair is hashed). Ties broken by dataset id.
WITH refs AS (
    SELECT week, substr(unnest(list_distinct(list_filter(tags, lambda t: starts_with(t, 'dataset:')))), length('dataset:') + 1) AS dataset_id
    FROM models
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
