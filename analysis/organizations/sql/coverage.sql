-- How much of week $week the organization mapping (temp table org_map, matched
-- case-insensitively on the author) covers, per repo kind: authors, repos and 30-day downloads
-- in all and of authors the mapping knows (downloads NULL for spaces, which have none).
SELECT
    a.kind AS repo_kind,
    CAST(count(a.author) AS BIGINT) AS authors,
    CAST(count(a.author) FILTER (WHERE m.org IS NOT NULL) AS BIGINT) AS mapped_authors,
    CAST(sum(a.repos) AS BIGINT) AS repos,
    CAST(coalesce(sum(a.repos) FILTER (WHERE m.org IS NOT NULL), 0) AS BIGINT) AS mapped_repos,
    CAST(sum(a.downloads) AS BIGINT) AS downloads,
    CAST(sum(a.downloads) FILTER (WHERE m.org IS NOT NULL) AS BIGINT) AS mapped_downloads
FROM fact_authors AS a
LEFT JOIN (SELECT DISTINCT lower(org) AS org FROM org_map) AS m ON m.org = lower(a.author)
WHERE a.week = $week
GROUP BY a.kind
ORDER BY a.kind
