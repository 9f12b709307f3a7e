-- Every model of a week with what lineage needs: stable key, id, author, creation time,
-- licence (first `license:` tag) and its declared relation (NULL: declares no base model).
-- Needed to resolve parents (by _id, by id, or through an earlier week's id: renames).
-- The Hub gives its oldest repositories a placeholder creation time: that is no release date, and
-- the views' row checks make it NULL (analysis/snapshots/sql/clean.sql), so `created` is NULL for
-- them (the rows and their links are kept).
SELECT
    week,
    coalesce(_id, 'id:' || id) AS uid,
    _id,
    id,
    author,
    createdAt AS created,
    regexp_replace(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], '^license:', '') AS licence,
    coalesce(
        lower(baseModels.relation),
        regexp_extract(
            list_filter(tags, lambda t: regexp_matches(t, '^base_model:(finetune|quantized|adapter|merge):.+$'))[1],
            '^base_model:([a-z]+):', 1
        )
    ) AS relation
FROM models
