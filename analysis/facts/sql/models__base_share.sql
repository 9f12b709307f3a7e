-- Compact per-week counts for "the share of new models that declare a base model":
-- models existing and models created during the week (createdAt in [week, week + 7 days)),
-- by declared relation ('none' when the model declares no base model other than itself).
SELECT
    week,
    CASE
        -- a model naming only itself declares no base model (lineage leaves that link out too)
        WHEN len(coalesce(baseModels.models, [])) > 0
            AND len(list_filter(baseModels.models, lambda m: m.id IS DISTINCT FROM id)) = 0 THEN 'none'
        WHEN len(coalesce(baseModels.models, [])) = 0
            AND len(list_filter(tags, lambda t: starts_with(t, 'base_model:') AND NOT ends_with(t, ':' || id))) = 0 THEN 'none'
        ELSE coalesce(
            lower(baseModels.relation),
            regexp_extract(
                list_filter(tags, lambda t: regexp_matches(t, '^base_model:(finetune|quantized|adapter|merge):.+$'))[1],
                '^base_model:([a-z]+):', 1
            ),
            'none'
        )
    END AS relation,
    count(*) AS n_models,
    count(*) FILTER (WHERE createdAt >= week AND createdAt < week + INTERVAL 7 DAY) AS n_created
FROM models
GROUP BY ALL
