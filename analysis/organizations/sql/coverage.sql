-- How much of week $week the organization mapping (temp table org_map, matched
-- case-insensitively on the author) covers, per repo kind: authors, repos and 30-day downloads
-- in all and of authors the mapping knows (downloads NULL for spaces, which have none).
WITH a AS (
    SELECT 'models' AS repo_kind, week, author, repos, downloads FROM fact_models__authors
    UNION ALL
    SELECT 'datasets' AS repo_kind, week, author, repos, downloads FROM fact_datasets__authors
    UNION ALL
    SELECT 'spaces' AS repo_kind, week, author, repos, downloads FROM fact_spaces__authors
)
SELECT
    a.repo_kind,
    CAST(count(a.author) AS BIGINT) AS authors,
    CAST(count(a.author) FILTER (WHERE m.org IS NOT NULL) AS BIGINT) AS mapped_authors,
    CAST(sum(a.repos) AS BIGINT) AS repos,
    CAST(coalesce(sum(a.repos) FILTER (WHERE m.org IS NOT NULL), 0) AS BIGINT) AS mapped_repos,
    CAST(sum(a.downloads) AS BIGINT) AS downloads,
    CAST(sum(a.downloads) FILTER (WHERE m.org IS NOT NULL) AS BIGINT) AS mapped_downloads
FROM a
LEFT JOIN (SELECT DISTINCT lower(org) AS org FROM org_map) AS m ON m.org = lower(a.author)
WHERE a.week = $week
GROUP BY a.repo_kind
ORDER BY a.repo_kind
