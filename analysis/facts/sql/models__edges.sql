-- One row per (week, child, parent) lineage link declared by a model.
-- Source: baseModels (relation, parent list; merges list several parents). When a week's
-- baseModels is NULL (column missing in that file, or no base model) the `base_model:<relation>:<id>`
-- tags are used instead; they agree with baseModels where both exist. `week` stays a key.
-- child_uid: the child's stable key (_id, or 'id:' || id when _id is missing).
-- Lists are unnested in the select list with their positions (generate_subscripts), not by a
-- lateral join, which DuckDB runs many times slower on a full-size week.
WITH m AS (
    SELECT
        week,
        _id,
        id,
        author,
        createdAt,
        tags,
        baseModels,
        regexp_replace(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], '^license:', '') AS licence
    FROM models
),
-- each link carries its child's columns of m (all but tags and baseModels)
from_struct AS (
    SELECT
        * EXCLUDE (parent),
        parent._id AS parent__id,
        parent.id AS parent_id,
        'baseModels' AS source
    FROM (
        SELECT
            m.* EXCLUDE (tags, baseModels),
            lower(baseModels.relation) AS relation,
            len(baseModels.models) AS n_parents,
            unnest(baseModels.models) AS parent,
            generate_subscripts(baseModels.models, 1) AS parent_pos
        FROM m
        WHERE baseModels IS NOT NULL
    )
),
tag_links AS (
    SELECT
        * EXCLUDE (tag),
        regexp_extract(tag, '^base_model:(finetune|quantized|adapter|merge):(.+)$', ['relation', 'parent']) AS link
    FROM (
        SELECT
            m.* EXCLUDE (tags, baseModels),
            unnest(tags) AS tag,
            generate_subscripts(tags, 1) AS pos
        FROM m
        WHERE baseModels IS NULL
    )
    WHERE starts_with(tag, 'base_model:')
      AND regexp_matches(tag, '^base_model:(finetune|quantized|adapter|merge):.+$')
),
from_tags AS (
    SELECT
        * EXCLUDE (link, pos),
        link.relation AS relation,
        count(*) OVER (PARTITION BY week, coalesce(_id, 'id:' || id)) AS n_parents,
        row_number() OVER (PARTITION BY week, coalesce(_id, 'id:' || id) ORDER BY pos) AS parent_pos,
        CAST(NULL AS VARCHAR) AS parent__id,
        link.parent AS parent_id,
        'tags' AS source
    FROM tag_links
)
SELECT
    week,
    coalesce(_id, 'id:' || id) AS child_uid,
    _id AS child__id,
    id AS child_id,
    author AS child_author,
    createdAt AS child_created,
    licence AS child_licence,
    relation,
    CAST(n_parents AS INTEGER) AS n_parents,
    CAST(parent_pos AS INTEGER) AS parent_pos,
    parent__id,
    parent_id,
    source
FROM (SELECT * FROM from_struct UNION ALL BY NAME SELECT * FROM from_tags)
WHERE parent_id IS NOT NULL OR parent__id IS NOT NULL
