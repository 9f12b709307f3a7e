-- reads facts: week_links
-- Licence drift per week and declared relation, over the lineage links of the week with each
-- declared parent resolved within the same week (models__week_links: by the _id given in
-- baseModels, else by id; renames across weeks are not followed, so a parent named only by an
-- old id counts as not found). Links of a model to itself are left out. Licence: the first
-- `license:` tag, lower-cased. Counts, one per (child, declared parent):
--   edges           all links
--   parent_found    the parent is a model of the same week
--   both_declared   parent found, and both child and parent declare a licence
--   differ          both declared and the licences differ
--   child_dropped   parent found and declares one, the child declares none
-- `week` stays a key (one file's week at a time in the fact store).
WITH j AS (
    SELECT
        week,
        coalesce(relation, '(unknown)') AS relation,
        parent_found AS found,
        child_licence AS child,
        parent_licence AS parent
    FROM fact_models__week_links
    WHERE parent_uid <> child_uid
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
