-- Licence mix of models per week (read by analysis/licences). The licence is the first `license:` tag,
-- lower-cased, as in models__lineage_nodes (the Hub writes that tag from the card's
-- `license` field); NULL when a repo declares none. One row per (week, licence).
SELECT
    week,
    lower(regexp_replace(list_filter(tags, lambda t: starts_with(t, 'license:'))[1], '^license:', '')) AS licence,
    count(*) AS repos,
    count(*) FILTER (WHERE "createdAt" >= week AND "createdAt" < week + INTERVAL 7 DAY) AS created_week
FROM models
GROUP BY ALL
