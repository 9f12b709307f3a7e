-- Licence drift per week and declared relation, over the lineage links of models__edges
-- (baseModels, or `base_model:<relation>:<id>` tags when baseModels is NULL), with each
-- declared parent resolved WITHIN THE SAME WEEK: by the _id given in baseModels, else by id
-- (the smallest key when several models share it). Renames across weeks are not followed here
-- (a parent named only by an old id counts as not found). Links of a model to itself are left
-- out. Licence: the first `license:` tag, lower-cased. Counts, one per (child, declared parent):
--   edges           all links
--   parent_found    the parent is a model of the same week
--   both_declared   parent found, and both child and parent declare a licence
--   differ          both declared and the licences differ
--   child_dropped   parent found and declares one, the child declares none
-- `week` stays a key (one file's week at a time in the fact store).
WITH
m AS (
    SELECT
        week,
        _id,
        id,
        coalesce(_id, 'id:' || id) AS uid,
        baseModels,
        tags,
        lower(regexp_replace(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], '^license:', '')) AS licence
    FROM models
),
from_struct AS (
    SELECT
        m.week,
        m.uid AS child_uid,
        m.licence AS child_licence,
        lower(m.baseModels.relation) AS relation,
        p.pos AS parent_pos,
        p.parent._id AS parent__id,
        p.parent.id AS parent_id
    FROM m, unnest(m.baseModels.models) WITH ORDINALITY AS p(parent, pos)
    WHERE m.baseModels IS NOT NULL
),
tag_links AS (
    SELECT
        m.week,
        m.uid AS child_uid,
        m.licence AS child_licence,
        regexp_extract(t.tag, '^base_model:(finetune|quantized|adapter|merge):(.+)$', ['relation', 'parent']) AS link,
        t.pos
    FROM m, unnest(m.tags) WITH ORDINALITY AS t(tag, pos)
    WHERE m.baseModels IS NULL
      AND regexp_matches(t.tag, '^base_model:(finetune|quantized|adapter|merge):.+$')
),
from_tags AS (
    SELECT
        week,
        child_uid,
        child_licence,
        link.relation AS relation,
        row_number() OVER (PARTITION BY week, child_uid ORDER BY pos) AS parent_pos,
        CAST(NULL AS VARCHAR) AS parent__id,
        link.parent AS parent_id
    FROM tag_links
),
e AS (
    SELECT * FROM (SELECT * FROM from_struct UNION ALL SELECT * FROM from_tags)
    WHERE parent_id IS NOT NULL OR parent__id IS NOT NULL
),
by_uid AS (
    SELECT e.week, e.child_uid, e.parent_pos, any_value(n.uid) AS uid
    FROM e JOIN m n ON n.week = e.week AND n._id = e.parent__id
    GROUP BY ALL
),
by_id AS (
    SELECT e.week, e.child_uid, e.parent_pos, min(n.uid) AS uid
    FROM e JOIN m n ON n.week = e.week AND n.id = e.parent_id
    GROUP BY ALL
),
resolved AS (
    SELECT
        e.week,
        coalesce(e.relation, '(unknown)') AS relation,
        e.child_uid,
        e.child_licence,
        coalesce(u.uid, i.uid) AS found_uid,
        coalesce(u.uid, i.uid, 'id:' || coalesce(e.parent_id, e.parent__id)) AS parent_uid
    FROM e
    LEFT JOIN by_uid u USING (week, child_uid, parent_pos)
    LEFT JOIN by_id i USING (week, child_uid, parent_pos)
),
j AS (
    SELECT
        r.week,
        r.relation,
        r.found_uid IS NOT NULL AS found,
        r.child_licence AS child,
        p.licence AS parent
    FROM resolved r
    LEFT JOIN m p ON p.week = r.week AND p.uid = r.found_uid
    WHERE r.parent_uid <> r.child_uid
)
SELECT
    week,
    relation,
    count(*) AS edges,
    count(*) FILTER (WHERE found) AS parent_found,
    count(*) FILTER (WHERE found AND child IS NOT NULL AND parent IS NOT NULL) AS both_declared,
    count(*) FILTER (WHERE found AND child IS NOT NULL AND parent IS NOT NULL AND child <> parent) AS differ,
    count(*) FILTER (WHERE found AND child IS NULL AND parent IS NOT NULL) AS child_dropped
FROM j
GROUP BY ALL
