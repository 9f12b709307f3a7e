-- ModelVerse: totals of week $week per kind of organization (level 'kind') and per kind and
-- country (level 'country') over every owner of explorers_mv_authors, and the Hub's totals
-- (level 'hub'); authors counts the owners (not the repositories without one). derivatives:
-- distinct models naming a model of the group's owners as a base (a model deriving from two
-- owners of the group counts once; self links left out).
WITH
e AS (
    SELECT DISTINCT e.child_uid, x.org_kind, x.country
    FROM lineage_edges e
    JOIN explorers_mv_authors x ON x.author = e.parent_author
    WHERE e.week = $week AND NOT e.is_self
),
kinds AS (
    SELECT 'kind' AS level, org_kind, CAST(NULL AS VARCHAR) AS country, count(author) AS authors,
           sum(models) AS models, sum(datasets) AS datasets, sum(spaces) AS spaces,
           sum(downloads) AS downloads
    FROM explorers_mv_authors GROUP BY org_kind
),
countries AS (
    SELECT 'country' AS level, org_kind, country, count(author), sum(models), sum(datasets),
           sum(spaces), sum(downloads)
    FROM explorers_mv_authors GROUP BY org_kind, country
),
hub AS (
    SELECT 'hub' AS level, CAST(NULL AS VARCHAR), CAST(NULL AS VARCHAR), count(author), sum(models),
           sum(datasets), sum(spaces), sum(downloads)
    FROM explorers_mv_authors
)
SELECT
    g.level,
    g.org_kind,
    g.country,
    CAST(g.authors AS BIGINT) AS authors,
    CAST(g.models AS BIGINT) AS models,
    CAST(g.datasets AS BIGINT) AS datasets,
    CAST(g.spaces AS BIGINT) AS spaces,
    CAST(CASE g.level
        WHEN 'hub' THEN (SELECT count(DISTINCT child_uid) FROM e)
        WHEN 'kind' THEN (SELECT count(DISTINCT child_uid) FROM e WHERE e.org_kind = g.org_kind)
        ELSE (SELECT count(DISTINCT child_uid) FROM e WHERE e.org_kind = g.org_kind AND e.country = g.country)
    END AS BIGINT) AS derivatives,
    CAST(g.downloads AS BIGINT) AS downloads
FROM (SELECT * FROM kinds UNION ALL SELECT * FROM countries UNION ALL SELECT * FROM hub) g
ORDER BY g.level, g.org_kind, g.country
