-- Attention and lineage among the models of one week.
--   zero_download_share: share of models (with a known 30-day count) whose count is 0;
--   top1pct_download_share: downloads of the top 1% of models (ceil(1% of models with a known
--     count), ordered by downloads, ties broken by _id then id so the cut is deterministic)
--     over all downloads; NULL when the week has no downloads at all;
--   base_model_share: share of models whose baseModels declares a relation.
-- downloads is a rolling 30-day count, not cumulative (see the methods page).
WITH m AS (
    SELECT
        downloads,
        baseModels.relation AS relation,
        row_number() OVER (ORDER BY downloads DESC NULLS LAST, _id, id) AS rank,
        count(downloads) OVER () AS known
    FROM models
    WHERE week = CAST($week AS DATE)
)
SELECT
    count(*) AS models,
    count(*) - max(known) AS downloads_unknown,
    avg(CASE WHEN downloads = 0 THEN 1.0 WHEN downloads > 0 THEN 0.0 END) AS zero_download_share,
    sum(downloads) FILTER (WHERE rank <= ceil(known * 0.01))
        / nullif(sum(downloads), 0) AS top1pct_download_share,
    avg(CASE WHEN relation IS NOT NULL THEN 1.0 ELSE 0.0 END) AS base_model_share,
    count(*) FILTER (WHERE relation = 'finetune') AS finetunes,
    count(*) FILTER (WHERE relation = 'quantized') AS quantizations,
    count(*) FILTER (WHERE relation = 'adapter') AS adapters,
    count(*) FILTER (WHERE relation = 'merge') AS merges
FROM m
