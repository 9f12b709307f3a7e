-- Per week: models created during the week (createdAt in [week, week + 7 days)) and the share
-- of them that declare a base model, overall and by relation. Weeks whose file repeats the
-- previous week byte for byte (the weeks table's repeat_of) get NULL shares, not a false zero.
WITH
w AS (
    SELECT week, relation, sum(n_models) AS n_models, sum(n_created) AS n_created
    FROM fact_models__base_share
    GROUP BY ALL
),
totals AS (
    SELECT week, sum(n_models) AS n_models, sum(n_created) AS n_created FROM w GROUP BY week
),
repeats AS (
    SELECT week, any_value(repeat_of) AS repeat_of FROM weeks WHERE kind = 'models' GROUP BY week
)
SELECT
    w.week,
    w.relation,
    CAST(w.n_created AS BIGINT) AS n_created,
    CAST(t.n_created AS BIGINT) AS n_created_all,
    CASE WHEN r.repeat_of IS NULL AND t.n_created > 0 THEN w.n_created / t.n_created END AS share_of_created,
    CAST(w.n_models AS BIGINT) AS n_models,
    CAST(t.n_models AS BIGINT) AS n_models_all,
    r.repeat_of
FROM w
JOIN totals t USING (week)
LEFT JOIN repeats r USING (week)
ORDER BY w.week, w.relation
