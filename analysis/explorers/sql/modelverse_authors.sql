-- ModelVerse: every owner (author) of week $week (fact_authors: each kind's authors fact) with
-- its models, datasets and spaces held, the 30-day downloads of its models and datasets, and the
-- derivatives of its models (distinct models of the week naming one of its models as a base,
-- self links left out; resolved by the lineage graph, lineage_edges); its kind and country from
-- the temp table org_map (matched case-insensitively; 'unmapped' when absent; '(no owner in id)'
-- for the repositories whose author is NULL, so that the Hub's totals hold every repository).
-- Kept in a temp table for the queries that follow.
CREATE OR REPLACE TEMP TABLE explorers_mv_authors AS
WITH
g AS (
    SELECT
        author,
        coalesce(sum(repos) FILTER (WHERE kind = 'models'), 0) AS models,
        coalesce(sum(repos) FILTER (WHERE kind = 'datasets'), 0) AS datasets,
        coalesce(sum(repos) FILTER (WHERE kind = 'spaces'), 0) AS spaces,
        coalesce(sum(downloads), 0) AS downloads
    FROM fact_authors
    WHERE week = $week
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
