-- ModelVerse: every owner (author) of week $week with its models, datasets and spaces held, the
-- 30-day downloads of its models and datasets, and the derivatives of its models (distinct models
-- of the week naming one of its models as a base, self links left out; resolved by the lineage
-- graph, lineage_edges); its kind and country from the temp table org_map (matched
-- case-insensitively; 'unmapped' when absent; '(no owner in id)' for the repositories whose
-- author is NULL, so that the Hub's totals hold every repository). Kept in a temp table for the
-- queries that follow.
CREATE OR REPLACE TEMP TABLE explorers_mv_authors AS
WITH
a AS (
    SELECT author, repos AS models, 0 AS datasets, 0 AS spaces, coalesce(downloads, 0) AS downloads
    FROM fact_models__authors WHERE week = $week
    UNION ALL
    SELECT author, 0, repos, 0, coalesce(downloads, 0) FROM fact_datasets__authors WHERE week = $week
    UNION ALL
    SELECT author, 0, 0, repos, 0 FROM fact_spaces__authors WHERE week = $week
),
g AS (
    SELECT author, sum(models) AS models, sum(datasets) AS datasets, sum(spaces) AS spaces,
           sum(downloads) AS downloads
    FROM a
    GROUP BY author
),
d AS (
    SELECT parent_author AS author, count(DISTINCT child_uid) AS derivatives
    FROM lineage_edges
    WHERE week = $week AND NOT is_self AND parent_author IS NOT NULL
    GROUP BY parent_author
),
m AS (SELECT lower(org) AS org, any_value(kind) AS kind, any_value(country) AS country FROM org_map GROUP BY 1)
SELECT
    g.author,
    CASE WHEN g.author IS NULL THEN '(no owner in id)' ELSE coalesce(m.kind, 'unmapped') END AS org_kind,
    coalesce(m.country, 'unmapped') AS country,
    CAST(g.models AS BIGINT) AS models,
    CAST(g.datasets AS BIGINT) AS datasets,
    CAST(g.spaces AS BIGINT) AS spaces,
    CAST(coalesce(d.derivatives, 0) AS BIGINT) AS derivatives,
    CAST(g.downloads AS BIGINT) AS downloads
FROM g
LEFT JOIN m ON m.org = lower(g.author)
LEFT JOIN d ON d.author = g.author
