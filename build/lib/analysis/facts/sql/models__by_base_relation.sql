-- Per week and lineage relation (baseModels.relation: finetune, quantized, adapter, merge;
-- NULL for models without a declared base): models and 30-day downloads.
SELECT
    week,
    baseModels.relation AS relation,
    count(*) AS models,
    sum(downloads) AS downloads_30d
FROM models
GROUP BY week, baseModels.relation
