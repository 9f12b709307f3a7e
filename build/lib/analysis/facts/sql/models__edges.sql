-- One row per (week, child, parent) lineage link declared by a model.
-- Source: baseModels (relation, parent list; merges list several parents). When a week's
-- baseModels is NULL (column missing in that file, or no base model) the `base_model:<relation>:<id>`
-- tags are used instead; they agree with baseModels where both exist. `week` stays a key.
-- child_uid: the child's stable key (_id, or 'id:' || id when _id is missing).
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
from_struct AS (
    SELECT
        m.week,
        m._id,
        m.id,
        m.author,
        m.createdAt,
        m.licence,
        lower(m.baseModels.relation) AS relation,
        len(m.baseModels.models) AS n_parents,
        p.pos AS parent_pos,
        p.parent._id AS parent__id,
        p.parent.id AS parent_id,
        'baseModels' AS source
    FROM m, unnest(m.baseModels.models) WITH ORDINALITY AS p(parent, pos)
    WHERE m.baseModels IS NOT NULL
),
tag_links AS (
    SELECT
        m.week,
        m._id,
        m.id,
        m.author,
        m.createdAt,
        m.licence,
        regexp_extract(t.tag, '^base_model:(finetune|quantized|adapter|merge):(.+)$', ['relation', 'parent']) AS link,
        t.pos
    FROM m, unnest(m.tags) WITH ORDINALITY AS t(tag, pos)
    WHERE m.baseModels IS NULL
      AND regexp_matches(t.tag, '^base_model:(finetune|quantized|adapter|merge):.+$')
),
from_tags AS (
    SELECT
        week,
        _id,
        id,
        author,
        createdAt,
        licence,
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
FROM (SELECT * FROM from_struct UNION ALL SELECT * FROM from_tags)
WHERE parent_id IS NOT NULL OR parent__id IS NOT NULL
