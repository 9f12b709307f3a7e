-- reads seeds: domains
-- Datasets per week and application domain (read by analysis/datasets). A dataset belongs to a domain
-- when one of its tags, after the last ':' and lower-cased, is one of the domain's keywords in
-- analysis/seeds/domains.csv (so `finance`, `task_categories:robotics` and `tag:medical` all count). A dataset
-- matching several domains counts once under each; `(none)` counts datasets matching none.
WITH d AS (
    SELECT
        week,
        coalesce(_id, 'id:' || id) AS uid,
        "createdAt" AS created,
        downloads,
        list_distinct(list_transform(coalesce(tags, []), lambda t: lower(regexp_extract(t, '[^:]*$')))) AS words
    FROM datasets
),
matched AS (
    -- words unnested in the select list (a lateral unnest runs several times slower in DuckDB)
    SELECT DISTINCT w.week, w.uid, w.created, w.downloads, k.domain
    FROM (SELECT week, uid, created, downloads, unnest(words) AS word FROM d) AS w
    JOIN seed_domains AS k ON k.keyword = w.word
),
labelled AS (
    SELECT week, uid, created, downloads, domain FROM matched
    UNION ALL
    SELECT week, uid, created, downloads, '(none)' AS domain
    FROM d
    WHERE NOT EXISTS (SELECT 1 FROM matched AS m WHERE m.week = d.week AND m.uid = d.uid)
)
SELECT
    week,
    domain,
    count(*) AS datasets,
    count(*) FILTER (WHERE created >= week AND created < week + INTERVAL 7 DAY) AS created_week,
    CAST(sum(downloads) AS BIGINT) AS downloads
FROM labelled
GROUP BY week, domain
